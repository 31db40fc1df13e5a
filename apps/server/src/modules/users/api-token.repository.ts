import type { Kysely, Transaction } from "kysely";
import type { ApiToken } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;
export type ApiTokenRow = DB["api_tokens"];

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** A token of `userId` only: another user's token id reads as absent. */
export async function findUserApiToken(db: Db, userId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
}

export async function listUserApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

export async function countActiveApiTokens(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("api_tokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function revokeApiToken(db: Db, id: string, revokedAt: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: revokedAt })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export async function touchApiToken(db: Db, id: string, lastUsedAt: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: lastUsedAt }).where("id", "=", id).execute();
}

export function apiTokenRowToApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
