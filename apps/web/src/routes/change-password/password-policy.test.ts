import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("password hint check", () => {
  it("mirrors the server policy", () => {
    expect(passwordProblem("Short-1", "admin")).toBe("密码至少 10 位");
    expect(passwordProblem("alllowercase1", "admin")).toMatch(/至少三类/);
    expect(passwordProblem("My-admin-2026", "admin")).toBe("密码不能包含用户名");
    expect(passwordProblem("Luoshi-2026!", "admin")).toBeUndefined();
  });
});
