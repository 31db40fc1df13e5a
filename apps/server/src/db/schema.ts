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
    /** The office's 职责关键词, separated by spaces or 、; null: derived from the name (org/unit-remit.ts). */
    remit: string | null;
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
  calendar_days: {
    date: string;
    kind: "holiday" | "workday";
    name: string;
    source: string;
    created_by: string | null;
    created_at: string;
  };
  calendar_years: { year: number; complete: number; source: string; created_by: string | null; created_at: string };
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
  source_files: {
    id: string;
    jurisdiction_id: string;
    filename: string;
    media_type: string;
    size: number;
    sha256: string;
    content: Buffer;
    uploaded_by: string | null;
    uploaded_at: string;
  };
  documents: {
    id: string;
    jurisdiction_id: string;
    source_file_id: string;
    position: number;
    doc_number: string | null;
    title: string | null;
    issuer: string | null;
    date: string | null;
    recipients_json: string;
    cc_json: string;
    disclosure: string | null;
    printed_json: string | null;
    references_json: string;
    attachments_json: string;
    deadlines_json: string;
    content_sha256: string;
    previous_version_id: string | null;
    is_current: number;
    created_at: string;
    version: number;
  };
  document_links: { from_document_id: string; doc_number: string; title: string | null; to_document_id: string | null };
  plans: {
    id: string;
    jurisdiction_id: string;
    document_id: string;
    position: number;
    title: string | null;
    source: "table" | "outline";
    columns_json: string;
    year: number | null;
    status: "draft" | "published";
    created_at: string;
    updated_at: string;
    version: number;
    /** Set by publishing: the latest version's number and time, and `version` right after that publish. */
    published_version: number | null;
    published_at: string | null;
    published_revision: number | null;
    /** The upstream plan this one was drafted from; null for imported plans. */
    drafted_from_plan_id: string | null;
  };
  plan_items: {
    id: string;
    plan_id: string;
    position: number;
    path_json: string;
    headings_json: string;
    text: string;
    criteria: string | null;
    units_text: string | null;
    deadlines_json: string;
    version: number;
  };
  plan_item_units: {
    id: string;
    item_id: string;
    position: number;
    raw_name: string;
    role: "lead" | "assist" | "responsible" | "supervise";
    is_group: number;
    unit_id: string | null;
    group_id: string | null;
    status: "exact" | "alias" | "prefix" | "historical" | "group" | "unresolved" | "manual";
    suggestions_json: string;
  };
  plan_item_links: {
    item_id: string;
    upstream_item_id: string;
    origin: "draft" | "office";
    created_by: string | null;
    created_at: string;
  };
  plan_versions: {
    id: string;
    plan_id: string;
    number: number;
    note: string | null;
    snapshot_json: string;
    changes_json: string;
    unassigned_json: string;
    item_count: number;
    assignment_count: number;
    unit_count: number;
    notified_unit_count: number;
    published_at: string;
    published_by: string | null;
  };
  plan_assignments: {
    id: string;
    plan_id: string;
    item_id: string;
    item_position: number;
    unit_id: string;
    role: "lead" | "assist" | "responsible" | "supervise";
    via_group_id: string | null;
    via_group: string | null;
    due_date: string | null;
  };
  unit_notices: {
    id: string;
    plan_id: string;
    version_id: string;
    unit_id: string;
    changes_json: string;
    assignment_count: number;
    created_at: string;
    read_at: string | null;
    read_by: string | null;
  };
};
