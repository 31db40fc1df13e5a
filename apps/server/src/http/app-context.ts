import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Dialect } from "../db/database.ts";
import type { DB } from "../db/schema.ts";

/** What route adapters get: storage and configuration, nothing request-specific. */
export type AppContext = { db: Kysely<DB>; dialect: Dialect; config: Config; version: string };
