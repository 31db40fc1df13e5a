import type { Jurisdiction, UnitKind } from "@luoshi/contract";

/** The starter registry as typed data: what a new installation for 江门 or 湛江 begins with. */

export type StarterUnit = {
  /** The full official name the unit was created with. */
  name: string;
  kind: UnitKind;
  /** How the unit's own documents write it, relative to its jurisdiction ("市司法局"). */
  shortName?: string;
  aliases?: string[];
  validFrom?: string;
  /** Later names: each from its date, the previous name valid until the day before. */
  renames?: { name: string; shortName?: string; on: string }[];
};

export type StarterGroup = {
  name: string;
  /** Members named per item by the office (市有关单位): no fixed members. */
  perItem?: boolean;
  /** Members by the name they were created with (see StarterUnit.name). */
  members: string[];
};

export type StarterJurisdiction = {
  code: string;
  name: string;
  level: Jurisdiction["level"];
  parentCode: string | null;
  units: StarterUnit[];
  groups: StarterGroup[];
};
