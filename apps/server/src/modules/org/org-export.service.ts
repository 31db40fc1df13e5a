import type { Jurisdiction } from "@luoshi/contract";
import { assertReadJurisdiction, readableSubtree, type Actor } from "./org-context.ts";
import { groupsToTable, GROUP_SHEET, unitsToTable, UNIT_SHEET } from "./org-exchange.ts";
import { writeCsv, writeXlsx } from "./org-sheets.ts";
import {
  jurisdictionRowToJurisdiction,
  listGroupRows,
  listJurisdictionRows,
  listUnitRows,
  loadGroups,
  loadUnits,
  type Db,
} from "./org.repository.ts";

export type ExportedFile = { filename: string; contentType: string; content: Buffer };

/** The registry of a jurisdiction and everything below it: an .xlsx with both sheets, or one CSV table. */
export async function exportRegistry(
  db: Db,
  actor: Actor,
  input: { jurisdictionId: string; format: "xlsx" | "csv"; sheet: "units" | "groups" },
  options: { now?: Date } = {},
): Promise<ExportedFile> {
  await assertReadJurisdiction(db, actor, input.jurisdictionId);
  const ids = await readableSubtree(db, actor, input.jurisdictionId);
  const jurisdictions = new Map<string, Jurisdiction>(
    (await listJurisdictionRows(db)).map((r) => [r.id, jurisdictionRowToJurisdiction(r)]),
  );
  const units = await loadUnits(db, await listUnitRows(db, { jurisdictionIds: ids }));
  const groups = await loadGroups(db, await listGroupRows(db, ids));
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const units_ = unitsToTable(units, jurisdictions);
  const groups_ = groupsToTable(groups, jurisdictions, unitNames);
  const stamp = (options.now ?? new Date()).toISOString().slice(0, 10).replace(/-/g, "");
  const base = `${jurisdictions.get(input.jurisdictionId)?.name ?? ""}单位名录_${stamp}`;
  if (input.format === "xlsx") {
    return {
      filename: `${base}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      content: await writeXlsx([
        { name: UNIT_SHEET, table: units_ },
        { name: GROUP_SHEET, table: groups_ },
      ]),
    };
  }
  const isUnits = input.sheet === "units";
  return {
    filename: `${base}_${isUnits ? UNIT_SHEET : GROUP_SHEET}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: writeCsv(isUnits ? units_ : groups_),
  };
}
