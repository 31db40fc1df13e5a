import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ApiToken, SessionUser } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import { findRoles, findUserById, userRowToSessionUser } from "../auth/auth.repository.ts";
import {
  apiTokenRowToApiToken,
  countActiveApiTokens,
  findApiTokenByHash,
  findUserApiToken,
  insertApiToken,
  listUserApiTokens,
  revokeApiToken,
  touchApiToken,
} from "./api-token.repository.ts";

/** Enough for any integration; a cap keeps a leaked session from minting tokens without end. */
export const MAX_ACTIVE_TOKENS = 20;

// The prefix lets secret scanners and people recognise a Luoshi token in logs and config files.
const TOKEN_PREFIX = "lst_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const iso = (d: Date) => d.toISOString();

export async function createApiToken(
  db: Kysely<DB>,
  options: { user: SessionUser; name: string; now?: Date },
): Promise<{ token: string; apiToken: ApiToken }> {
  const now = iso(options.now ?? new Date());
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = {
    id: randomUUID(),
    user_id: options.user.id,
    name: options.name,
    token_hash: hashToken(token),
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    if ((await countActiveApiTokens(trx, options.user.id)) >= MAX_ACTIVE_TOKENS) {
      throw new AppError("CONFLICT", `每个账号最多 ${MAX_ACTIVE_TOKENS} 个有效 API 令牌，请先撤销不用的令牌`);
    }
    await insertApiToken(trx, row);
    await insertAudit(trx, {
      at: now,
      actorId: options.user.id,
      action: "token.created",
      entity: "api_token",
      entityId: row.id,
      after: { name: row.name, userId: row.user_id },
    });
  });
  return { token, apiToken: apiTokenRowToApiToken(row) };
}

export async function listApiTokens(db: Kysely<DB>, options: { user: SessionUser }): Promise<ApiToken[]> {
  return (await listUserApiTokens(db, options.user.id)).map(apiTokenRowToApiToken);
}

/** Revokes one of the caller's own tokens; revoking twice is harmless. Another user's token is "not found". */
export async function revokeOwnApiToken(
  db: Kysely<DB>,
  options: { user: SessionUser; id: string; now?: Date },
): Promise<ApiToken> {
  const now = iso(options.now ?? new Date());
  return db.transaction().execute(async (trx) => {
    const row = await findUserApiToken(trx, options.user.id, options.id);
    if (!row) throw new AppError("NOT_FOUND", "API 令牌不存在");
    if (row.revoked_at !== null) return apiTokenRowToApiToken(row);
    await revokeApiToken(trx, row.id, now);
    await insertAudit(trx, {
      at: now,
      actorId: options.user.id,
      action: "token.revoked",
      entity: "api_token",
      entityId: row.id,
      before: { name: row.name, revokedAt: null },
      after: { name: row.name, revokedAt: now },
    });
    return apiTokenRowToApiToken({ ...row, revoked_at: now });
  });
}

/** The user behind a bearer token; undefined when unknown, revoked, or the user is disabled. */
export async function findApiTokenUser(
  db: Kysely<DB>,
  token: string,
  options: { now?: Date } = {},
): Promise<{ user: SessionUser; apiTokenId: string } | undefined> {
  const now = options.now ?? new Date();
  const row = await findApiTokenByHash(db, hashToken(token));
  if (!row || row.revoked_at !== null) return undefined;
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled === 1) return undefined;
  // As with sessions, last-used is written at most once a minute so reads do not turn into writes.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await touchApiToken(db, row.id, iso(now));
  }
  return { user: userRowToSessionUser(user, await findRoles(db, user.id)), apiTokenId: row.id };
}
