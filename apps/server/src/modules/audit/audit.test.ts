import { describe, expect, it } from "vitest";
import { auditTimeBound, formatBeijingTime, sanitizeCell } from "./audit.ts";

describe("audit helpers", () => {
  it("reads a date bound as a whole day in Beijing time", () => {
    expect(auditTimeBound("2026-11-30", "from")).toBe("2026-11-29T16:00:00.000Z");
    expect(auditTimeBound("2026-11-30", "to")).toBe("2026-11-30T16:00:00.000Z");
    expect(auditTimeBound("2026-11-30T08:00:00Z", "to")).toBe("2026-11-30T08:00:00.000Z");
    expect(auditTimeBound("2026-13-45", "from")).toBeUndefined();
    expect(auditTimeBound("2026-02-30", "from")).toBeUndefined();
    expect(auditTimeBound("上周", "from")).toBeUndefined();
  });

  it("shows times in Beijing time", () => {
    expect(formatBeijingTime("2026-11-22T12:05:09.123Z")).toBe("2026-11-22 20:05:09");
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    for (const bad of ["=SUM(A1)", "+86", "-1", "@cmd", "\t=1"]) expect(sanitizeCell(bad)).toBe(`'${bad}`);
    expect(sanitizeCell("user.created")).toBe("user.created");
    expect(sanitizeCell('{"a":1}')).toBe('{"a":1}');
  });
});
