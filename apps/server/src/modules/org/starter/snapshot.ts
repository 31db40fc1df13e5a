import type { Jurisdiction, Unit, UnitGroup, UnitName } from "@luoshi/contract";
import { dayBefore } from "../org-names.ts";
import type { RegistrySnapshot } from "../org-resolve.ts";
import type { StarterJurisdiction } from "./types.ts";

/**
 * The starter registry as an in-memory snapshot, ids taken from codes and names. Pure: for unit tests of
 * resolution and for previews; the database is filled by seedStarterRegistry, which applies the same renames.
 */
export function starterSnapshot(registry: readonly StarterJurisdiction[]): RegistrySnapshot {
  const jurisdictions: Jurisdiction[] = registry.map((j) => ({
    id: j.code,
    code: j.code,
    name: j.name,
    level: j.level,
    parentId: j.parentCode,
  }));
  const units: Unit[] = registry.flatMap((j) =>
    j.units.map((u) => {
      const names: UnitName[] = [{ name: u.name, kind: "official", validFrom: u.validFrom ?? null, validTo: null }];
      if (u.shortName) names.push({ name: u.shortName, kind: "short", validFrom: u.validFrom ?? null, validTo: null });
      for (const alias of u.aliases ?? []) names.push({ name: alias, kind: "alias", validFrom: null, validTo: null });
      let current = u.name;
      let short = u.shortName ?? null;
      for (const r of u.renames ?? []) {
        for (const n of names) {
          if (n.validTo === null && (n.name === current || (n.kind === "short" && n.name === short && r.shortName))) {
            n.validTo = dayBefore(r.on);
          }
        }
        names.push({ name: r.name, kind: "official", validFrom: r.on, validTo: null });
        if (r.shortName) names.push({ name: r.shortName, kind: "short", validFrom: r.on, validTo: null });
        current = r.name;
        short = r.shortName ?? short;
      }
      return {
        id: u.name,
        jurisdictionId: j.code,
        name: current,
        shortName: short,
        kind: u.kind,
        validFrom: u.validFrom ?? null,
        validTo: null,
        names,
        version: 1,
      };
    }),
  );
  const groups: UnitGroup[] = registry.flatMap((j) =>
    j.groups.map((g) => ({
      id: `${j.code}:${g.name}`,
      jurisdictionId: j.code,
      name: g.name,
      perItem: g.perItem ?? false,
      memberIds: g.members,
      version: 1,
    })),
  );
  return { jurisdictions, units, groups };
}
