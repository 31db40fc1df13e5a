import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "./login-throttle.ts";

describe("login throttle", () => {
  it("allows `limit` attempts per key in a window, then refuses until the window ends", () => {
    const throttle = createLoginThrottle({ limit: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4].map((i) => throttle.tryAttempt("10.0.0.1", 1_000 + i))).toEqual([true, true, true, false]);
    expect(throttle.retryAfterSeconds("10.0.0.1", 2_000)).toBe(60);
    expect(throttle.tryAttempt("10.0.0.2", 2_000)).toBe(true);
    expect(throttle.tryAttempt("10.0.0.1", 61_001)).toBe(true);
  });

  it("forgets expired clients once many are remembered", () => {
    const throttle = createLoginThrottle({ limit: 1, windowMs: 1_000 });
    for (let i = 0; i < 10_000; i++) throttle.tryAttempt(`ip-${i}`, 0);
    expect(throttle.tryAttempt("late", 5_000)).toBe(true);
    expect(throttle.tryAttempt("ip-1", 5_000)).toBe(true);
  });
});
