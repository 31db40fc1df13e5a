import type { Generated } from "kysely";

/**
 * Table types shared by SQLite and PostgreSQL. Portable column choices: ids are text (UUIDs made by the app),
 * timestamps ISO-8601 text in UTC, booleans 0/1 integers, JSON as text.
 */
export type DB = {
  jurisdictions: {
    id: string;
    code: string;
    name: string;
    level: "province" | "city" | "county" | "town";
    parent_id: string | null;
    version: number;
    created_at: string;
    updated_at: string;
  };
  units: {
    id: string;
    jurisdiction_id: string;
    name: string;
    short_name: string | null;
    kind: string;
    valid_from: string | null;
    valid_to: string | null;
    version: number;
    created_at: string;
    updated_at: string;
  };
  unit_names: {
    id: string;
    unit_id: string;
    name: string;
    kind: "official" | "alias" | "short";
    valid_from: string | null;
    valid_to: string | null;
  };
  unit_groups: {
    id: string;
    jurisdiction_id: string;
    name: string;
    per_item: number;
    version: number;
    created_at: string;
    updated_at: string;
  };
  unit_group_members: { group_id: string; unit_id: string };
  users: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    jurisdiction_id: string | null;
    unit_id: string | null;
    must_change_password: number;
    failed_logins: number;
    locked_until: string | null;
    disabled: number;
    version: number;
    created_at: string;
    updated_at: string;
  };
  user_roles: { user_id: string; role: string };
  sessions: {
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor_id: string | null;
    action: string;
    entity: string;
    entity_id: string | null;
    before_json: string | null;
    after_json: string | null;
  };
};
