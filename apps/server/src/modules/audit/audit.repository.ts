import type { Kysely, Transaction } from "kysely";
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
