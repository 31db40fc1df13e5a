import { describe, expect, it } from "vitest";
import { passwordPolicyViolation } from "../auth/password.ts";
import { assignmentViolation, generateInitialPassword, normaliseRoles } from "./user.ts";

describe("user rules", () => {
  it("needs a unit for liaisons and leaders, a jurisdiction for office, viewer and evaluator", () => {
    expect(assignmentViolation({ roles: ["liaison"], jurisdictionId: "jm", unitId: null })).toMatch(/所属单位/);
    expect(assignmentViolation({ roles: ["office"], jurisdictionId: null, unitId: "u" })).toMatch(/行政区划/);
    expect(assignmentViolation({ roles: ["leader"], jurisdictionId: "jm", unitId: "u" })).toBeUndefined();
    expect(assignmentViolation({ roles: ["admin"], jurisdictionId: null, unitId: null })).toBeUndefined();
  });

  it("orders roles and drops duplicates", () => {
    expect(normaliseRoles(["viewer", "office", "viewer"])).toEqual(["office", "viewer"]);
  });

  it("generates initial passwords that pass the policy and differ each time", () => {
    const passwords = Array.from({ length: 200 }, () => generateInitialPassword("zhangsan"));
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(passwordPolicyViolation(p, "zhangsan")).toBeUndefined();
    }
    expect(new Set(passwords).size).toBe(200);
  });
});
