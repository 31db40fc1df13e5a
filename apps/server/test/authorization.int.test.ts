import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { roleSchema, type Role } from "@luoshi/contract";
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { routeRegistry, type RegisteredRoute } from "../src/http/define-route.ts";
import { SYSTEM_ACTOR } from "../src/modules/org/org-context.ts";
import { publishPlan } from "../src/modules/plan-publish/plan-publish.service.ts";
import { mapUnitName } from "../src/modules/plan/plan-edit.service.ts";
import { importFile } from "../src/modules/plan/plan-import.service.ts";
import { getPlan } from "../src/modules/plan/plan-read.service.ts";
import { createApiToken } from "../src/modules/users/api-token.service.ts";
import { seedTwoCities, signIn, type Client, type TwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { seedPath } from "./support/sample-files.ts";
import { exampleOf } from "./support/zod-example.ts";

/**
 * Generated from the route registry: every route × every role, plus anonymous callers. New routes are covered
 * the moment they register; nothing here lists URLs. Path ids are filled with entities of 江门 (seed 001 imported
 * and published there, so documents, plans, items and a unit's notice exist), and callers of 湛江 (or of another
 * 江门 unit) must get 404 for them, never the data.
 */

type Entity = "user" | "unit" | "jurisdiction" | "group" | "token" | "document" | "plan" | "item" | "notice";
const ROLES: readonly Role[] = roleSchema.options;
const ENTITY_BY_SEGMENT: Record<string, Entity> = {
  users: "user",
  units: "unit",
  jurisdictions: "jurisdiction",
  groups: "group",
  "unit-groups": "group",
  tokens: "token",
  documents: "document",
  plans: "plan",
  notices: "notice",
};
const ENTITY_BY_PARAM: Record<string, Entity> = {
  userId: "user",
  unitId: "unit",
  jurisdictionId: "jurisdiction",
  groupId: "group",
  tokenId: "token",
  documentId: "document",
  planId: "plan",
  itemId: "item",
  noticeId: "notice",
};
// Entities that belong to one unit (or one user), so a caller of another unit of the same city is also outside.
const UNIT_BOUND: readonly Entity[] = ["user", "unit", "token", "notice"];

const label = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const paramNames = (url: string) => [...url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);

/** The entity a path parameter names: by its name (`unitId`), or for `:id` by the segment before it. */
function entityOf(url: string, param: string): Entity | undefined {
  if (ENTITY_BY_PARAM[param]) return ENTITY_BY_PARAM[param];
  if (param !== "id") return undefined;
  const segments = url.split("/");
  const segment = segments[segments.indexOf(":id") - 1] ?? "";
  return ENTITY_BY_SEGMENT[segment];
}

describe.each(dialects())("authorisation of every registered route on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TwoCities;
  const clients = new Map<string, Client>();
  let ids: Record<Entity, string>;
  const summary = { anonymous: 0, public: 0, forbidden: 0, crossScope: 0, ownScope: 0 };
  const skipped: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    org = await seedTwoCities(database.db);
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    for (const city of [org.jm, org.zj]) {
      for (const { username } of Object.values(city.users)) clients.set(username, await signIn(app, username));
    }
    const groupId = "group-jm-1";
    const at = new Date().toISOString();
    await database.db
      .insertInto("unit_groups")
      .values({
        id: groupId,
        jurisdiction_id: org.jm.jurisdictionId,
        name: "市有关单位",
        per_item: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const liaison = org.jm.users.liaison;
    const token = await createApiToken(database.db, {
      user: {
        ...liaison,
        displayName: liaison.username,
        roles: ["liaison"],
        jurisdictionId: org.jm.jurisdictionId,
        unitId: org.jm.unitA,
        mustChangePassword: false,
      },
      name: "fixture",
    });
    const plans = await publishedPlanOf(database, org.jm);
    ids = {
      user: org.jm.users.liaison.id,
      unit: org.jm.unitA,
      jurisdiction: org.jm.jurisdictionId,
      group: groupId,
      token: token.apiToken.id,
      ...plans,
    };
  });
  afterAll(async () => {
    console.log(
      `[authorisation ${dialect}] ${routeRegistry.length} routes; checks: ${summary.anonymous} anonymous, ` +
        `${summary.public} public, ${summary.forbidden} role×route 403, ${summary.crossScope} cross-scope 404, ` +
        `${summary.ownScope} admin controls; ${skipped.length} skipped` +
        (skipped.length ? `:\n  - ${skipped.join("\n  - ")}` : ""),
    );
    await app.close();
    await database.drop();
  });

  /** The URL with every parameter filled: a 江门 entity where the parameter names one, else a dummy id. */
  const urlOf = (route: RegisteredRoute) =>
    route.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
      const entity = entityOf(route.url, name);
      return entity ? ids[entity] : "00000000-0000-4000-8000-000000000000";
    });
  const bodyOf = (route: RegisteredRoute) => (route.body ? exampleOf(route.body as z.ZodType) : undefined);
  // Required query parameters (an export's format) get an example too, so the request reaches the scope check.
  const queryOf = (route: RegisteredRoute) =>
    route.query ? (exampleOf(route.query as z.ZodType) as Record<string, string> | undefined) : undefined;
  const call = (route: RegisteredRoute, client?: Client) => {
    const payload = route.method === "GET" || route.method === "DELETE" ? undefined : (bodyOf(route) ?? {});
    const query = queryOf(route);
    return app.inject({
      method: route.method,
      url: urlOf(route),
      headers: client?.headers ?? {},
      ...(query === undefined ? {} : { query }),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };

  it("finds the routes of every module in the registry", () => {
    expect(routeRegistry.length).toBeGreaterThan(10);
    expect(routeRegistry.map(label)).toEqual(expect.arrayContaining(["GET /api/users/:id", "GET /api/audit"]));
  });

  it("answers public routes without a session and every other route with 401", async () => {
    const failures: string[] = [];
    for (const route of routeRegistry) {
      const res = await call(route);
      if ("public" in route.access) {
        summary.public++;
        // A public route may still refuse the request itself (login: wrong password → 401 INVALID_CREDENTIALS).
        const code = res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        if (code && ["UNAUTHENTICATED", "FORBIDDEN", "CSRF_FAILED"].includes(code)) {
          failures.push(`${label(route)} public → ${res.statusCode} ${code}`);
        }
      } else {
        summary.anonymous++;
        if (res.statusCode !== 401 || res.json().error?.code !== "UNAUTHENTICATED") {
          failures.push(`${label(route)} anonymous → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 403 to every role a route does not declare", async () => {
    const failures: string[] = [];
    for (const route of routeRegistry) {
      if ("public" in route.access) continue;
      for (const role of ROLES.filter((r) => !("roles" in route.access && route.access.roles.includes(r)))) {
        const res = await call(route, clients.get(org.jm.users[role].username));
        summary.forbidden++;
        if (res.statusCode !== 403 || res.json().error?.code !== "FORBIDDEN") {
          failures.push(`${label(route)} as ${role} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 for an entity of another jurisdiction or unit, to every declared role", async () => {
    const failures: string[] = [];
    for (const route of routeRegistry) {
      if ("public" in route.access) continue;
      const params = paramNames(route.url);
      if (params.length === 0) continue;
      const entities = params.map((p) => entityOf(route.url, p));
      if (entities.some((e) => e === undefined)) {
        skipped.push(
          `${label(route)}: parameter(s) ${params.filter((_p, i) => !entities[i]).join(", ")} name no known entity`,
        );
        continue;
      }
      if (route.body && bodyOf(route) === undefined) {
        skipped.push(`${label(route)}: no valid example body could be built from its schema`);
        continue;
      }
      // Positive control: an admin reaches the same ids, so the 404s below are not a wrong-id accident.
      if (route.method === "GET") {
        const res = await call(route, clients.get(org.jm.users.admin.username));
        summary.ownScope++;
        if (res.statusCode !== 200) failures.push(`${label(route)} as admin (control) → ${res.statusCode}`);
      }
      const declared = "roles" in route.access ? route.access.roles.filter((r) => r !== "admin") : [];
      for (const role of declared) {
        const outsiders: [string, string][] = [[`湛江 ${role}`, org.zj.users[role].username]];
        const unitBound = entities.every((e) => e && UNIT_BOUND.includes(e));
        if (unitBound && (role === "liaison" || role === "leader")) {
          outsiders.push([
            `江门 other-unit ${role}`,
            org.jm.users[role === "liaison" ? "liaisonB" : "leaderB"].username,
          ]);
        }
        for (const [who, username] of outsiders) {
          const res = await call(route, clients.get(username));
          summary.crossScope++;
          if (res.statusCode !== 404)
            failures.push(`${label(route)} as ${who} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/**
 * Seed 001 imported into the fixture's 江门 and published: its names mostly point at no unit of this two-unit
 * registry, so each one is mapped to unit A (the unit of the 江门 liaison), which then holds a notice.
 */
async function publishedPlanOf(
  database: TestDatabase,
  city: TwoCities["jm"],
): Promise<Record<"document" | "plan" | "item" | "notice", string>> {
  const imported = await importFile(database.db, SYSTEM_ACTOR, {
    jurisdictionId: city.jurisdictionId,
    filename: "001.txt",
    bytes: new Uint8Array(readFileSync(seedPath("001"))),
  });
  const planId = imported.plans[0]?.id as string;
  for (const name of imported.unresolved) {
    await mapUnitName(database.db, SYSTEM_ACTOR, { planId, rawName: name.name, unitId: city.unitA });
  }
  const plan = await getPlan(database.db, SYSTEM_ACTOR, planId);
  await publishPlan(database.db, SYSTEM_ACTOR, { planId, version: plan.version });
  const notice = await database.db
    .selectFrom("unit_notices")
    .select("id")
    .where("unit_id", "=", city.unitA)
    .executeTakeFirstOrThrow();
  return {
    document: imported.documents[0]?.id as string,
    plan: planId,
    item: plan.items[0]?.id as string,
    notice: notice.id,
  };
}
