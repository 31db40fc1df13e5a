import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { meResponseSchema, type Role } from "@luoshi/contract";
import type { DB } from "../../src/db/schema.ts";
import { hashPassword } from "../../src/modules/auth/password.ts";

/** The password of every user made by `insertTestUser` (hashed once per run: argon2 is deliberately slow). */
export const TEST_PASSWORD = "Test-Pass-2026";
let testHash: Promise<string> | undefined;
const now = () => new Date().toISOString();

export async function insertJurisdiction(
  db: Kysely<DB>,
  options: { code: string; name: string; level?: DB["jurisdictions"]["level"]; parentId?: string | null },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("jurisdictions")
    .values({
      id,
      code: options.code,
      name: options.name,
      level: options.level ?? "city",
      parent_id: options.parentId ?? null,
      version: 1,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

export async function insertUnit(db: Kysely<DB>, options: { jurisdictionId: string; name: string }): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("units")
    .values({
      id,
      jurisdiction_id: options.jurisdictionId,
      name: options.name,
      short_name: null,
      kind: "department",
      valid_from: null,
      valid_to: null,
      version: 1,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

/** A ready-to-use account (password already changed) with TEST_PASSWORD. */
export async function insertTestUser(
  db: Kysely<DB>,
  options: { username: string; roles: Role[]; jurisdictionId?: string | null; unitId?: string | null },
): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  await db
    .insertInto("users")
    .values({
      id,
      username: options.username,
      display_name: options.username,
      password_hash: await testHash,
      jurisdiction_id: options.jurisdictionId ?? null,
      unit_id: options.unitId ?? null,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      version: 1,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  await db
    .insertInto("user_roles")
    .values(options.roles.map((role) => ({ user_id: id, role })))
    .execute();
  return id;
}

/** A signed-in browser: the session cookie and the CSRF header, ready to spread into `inject` headers. */
export type Client = { headers: { cookie: string; "x-csrf-token": string }; userId: string };

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "luoshi_session");
  const me = meResponseSchema.parse(res.json());
  return { headers: { cookie: `luoshi_session=${cookie?.value}`, "x-csrf-token": me.csrfToken }, userId: me.user.id };
}

export type CityFixture = {
  jurisdictionId: string;
  unitA: string;
  unitB: string;
  /** One user per role (liaison and leader of unit A), plus `liaisonB`/`leaderB` of unit B. */
  users: Record<Role | "liaisonB" | "leaderB", { id: string; username: string }>;
};
export type TwoCities = { jm: CityFixture; zj: CityFixture; pengjiang: { jurisdictionId: string; unitA: string } };

async function seedCity(db: Kysely<DB>, options: { prefix: string; code: string; name: string }): Promise<CityFixture> {
  const jurisdictionId = await insertJurisdiction(db, { code: options.code, name: options.name });
  const unitA = await insertUnit(db, { jurisdictionId, name: `${options.name}司法局` });
  const unitB = await insertUnit(db, { jurisdictionId, name: `${options.name}财政局` });
  const specs: [Role | "liaisonB" | "leaderB", Role, string | null][] = [
    ["admin", "admin", null],
    ["office", "office", null],
    ["liaison", "liaison", unitA],
    ["leader", "leader", unitA],
    ["evaluator", "evaluator", null],
    ["viewer", "viewer", null],
    ["liaisonB", "liaison", unitB],
    ["leaderB", "leader", unitB],
  ];
  const users = {} as CityFixture["users"]; // filled for every key just below
  for (const [key, role, unitId] of specs) {
    const username = `${options.prefix}-${key.toLowerCase()}`;
    users[key] = { id: await insertTestUser(db, { username, roles: [role], jurisdictionId, unitId }), username };
  }
  return { jurisdictionId, unitA, unitB, users };
}

/** 江门 (with the county 蓬江区 below it) and 湛江, each with two units and one account per role. */
export async function seedTwoCities(db: Kysely<DB>): Promise<TwoCities> {
  const jm = await seedCity(db, { prefix: "jm", code: "440700", name: "江门市" });
  const zj = await seedCity(db, { prefix: "zj", code: "440800", name: "湛江市" });
  const pj = await insertJurisdiction(db, {
    code: "440703",
    name: "蓬江区",
    level: "county",
    parentId: jm.jurisdictionId,
  });
  return {
    jm,
    zj,
    pengjiang: { jurisdictionId: pj, unitA: await insertUnit(db, { jurisdictionId: pj, name: "蓬江区司法局" }) },
  };
}
