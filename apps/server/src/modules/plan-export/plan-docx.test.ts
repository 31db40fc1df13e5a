import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { A4, documentXml, mm } from "./docx-style.ts";
import { planDocx, unitTaskListDocx } from "./plan-docx.ts";
import { SAMPLE_PLAN } from "./plan-export.fixture.ts";
import { viewFromParsedPlan } from "./plan-export.ts";

const rows = (xml: string) => xml.match(/<w:tr[ >]/g)?.length ?? 0;
const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

describe("plan .docx", () => {
  it("one row per item under a header row repeated on every page", async () => {
    const xml = documentXml(await planDocx(viewFromParsedPlan(SAMPLE_PLAN)));
    expect(rows(xml)).toBe(SAMPLE_PLAN.items.length + 1);
    expect(count(xml, /<w:tblHeader\/>/g)).toBe(1);
    expect(xml).toContain("市财政局牵头，市有关单位配合，各县(市、区)政府落实");
    expect(xml).toContain("（一）深化规章集中公开。");
  });

  it("merges category cells vertically", async () => {
    const xml = documentXml(await planDocx(viewFromParsedPlan(SAMPLE_PLAN)));
    // 一、 over items 1–3 and （一） over items 1–2: two runs started, three cells continuing them.
    expect(count(xml, /<w:vMerge w:val="restart"\/>/g)).toBe(2);
    expect(count(xml, /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toBe(3);
  });

  it("A4 portrait with GB/T 9704 margins for four columns", async () => {
    const xml = documentXml(await planDocx(viewFromParsedPlan(SAMPLE_PLAN)));
    expect(xml).toContain(`w:w="${A4.width}"`);
    expect(xml).toContain(`w:h="${A4.height}"`);
    expect(xml).toMatch(new RegExp(`w:top="${mm(37)}"[^>]*w:right="${mm(26)}"[^>]*w:bottom="${mm(35)}"`));
    expect(xml).not.toContain('w:orient="landscape"');
  });

  it("East Asian fonts on the runs and fallbacks in the font table", async () => {
    const bytes = await planDocx(viewFromParsedPlan(SAMPLE_PLAN));
    const xml = documentXml(bytes);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    const fonts = strFromU8(unzipSync(bytes)["word/fontTable.xml"] ?? new Uint8Array());
    expect(fonts).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/w:name="方正小标宋简体"><w:altName w:val="黑体"\/>/);
  });

  it("page numbers in the footer as — N —", async () => {
    const files = unzipSync(await planDocx(viewFromParsedPlan(SAMPLE_PLAN)));
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    const footer = strFromU8(files[footers[0] ?? ""] ?? new Uint8Array());
    expect(footer).toContain("— ");
    expect(footer).toContain("PAGE");
  });

  it("turns landscape at five columns", async () => {
    const plan = { ...SAMPLE_PLAN, items: SAMPLE_PLAN.items.map((i) => ({ ...i, criteria: "评价公开情况" })) };
    const xml = documentXml(await planDocx(viewFromParsedPlan(plan)));
    expect(xml).toContain('w:orient="landscape"');
  });

  it("a unit's task list has only its items and its role", async () => {
    const xml = documentXml(await unitTaskListDocx(viewFromParsedPlan(SAMPLE_PLAN), "市财政局"));
    expect(rows(xml)).toBe(2);
    expect(xml).toContain("市财政局任务清单");
    expect(xml).toContain("本单位职责");
    expect(xml).toContain(">牵头<");
  });
});
