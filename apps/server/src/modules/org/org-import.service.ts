import type { ImportReport, Jurisdiction, Unit } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionSubtree } from "../access/scope.repository.ts";
import { assertWriteJurisdiction, audit, inTransaction, nowIso, type Actor } from "./org-context.ts";
import {
  parseGroupTable,
  parseUnitTable,
  tableKind,
  type GroupImportRow,
  type ImportError,
  type UnitImportRow,
} from "./org-exchange.ts";
import { createGroup, setGroupMembers } from "./org-groups.service.ts";
import { nameKey } from "./org-names.ts";
import { readCsv, readXlsx, type Table } from "./org-sheets.ts";
import { addAlias, createUnit, updateUnit } from "./org-units.service.ts";
import {
  jurisdictionRowToJurisdiction,
  listGroupRows,
  listJurisdictionRows,
  listUnitRows,
  loadGroups,
  loadUnits,
  type Db,
} from "./org.repository.ts";

/**
 * Imports units and groups from an .xlsx (sheets 单位 and 分组) or a CSV (one of the two, told apart by its
 * header). Every row is checked first and every error reported with its row; when any row is wrong nothing is
 * applied. Otherwise all rows apply in one transaction through the services, each change with its audit row.
 * Existing units (same jurisdiction, same current name) are updated; aliases are added, never removed.
 */
export async function importRegistry(
  db: Db,
  actor: Actor,
  input: { jurisdictionId: string; filename: string; content: Buffer },
  options: { now?: Date } = {},
): Promise<ImportReport> {
  await assertWriteJurisdiction(db, actor, input.jurisdictionId);
  const tables = await readTables(input.filename, input.content);
  const units: UnitImportRow[] = [];
  const groups: GroupImportRow[] = [];
  const errors: ImportError[] = [];
  for (const { table } of tables) {
    const kind = tableKind(table);
    if (kind === "units") collect(parseUnitTable(table, "单位表"), units, errors);
    if (kind === "groups") collect(parseGroupTable(table, "分组表"), groups, errors);
  }
  if (!tables.some(({ table }) => tableKind(table))) {
    errors.push({ row: 1, message: "未找到单位表或分组表：第一行应为导出文件的表头（行政区划代码… 或 区划代码…）" });
  }
  const ctx = await loadContext(db, input.jurisdictionId);
  errors.push(...checkUnits(units, ctx), ...checkGroups(groups, units, ctx));
  if (errors.length > 0) return { created: 0, updated: 0, errors: errors.sort((a, b) => a.row - b.row) };

  try {
    return await inTransaction(db, async (trx) => {
      const report: ImportReport = { created: 0, updated: 0, errors: [] };
      const unitIds = new Map(ctx.units.map((u) => [memberKey(u.jurisdictionId, u.name), u.id]));
      for (const row of units) {
        const j = ctx.byCode.get(row.code) as Jurisdiction;
        const existing = ctx.unitByName.get(memberKey(j.id, row.name));
        const outcome = await atRow("单位表", row.row, () => applyUnit(trx, actor, j, row, existing, options));
        if (outcome.created) report.created++;
        else if (outcome.changed) report.updated++;
        unitIds.set(memberKey(j.id, row.name), outcome.id);
      }
      for (const row of groups) {
        const j = ctx.byCode.get(row.code) as Jurisdiction;
        const memberIds = row.members.map((name) => findMember(ctx, unitIds, j.id, name) as string);
        const existing = ctx.groups.find((g) => g.jurisdictionId === j.id && g.name === row.name);
        if (!existing) {
          await atRow("分组表", row.row, () =>
            createGroup(trx, actor, { jurisdictionId: j.id, name: row.name, perItem: row.perItem, memberIds }, options),
          );
          report.created++;
        } else if (existing.perItem !== row.perItem || !sameSet(existing.memberIds, memberIds)) {
          await atRow("分组表", row.row, () =>
            setGroupMembers(
              trx,
              actor,
              { id: existing.id, version: existing.version, memberIds, perItem: row.perItem },
              options,
            ),
          );
          report.updated++;
        }
      }
      await audit(trx, actor, {
        at: nowIso(options.now),
        action: "org.imported",
        entity: "jurisdiction",
        entityId: input.jurisdictionId,
        after: { filename: input.filename, created: report.created, updated: report.updated },
      });
      return report;
    });
  } catch (error) {
    if (error instanceof RowError)
      return { created: 0, updated: 0, errors: [{ row: error.row, message: error.message }] };
    throw error;
  }
}

class RowError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** A service refusing one row (a name clash, a stale version) rolls the whole import back, naming the row. */
async function atRow<T>(sheet: string, row: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throw new RowError(row, `${sheet}第 ${row} 行：${error.message}`);
    throw error;
  }
}

async function applyUnit(
  trx: Db,
  actor: Actor,
  j: Jurisdiction,
  row: UnitImportRow,
  existing: Unit | undefined,
  options: { now?: Date },
): Promise<{ id: string; created: boolean; changed: boolean }> {
  let unit =
    existing ??
    (await createUnit(
      trx,
      actor,
      {
        jurisdictionId: j.id,
        name: row.name,
        shortName: row.shortName,
        kind: row.kind,
        validFrom: row.validFrom,
        aliases: row.aliases,
      },
      options,
    ));
  let changed = false;
  if (unit.shortName !== row.shortName || unit.kind !== row.kind || unit.validTo !== row.validTo) {
    unit = await updateUnit(
      trx,
      actor,
      { id: unit.id, version: unit.version, shortName: row.shortName, kind: row.kind, validTo: row.validTo },
      options,
    );
    changed = true;
  }
  const known = new Set(unit.names.map((n) => nameKey(n.name)));
  for (const alias of row.aliases.filter((a) => !known.has(nameKey(a)))) {
    unit = await addAlias(trx, actor, { id: unit.id, name: alias }, options);
    changed = true;
  }
  return { id: unit.id, created: !existing, changed };
}

type Context = {
  byCode: Map<string, Jurisdiction>;
  units: Unit[];
  unitByName: Map<string, Unit>;
  groups: Awaited<ReturnType<typeof loadGroups>>;
  subtreeOf: Map<string, Set<string>>;
};

async function loadContext(db: Db, jurisdictionId: string): Promise<Context> {
  const ids = await jurisdictionSubtree(db, jurisdictionId);
  const all = (await listJurisdictionRows(db)).map(jurisdictionRowToJurisdiction);
  const inScope = all.filter((j) => ids.includes(j.id));
  const units = await loadUnits(db, await listUnitRows(db, { jurisdictionIds: ids }));
  const subtreeOf = new Map<string, Set<string>>();
  for (const j of inScope) subtreeOf.set(j.id, new Set(await jurisdictionSubtree(db, j.id)));
  return {
    byCode: new Map(inScope.map((j) => [j.code, j])),
    units,
    unitByName: new Map(units.map((u) => [memberKey(u.jurisdictionId, u.name), u])),
    groups: await loadGroups(db, await listGroupRows(db, ids)),
    subtreeOf,
  };
}

function checkUnits(rows: readonly UnitImportRow[], ctx: Context): ImportError[] {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const fail = (message: string) => errors.push({ row: row.row, message: `单位表第 ${row.row} 行：${message}` });
    const j = ctx.byCode.get(row.code);
    if (!j) {
      fail(`行政区划代码 ${row.code} 不存在或不在本次导入的区划范围内`);
      continue;
    }
    if (row.jurisdictionName && row.jurisdictionName !== j.name) {
      fail(`区划名称“${row.jurisdictionName}”与代码 ${row.code}（${j.name}）不符`);
    }
    const key = memberKey(j.id, row.name);
    const first = seen.get(key);
    if (first !== undefined) fail(`单位“${row.name}”与第 ${first} 行重复`);
    else seen.set(key, row.row);
    const existing = ctx.unitByName.get(key);
    const former = ctx.units.find(
      (u) =>
        u.jurisdictionId === j.id &&
        u.name !== row.name &&
        u.names.some((n) => n.kind === "official" && n.name === row.name),
    );
    if (!existing && former) fail(`“${row.name}”是“${former.name}”的曾用名，请填写现名称`);
    if (existing && existing.validFrom !== row.validFrom) {
      fail(`已有单位的启用日期不能通过导入修改（现为 ${existing.validFrom ?? "空"}）`);
    }
  }
  return errors;
}

function checkGroups(rows: readonly GroupImportRow[], unitRows: readonly UnitImportRow[], ctx: Context): ImportError[] {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  const fileUnits = new Map<string, string>();
  for (const u of unitRows) {
    const j = ctx.byCode.get(u.code);
    if (j) fileUnits.set(memberKey(j.id, u.name), `file:${u.row}`);
  }
  for (const row of rows) {
    const fail = (message: string) => errors.push({ row: row.row, message: `分组表第 ${row.row} 行：${message}` });
    const j = ctx.byCode.get(row.code);
    if (!j) {
      fail(`区划代码 ${row.code} 不存在或不在本次导入的区划范围内`);
      continue;
    }
    const key = `${j.id}\u0000${row.name}`;
    const first = seen.get(key);
    if (first !== undefined) fail(`分组“${row.name}”与第 ${first} 行重复`);
    else seen.set(key, row.row);
    const unknown = row.members.filter((name) => !findMember(ctx, fileUnits, j.id, name));
    if (unknown.length > 0) fail(`成员单位不存在于本区划及下级：${unknown.join("、")}`);
  }
  return errors;
}

/** A member is named by its full current name and may live in the group's jurisdiction or below. */
function findMember(ctx: Context, extra: ReadonlyMap<string, string>, jurisdictionId: string, name: string) {
  for (const id of ctx.subtreeOf.get(jurisdictionId) ?? []) {
    const key = memberKey(id, name);
    const found = extra.get(key) ?? ctx.unitByName.get(key)?.id;
    if (found) return found;
  }
  return undefined;
}

const memberKey = (jurisdictionId: string, name: string) => `${jurisdictionId}\u0000${nameKey(name)}`;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === new Set(b).size && a.every((x) => b.includes(x));

function collect<T>(parsed: { rows: T[]; errors: ImportError[] }, rows: T[], errors: ImportError[]): void {
  rows.push(...parsed.rows);
  errors.push(...parsed.errors);
}

async function readTables(filename: string, content: Buffer): Promise<{ table: Table }[]> {
  const lower = filename.toLowerCase();
  try {
    if (lower.endsWith(".xlsx")) return await readXlsx(content);
    if (lower.endsWith(".csv")) return [{ table: readCsv(content) }];
  } catch {
    throw new AppError("VALIDATION_FAILED", `无法读取文件“${filename}”：文件已损坏或不是所声明的格式`);
  }
  throw new AppError("VALIDATION_FAILED", "仅支持导入 .xlsx 或 .csv 文件（.xls 请先在 Excel/WPS 中另存为 .xlsx）");
}
