import { describe, expect, it } from "vitest";
import { renderBlocks } from "./blocks.ts";
import { layoutPages, type TextItem } from "./pdf-layout.ts";

const SIZE = 16;
const LEFT = 72;
const RIGHT = 522;

/** A line of text starting at x, one item per character run, like pdfjs gives. */
function line(text: string, options: { x?: number; y: number; size?: number }): TextItem {
  const size = options.size ?? SIZE;
  return { text, x: options.x ?? LEFT, y: options.y, width: [...text].length * size, size };
}

function layout(pages: TextItem[][]) {
  const result = layoutPages(pages.map((items, k) => ({ page: k + 1, height: 842, items })));
  return { text: renderBlocks(result.blocks), warnings: result.warnings };
}

describe("layoutPages", () => {
  it("joins the wrapped lines of a paragraph with nothing, across a page break too", () => {
    const full = "一".repeat((RIGHT - LEFT - 2 * SIZE) / SIZE);
    const page1 = [
      line("各县（市、区）人民政府：", { y: 760 }),
      line(`为贯彻落实${full.slice(5)}`, { x: LEFT + 2 * SIZE, y: 732 }),
      line(`${full}二二`, { y: 704 }),
      line("— 1 —", { x: 280, y: 40 }),
    ];
    const page2 = [line("请认真贯彻执行。", { y: 760 }), line("第二段开始。", { x: LEFT + 2 * SIZE, y: 732 })];
    const { text } = layout([page1, page2]);
    expect(text).toBe(
      `各县（市、区）人民政府：\n为贯彻落实${full.slice(5)}${full}二二请认真贯彻执行。\n第二段开始。\n`,
    );
  });

  it("splits items on one baseline into cells when the columns line up", () => {
    const row = (y: number, cells: string[]) =>
      cells.map((c, k) => line(c, { x: [78, 122, 302, 422][k] ?? 0, y, size: 12 }));
    const { text, warnings } = layout([
      [
        ...row(727, ["序号", "工作事项", "责任单位", "完成时限"]),
        ...row(709, ["1", "基层政务公开", "各地级以上市", "2020年底前"]),
        ...row(691, ["2", "政策解读", "省政府各部门", "持续推进"]),
      ],
    ]);
    expect(text).toBe(
      "序号\t工作事项\t责任单位\t完成时限\n1\t基层政务公开\t各地级以上市\t2020年底前\n2\t政策解读\t省政府各部门\t持续推进\n",
    );
    expect(warnings).toEqual([]);
  });

  it("keeps the text and warns when a table cannot be rebuilt with confidence", () => {
    const { text, warnings } = layout([
      [],
      [
        line("一、任务", { x: 80, y: 700, size: 12 }),
        line("市局", { x: 400, y: 700, size: 12 }),
        line("续写的单元格内容", { x: 200, y: 682, size: 12 }),
        line("各县", { x: 400, y: 682, size: 12 }),
      ],
    ]);
    expect(text).toBe("一、任务 市局\n续写的单元格内容 各县\n");
    expect(warnings).toEqual([expect.objectContaining({ code: "PDF_TABLE_UNRECOVERED" })]);
    expect(warnings[0]?.message).toContain("第 2 页");
  });
});
