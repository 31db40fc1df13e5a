import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  at: string;
};

/** Written inside the transaction of the change it records, so the two commit or roll back together. */
export async function insertAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function findAudit(
  db: Kysely<DB>,
  filter: { entity?: string; entityId?: string; actorId?: string; limit?: number },
): Promise<DB["audit_log"][]> {
  let q = db.selectFrom("audit_log").selectAll();
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  if (filter.actorId) q = q.where("actor_id", "=", filter.actorId);
  const rows = await q
    .orderBy("id", "desc")
    .limit(filter.limit ?? 200)
    .execute();
  return rows as unknown as DB["audit_log"][];
}

/** Which entries an audit view may contain: all (admin) or those touching a set of jurisdictions (office). */
export type AuditScope = { all: true } | { jurisdictionIds: readonly string[] };

/** Filters with time bounds already as ISO instants: `from` inclusive, `to` exclusive. */
export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

export type AuditRowWithActor = Selectable<DB["audit_log"]> & { actor_name: string | null };

function scopedAudit(db: Kysely<DB>, options: { scope: AuditScope; filter: AuditFilter }) {
  const { scope, filter } = options;
  return db.selectFrom("audit_log").where((eb) => {
    const conditions = [];
    if ("jurisdictionIds" in scope) {
      // Visible to an office: what its people did, and what was done to its users, units and jurisdictions.
      // `in ()` is not valid SQL; the empty string is never an id.
      const ids = scope.jurisdictionIds.length > 0 ? [...scope.jurisdictionIds] : [""];
      const unitsInScope = eb.selectFrom("units").select("units.id").where("units.jurisdiction_id", "in", ids);
      const usersInScope = eb
        .selectFrom("users")
        .select("users.id")
        .where((w) =>
          w.or([
            w("users.jurisdiction_id", "in", ids),
            w.and([w("users.jurisdiction_id", "is", null), w("users.unit_id", "in", unitsInScope)]),
          ]),
        );
      conditions.push(
        eb.or([
          eb("audit_log.actor_id", "in", usersInScope),
          eb.and([eb("audit_log.entity", "=", "user"), eb("audit_log.entity_id", "in", usersInScope)]),
          eb.and([eb("audit_log.entity", "=", "unit"), eb("audit_log.entity_id", "in", unitsInScope)]),
          eb.and([eb("audit_log.entity", "=", "jurisdiction"), eb("audit_log.entity_id", "in", ids)]),
          eb.and([
            eb("audit_log.entity", "=", "unit_group"),
            eb(
              "audit_log.entity_id",
              "in",
              eb.selectFrom("unit_groups").select("unit_groups.id").where("unit_groups.jurisdiction_id", "in", ids),
            ),
          ]),
        ]),
      );
    }
    if (filter.entity) conditions.push(eb("audit_log.entity", "=", filter.entity));
    if (filter.entityId) conditions.push(eb("audit_log.entity_id", "=", filter.entityId));
    if (filter.actorId) conditions.push(eb("audit_log.actor_id", "=", filter.actorId));
    if (filter.action) {
      // "user" finds user.created, user.updated, …; "user.created" finds exactly that.
      conditions.push(
        eb.or([eb("audit_log.action", "=", filter.action), eb("audit_log.action", "like", `${filter.action}.%`)]),
      );
    }
    if (filter.from) conditions.push(eb("audit_log.at", ">=", filter.from));
    if (filter.to) conditions.push(eb("audit_log.at", "<", filter.to));
    return eb.and(conditions);
  });
}

export async function countAudit(db: Kysely<DB>, options: { scope: AuditScope; filter: AuditFilter }): Promise<number> {
  const row = await scopedAudit(db, options)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Newest first; `offset`/`limit` page through the filtered entries. */
export async function listAudit(
  db: Kysely<DB>,
  options: { scope: AuditScope; filter: AuditFilter; offset: number; limit: number },
): Promise<AuditRowWithActor[]> {
  const rows = await scopedAudit(db, options)
    .leftJoin("users as actor", "actor.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("actor.display_name as actor_name")
    .orderBy("audit_log.id", "desc")
    .offset(options.offset)
    .limit(options.limit)
    .execute();
  // PostgreSQL returns bigserial ids as strings; the contract wants numbers.
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
