import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Ids from the root jurisdiction down to `jurisdictionId` (the tree is a few levels deep). */
export async function jurisdictionPath(db: Db, jurisdictionId: string): Promise<string[]> {
  const path: string[] = [];
  let current: string | null = jurisdictionId;
  while (current && path.length < 10) {
    path.unshift(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom("jurisdictions")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return path;
}

/** Ids of `jurisdictionId` and every jurisdiction below it, for list queries scoped to an office. */
export async function jurisdictionSubtree(db: Db, jurisdictionId: string): Promise<string[]> {
  const all = await db.selectFrom("jurisdictions").select(["id", "parent_id"]).execute();
  const children = new Map<string, string[]>();
  for (const j of all) if (j.parent_id) children.set(j.parent_id, [...(children.get(j.parent_id) ?? []), j.id]);
  const out: string[] = [];
  const stack = [jurisdictionId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
