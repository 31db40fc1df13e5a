import { describe, expect, it } from "vitest";
import { expandItemUnits, type GroupInfo } from "./group-expansion.ts";

const groups = new Map<string, GroupInfo>([
  ["counties", { id: "counties", name: "各县（市、区）政府", perItem: false, memberIds: ["蓬江", "江海"] }],
  ["related", { id: "related", name: "市有关单位", perItem: true, memberIds: [] }],
  ["empty", { id: "empty", name: "各直属机构", perItem: false, memberIds: [] }],
]);
const named = (rawName: string, unitId: string, role: "lead" | "assist" | "responsible" | "supervise") => ({
  rawName,
  role,
  unitId,
  groupId: null,
});
const group = (groupId: string, role: "lead" | "assist" | "responsible" | "supervise" = "responsible") => ({
  rawName: groups.get(groupId)?.name ?? groupId,
  role,
  unitId: null,
  groupId,
});

describe("group expansion", () => {
  it("assigns each member of a group, keeping the group as viaGroup", () => {
    const { assigned, unassigned } = expandItemUnits([named("市司法局", "司法局", "lead"), group("counties")], groups);
    expect(assigned).toEqual([
      { unitId: "司法局", role: "lead", viaGroupId: null, viaGroup: null },
      { unitId: "蓬江", role: "responsible", viaGroupId: "counties", viaGroup: "各县（市、区）政府" },
      { unitId: "江海", role: "responsible", viaGroupId: "counties", viaGroup: "各县（市、区）政府" },
    ]);
    expect(unassigned).toEqual([]);
  });

  it("keeps one assignment per unit: named directly beats a group, then the stronger role", () => {
    const { assigned } = expandItemUnits(
      [
        group("counties", "lead"),
        named("蓬江区政府", "蓬江", "assist"),
        named("市财政局", "财政局", "supervise"),
        named("财政局", "财政局", "assist"),
      ],
      groups,
    );
    expect(assigned.map((a) => [a.unitId, a.role, a.viaGroup])).toEqual([
      ["蓬江", "assist", null],
      ["江海", "lead", "各县（市、区）政府"],
      ["财政局", "assist", null],
    ]);
  });

  it("reports per-item and memberless groups instead of assigning anybody", () => {
    const { assigned, unassigned } = expandItemUnits([group("related", "assist"), group("empty")], groups);
    expect(assigned).toEqual([]);
    expect(unassigned).toEqual([
      { rawName: "市有关单位", groupId: "related", groupName: "市有关单位", reason: "per_item" },
      { rawName: "各直属机构", groupId: "empty", groupName: "各直属机构", reason: "no_members" },
    ]);
  });
});
