import { describe, expect, it } from "vitest";
import { affectedUnitIds, changesForUnit, diffSnapshots } from "./plan-diff.ts";
import type { SnapshotAssignee, SnapshotItem } from "./plan-snapshot.ts";

const direct = (unitId: string, role: SnapshotAssignee["role"] = "responsible"): SnapshotAssignee => ({
  unitId,
  role,
  viaGroupId: null,
  viaGroup: null,
});

function item(id: string, overrides: Partial<SnapshotItem> = {}): SnapshotItem {
  return {
    id,
    position: 0,
    path: ["一", id],
    headings: ["公开"],
    text: `任务${id}`,
    criteria: null,
    unitsText: null,
    deadlines: [],
    units: [],
    assigned: [],
    version: 1,
    ...overrides,
  };
}

describe("change list between two published versions", () => {
  const a = item("1", { assigned: [direct("司法局", "lead"), direct("财政局", "assist")] });
  const b = item("2", { assigned: [direct("教育局")] });
  const c = item("3", { assigned: [direct("民政局")] });

  it("is empty for identical versions", () => {
    expect(diffSnapshots([a, b, c], [a, b, c])).toEqual([]);
  });

  it("names added, removed and changed items with the fields that changed and every holder old and new", () => {
    const a2 = { ...a, text: "任务1（修订）", assigned: [direct("司法局", "lead"), direct("公安局", "assist")] };
    const d = item("4", { assigned: [direct("卫健局")] });
    const changes = diffSnapshots([a, b, c], [a2, c, d]);
    expect(changes).toEqual([
      {
        kind: "changed",
        itemId: "1",
        path: ["一", "1"],
        text: "任务1（修订）",
        previousText: "任务1",
        fields: ["text", "units"],
        unitIds: ["公安局", "司法局", "财政局"],
      },
      {
        kind: "added",
        itemId: "4",
        path: ["一", "4"],
        text: "任务4",
        previousText: null,
        fields: [],
        unitIds: ["卫健局"],
      },
      {
        kind: "removed",
        itemId: "2",
        path: ["一", "2"],
        text: "任务2",
        previousText: null,
        fields: [],
        unitIds: ["教育局"],
      },
    ]);
    expect(affectedUnitIds(changes)).toEqual(["公安局", "卫健局", "司法局", "教育局", "财政局"]);
    // 民政局's item did not change: it hears nothing.
    expect(changesForUnit(changes, "民政局")).toEqual([]);
    expect(changesForUnit(changes, "财政局")).toEqual([{ ...changes[0], unitIds: ["财政局"] }]);
  });

  it("tells criteria and deadline changes apart, including a deadline that got its date later", () => {
    const deadline = { text: "5个工作日内", kind: "within" as const, amount: 5, unit: "workday" as const };
    const before = item("1", { deadlines: [{ ...deadline, resolvedDate: null, note: "需起算日期" }] });
    const dated = { ...before, deadlines: [{ ...deadline, resolvedDate: "2026-03-02", note: null }] };
    expect(diffSnapshots([before], [dated])[0]?.fields).toEqual(["deadlines"]);
    // Only the note's wording differs: nothing a unit has to act on.
    const reworded = { ...before, deadlines: [{ ...deadline, resolvedDate: null, note: "另一说明" }] };
    expect(diffSnapshots([before], [reworded])).toEqual([]);
    expect(diffSnapshots([before], [{ ...before, criteria: "按时公开得满分" }])[0]?.fields).toEqual(["criteria"]);
  });

  it("counts a group gaining a member as a unit change for that member", () => {
    const via = (unitId: string): SnapshotAssignee => ({
      unitId,
      role: "responsible",
      viaGroupId: "g",
      viaGroup: "各县",
    });
    const before = item("1", { assigned: [via("蓬江区")] });
    const after = { ...before, assigned: [via("蓬江区"), via("江海区")] };
    const [change] = diffSnapshots([before], [after]);
    expect(change?.fields).toEqual(["units"]);
    expect(change?.unitIds).toEqual(["江海区", "蓬江区"]);
  });
});
