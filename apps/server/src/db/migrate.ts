import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import * as foundation from "./migrations/2026_11_22_120000_foundation.ts";
import * as orgRegistry from "./migrations/2026_11_22_130000_org_registry.ts";
import * as apiTokens from "./migrations/2026_11_22_140000_api_tokens.ts";
import * as calendar from "./migrations/2026_11_22_150000_calendar.ts";
import * as plans from "./migrations/2026_11_22_160000_plans.ts";
import * as planPublishing from "./migrations/2026_11_22_170000_plan_publishing.ts";
import * as planDrafting from "./migrations/2026_11_22_170100_plan_drafting.ts";

// Listed here, not read from disk, so the server runs the same migrations from source or a bundle.
const MIGRATIONS: Record<string, Migration> = {
  "2026_11_22_120000_foundation": foundation,
  "2026_11_22_130000_org_registry": orgRegistry,
  "2026_11_22_140000_api_tokens": apiTokens,
  "2026_11_22_150000_calendar": calendar,
  "2026_11_22_160000_plans": plans,
  "2026_11_22_170000_plan_publishing": planPublishing,
  "2026_11_22_170100_plan_drafting": planDrafting,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; safe to call on every start and from several processes. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
