import { describe, expect, it } from "vitest";
import { sanitiseCell, toCsv } from "./export-csv.ts";

describe("CSV export", () => {
  it("keeps formula-looking cells as text", () => {
    for (const v of ["=SUM(A1)", "+1", "-2", "@cmd", "\t=1"]) expect(sanitiseCell(v)).toBe(`'${v}`);
    expect(sanitiseCell("市政府办公室")).toBe("市政府办公室");
    expect(sanitiseCell("2026-11-22")).toBe("2026-11-22");
  });

  it("writes a BOM, quotes commas and quotes, and uses CRLF", () => {
    const csv = toCsv([{ title: "名称", value: (r: { n: string }) => r.n }], [{ n: 'a,"b"' }, { n: "=1" }]);
    expect(csv).toBe('\uFEFF名称\r\n"a,""b"""\r\n\'=1\r\n');
  });
});
