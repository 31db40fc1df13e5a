import { describe, expect, it } from "vitest";
import type { PlanItem, UnitSuggestion } from "@luoshi/contract";
import { openSuggestions, unitsWithAccepted } from "./draft-units.ts";

const item: PlanItem = {
  id: "i1",
  position: 0,
  path: ["一", "（一）"],
  headings: ["推进决策公开"],
  text: "做好重大行政决策公开。",
  criteria: null,
  unitsText: null,
  deadlines: [],
  units: [
    {
      id: "u1",
      position: 0,
      rawName: "市司法局",
      role: "lead",
      isGroup: false,
      unitId: "sfj",
      groupId: null,
      status: "manual",
      suggestions: [],
    },
  ],
  version: 3,
};

const suggestion = (unitId: string, name: string, role: UnitSuggestion["role"]): UnitSuggestion => ({
  unitId,
  name,
  role,
  score: 0.8,
  basis: "history",
  reason: "2019年方案由其牵头",
});

describe("accepting suggested units", () => {
  it("keeps the item's units and adds the accepted ones mapped to the registry", () => {
    const units = unitsWithAccepted(item, [
      suggestion("sfj", "江门市司法局", "lead"),
      suggestion("zsj", "江门市政务服务数据管理局", "assist"),
    ]);
    expect(units).toEqual([
      { rawName: "市司法局", role: "lead", isGroup: false, unitId: "sfj", groupId: null },
      { rawName: "江门市政务服务数据管理局", role: "assist", isGroup: false, unitId: "zsj" },
    ]);
  });

  it("does not offer a unit the item already carries", () => {
    const open = openSuggestions(item, [suggestion("sfj", "江门市司法局", "lead"), suggestion("x", "X", "assist")]);
    expect(open.map((s) => s.unitId)).toEqual(["x"]);
  });
});
