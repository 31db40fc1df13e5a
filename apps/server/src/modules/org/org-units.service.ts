import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { CreateUnitRequest, Jurisdiction, Unit, UpdateUnitRequest } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { canRead } from "../access/scope.ts";
import {
  assertReadUnit,
  assertWriteJurisdiction,
  assertWriteUnit,
  audit,
  defaultJurisdiction,
  inTransaction,
  nowIso,
  type Actor,
} from "./org-context.ts";
import { dayBefore, nameKey } from "./org-names.ts";
import { normaliseRemit } from "./unit-remit.ts";
import {
  deleteUnitNameRow,
  findJurisdictionRow,
  findUnitRow,
  findUnitRowsByOfficialName,
  insertJurisdictionRow,
  insertUnitNameRow,
  insertUnitRow,
  jurisdictionRowToJurisdiction,
  listJurisdictionRows,
  listUnitNameRows,
  listUnitRows,
  loadUnits,
  updateUnitNameRow,
  updateUnitRow,
  type Db,
} from "./org.repository.ts";

const notFound = () => new AppError("NOT_FOUND", "单位不存在或无权访问");
const stale = () => new AppError("CONFLICT", "单位信息已被他人修改，请刷新后重试");

/** The jurisdictions the actor sees: everything they may read, plus their own (a liaison's unit lives there). */
export async function listJurisdictions(db: Db, actor: Actor): Promise<Jurisdiction[]> {
  const rows = await listJurisdictionRows(db);
  const out: Jurisdiction[] = [];
  for (const row of rows) {
    const readable = canRead(actor, { jurisdictionPath: await jurisdictionPath(db, row.id) });
    if (readable || row.id === actor.jurisdictionId) out.push(jurisdictionRowToJurisdiction(row));
  }
  return out;
}

export async function createJurisdiction(
  db: Db,
  actor: Actor,
  input: Omit<Jurisdiction, "id">,
  options: { now?: Date } = {},
): Promise<Jurisdiction> {
  return inTransaction(db, async (trx) => {
    if (input.parentId) await assertWriteJurisdiction(trx, actor, input.parentId);
    else if (!actor.roles.includes("admin")) throw new AppError("FORBIDDEN", "只有管理员可以创建顶级行政区划");
    const at = nowIso(options.now);
    const jurisdiction: Jurisdiction = { id: randomUUID(), ...input };
    await insertJurisdictionRow(trx, {
      id: jurisdiction.id,
      code: input.code,
      name: input.name,
      level: input.level,
      parent_id: input.parentId,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await audit(trx, actor, {
      at,
      action: "org.jurisdiction.created",
      entity: "jurisdiction",
      entityId: jurisdiction.id,
      after: jurisdiction,
    });
    return jurisdiction;
  });
}

export async function listUnits(
  db: Db,
  actor: Actor,
  input: { jurisdictionId?: string | undefined; q?: string | undefined; includeBelow?: boolean | undefined },
): Promise<Unit[]> {
  const jurisdictionId = defaultJurisdiction(actor, input.jurisdictionId);
  if (!(await findJurisdictionRow(db, jurisdictionId))) throw new AppError("NOT_FOUND", "行政区划不存在或无权访问");
  const ids = input.includeBelow ? await jurisdictionSubtree(db, jurisdictionId) : [jurisdictionId];
  const rows = await listUnitRows(db, { jurisdictionIds: ids, q: input.q || undefined });
  const paths = new Map<string, string[]>();
  for (const id of ids) paths.set(id, await jurisdictionPath(db, id));
  const visible = rows.filter((r) =>
    canRead(actor, { jurisdictionPath: paths.get(r.jurisdiction_id) ?? [], unitId: r.id }),
  );
  // Out of scope is reported like a missing jurisdiction, so other offices' registries cannot be probed.
  if (visible.length === 0 && !canRead(actor, { jurisdictionPath: paths.get(jurisdictionId) ?? [] })) {
    throw new AppError("NOT_FOUND", "行政区划不存在或无权访问");
  }
  return loadUnits(db, visible);
}

export async function getUnit(db: Db, actor: Actor, id: string): Promise<Unit> {
  const row = await findUnitRow(db, id);
  if (!row) throw notFound();
  await assertReadUnit(db, actor, row);
  return (await loadUnits(db, [row]))[0] as Unit;
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: CreateUnitRequest,
  options: { now?: Date } = {},
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    await assertWriteJurisdiction(trx, actor, input.jurisdictionId);
    await assertNameFree(trx, input.jurisdictionId, input.name, undefined);
    const at = nowIso(options.now);
    const id = randomUUID();
    const validFrom = input.validFrom ?? null;
    const shortName = input.shortName || null;
    await insertUnitRow(trx, {
      id,
      jurisdiction_id: input.jurisdictionId,
      name: input.name,
      short_name: shortName,
      kind: input.kind,
      valid_from: validFrom,
      valid_to: null,
      version: 1,
      created_at: at,
      updated_at: at,
      remit: normaliseRemit(input.remit),
    });
    await addName(trx, id, { name: input.name, kind: "official", validFrom });
    if (shortName) await addName(trx, id, { name: shortName, kind: "short", validFrom });
    const seen = new Set([nameKey(input.name), ...(shortName ? [nameKey(shortName)] : [])]);
    for (const alias of input.aliases ?? []) {
      if (seen.has(nameKey(alias))) continue;
      seen.add(nameKey(alias));
      await addName(trx, id, { name: alias, kind: "alias", validFrom: null });
    }
    const unit = await reload(trx, id);
    await audit(trx, actor, { at, action: "org.unit.created", entity: "unit", entityId: id, after: unit });
    return unit;
  });
}

/**
 * Changes a unit. A new name with `renamedOn` is a rename: the old official (and short) name stays, valid until
 * the day before, so documents of earlier years still resolve. A new name without it corrects a misspelling.
 */
export async function updateUnit(
  db: Db,
  actor: Actor,
  input: UpdateUnitRequest & { id: string },
  options: { now?: Date } = {},
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const row = await findUnitRow(trx, input.id);
    if (!row) throw notFound();
    await assertWriteUnit(trx, actor, row);
    if (row.version !== input.version) throw stale();
    const before = await reload(trx, row.id);
    const at = nowIso(options.now);
    const names = await listUnitNameRows(trx, [row.id]);
    const renaming = input.name !== undefined && input.name !== row.name;
    const rename = renaming && input.renamedOn ? input.renamedOn : undefined;
    if (input.renamedOn && !renaming) throw new AppError("VALIDATION_FAILED", "填写了更名日期，但单位名称没有变化");
    if (renaming && input.name) {
      await assertNameFree(trx, row.jurisdiction_id, input.name, row.id);
      const current = names.find((n) => n.kind === "official" && n.name === row.name && n.valid_to === null);
      if (rename) {
        if (current?.valid_from && current.valid_from >= rename) {
          throw new AppError("VALIDATION_FAILED", `更名日期须晚于现名称的启用日期 ${current.valid_from}`);
        }
        if (current) await updateUnitNameRow(trx, current.id, { valid_to: dayBefore(rename) });
        await addName(trx, row.id, { name: input.name, kind: "official", validFrom: rename });
      } else if (current) {
        await updateUnitNameRow(trx, current.id, { name: input.name });
      } else {
        await addName(trx, row.id, { name: input.name, kind: "official", validFrom: row.valid_from });
      }
    }
    const shortName = input.shortName === undefined ? row.short_name : input.shortName || null;
    if (shortName !== row.short_name) {
      for (const n of names.filter((x) => x.kind === "short" && x.valid_to === null)) {
        if (rename) await updateUnitNameRow(trx, n.id, { valid_to: dayBefore(rename) });
        else await deleteUnitNameRow(trx, n.id);
      }
      if (shortName) await addName(trx, row.id, { name: shortName, kind: "short", validFrom: rename ?? null });
    }
    const updated = await updateUnitRow(trx, row.id, row.version, {
      name: input.name ?? row.name,
      short_name: shortName,
      kind: input.kind ?? row.kind,
      valid_to: input.validTo === undefined ? row.valid_to : input.validTo,
      remit: input.remit === undefined ? row.remit : normaliseRemit(input.remit),
      updated_at: at,
    });
    if (!updated) throw stale();
    const after = await reload(trx, row.id);
    await audit(trx, actor, {
      at,
      action: rename ? "org.unit.renamed" : "org.unit.updated",
      entity: "unit",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

export async function addAlias(
  db: Db,
  actor: Actor,
  input: { id: string; name: string },
  options: { now?: Date } = {},
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const row = await findUnitRow(trx, input.id);
    if (!row) throw notFound();
    await assertWriteUnit(trx, actor, row);
    const before = await reload(trx, row.id);
    if (before.names.some((n) => nameKey(n.name) === nameKey(input.name))) {
      throw new AppError("CONFLICT", `“${input.name}”已是该单位的名称`);
    }
    const at = nowIso(options.now);
    await addName(trx, row.id, { name: input.name, kind: "alias", validFrom: null });
    if (!(await updateUnitRow(trx, row.id, row.version, { updated_at: at }))) throw stale();
    const after = await reload(trx, row.id);
    await audit(trx, actor, {
      at,
      action: "org.unit.alias_added",
      entity: "unit",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

async function addName(
  trx: Transaction<DB>,
  unitId: string,
  name: { name: string; kind: "official" | "alias" | "short"; validFrom: string | null },
): Promise<void> {
  await insertUnitNameRow(trx, {
    id: randomUUID(),
    unit_id: unitId,
    name: name.name,
    kind: name.kind,
    valid_from: name.validFrom,
    valid_to: null,
  });
}

async function assertNameFree(trx: Db, jurisdictionId: string, name: string, exceptId: string | undefined) {
  const clash = (await findUnitRowsByOfficialName(trx, jurisdictionId, name)).find((u) => u.id !== exceptId);
  if (clash) throw new AppError("CONFLICT", `本区划已有名为“${name}”的单位`);
}

async function reload(db: Db, id: string): Promise<Unit> {
  const row = await findUnitRow(db, id);
  if (!row) throw notFound();
  return (await loadUnits(db, [row]))[0] as Unit;
}
