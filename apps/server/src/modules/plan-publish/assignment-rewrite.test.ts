import { describe, expect, it } from "vitest";
import { assignmentRewrite } from "./assignment-rewrite.ts";
import type { PlanSnapshot, SnapshotItem } from "./plan-snapshot.ts";

const item = (id: string, position: number, assigned: SnapshotItem["assigned"]): SnapshotItem => ({
  id,
  position,
  path: [String(position + 1)],
  headings: [],
  text: id,
  criteria: null,
  unitsText: null,
  deadlines: [{ text: "2026年底前", kind: "by", date: "2026-12-31", resolvedDate: "2026-12-31", note: null }],
  units: [],
  assigned,
  version: 1,
});
const snapshot = (items: SnapshotItem[]): PlanSnapshot => ({
  planId: "p",
  jurisdictionId: "j",
  documentId: "d",
  title: null,
  source: "table",
  columns: [],
  year: 2026,
  groups: {},
  unitNames: {},
  items,
});
const held = (unitId: string, role: "lead" | "responsible" = "responsible") => ({
  unitId,
  role,
  viaGroupId: null,
  viaGroup: null,
});

describe("rewriting the assignment rows of a new version", () => {
  it("inserts every row of a first version, with the item's earliest resolved date", () => {
    const { deleteIds, insert } = assignmentRewrite([], snapshot([item("a", 0, [held("u1", "lead"), held("u2")])]));
    expect(deleteIds).toEqual([]);
    expect(insert.map((r) => [r.item_id, r.unit_id, r.role, r.due_date])).toEqual([
      ["a", "u1", "lead", "2026-12-31"],
      ["a", "u2", "responsible", "2026-12-31"],
    ]);
  });

  it("leaves unchanged rows alone, keeps ids of changed ones, and deletes what is gone", () => {
    const first = assignmentRewrite([], snapshot([item("a", 0, [held("u1"), held("u2")]), item("b", 1, [held("u3")])]));
    const ids = new Map(first.insert.map((r) => [`${r.item_id}/${r.unit_id}`, r.id]));
    const next = snapshot([item("a", 0, [held("u1", "lead"), held("u4")]), item("b", 1, [held("u3")])]);
    const { deleteIds, insert } = assignmentRewrite(first.insert, next);
    expect(insert.map((r) => [r.unit_id, r.role])).toEqual([
      ["u1", "lead"],
      ["u4", "responsible"],
    ]);
    expect(insert[0]?.id).toBe(ids.get("a/u1"));
    expect(insert[1]?.id).not.toBe(ids.get("a/u2"));
    expect(deleteIds.sort()).toEqual([ids.get("a/u1"), ids.get("a/u2")].sort());
  });
});
