import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { A4, FONT, PAGE_MARGINS, SIZE, cjkRun, withFontTable } from "./docx-style.ts";
import { viewForUnit, type PlanExportColumn, type PlanExportView } from "./plan-export.ts";
import { cellText, columnWeight, mergeStates, type MergeState } from "./plan-table-cells.ts";

/** The 分工方案 as a Word table laid out like the published ones (seeds 001, 004). Returns the .docx bytes. */
export async function planDocx(view: PlanExportView): Promise<Uint8Array> {
  // Four columns fit a portrait page; the fifth (a second category level, or 评价标准 beside 时限) needs landscape.
  const landscape = view.columns.length >= 5;
  const contentWidth = (landscape ? A4.height : A4.width) - PAGE_MARGINS.left - PAGE_MARGINS.right;
  const doc = new Document({
    creator: "落实 Luoshi",
    title: view.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: SIZE.xiaoSi, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { width: A4.width, height: A4.height, orientation: landscape ? "landscape" : "portrait" },
            margin: { ...PAGE_MARGINS, header: 851, footer: 992 },
          },
        },
        footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
        children: [...titleParagraphs(view), planTable(view, contentWidth)],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return withFontTable(bytes);
}

/** 本单位任务清单: the same table, only the unit's items, with a column for its role. */
export function unitTaskListDocx(view: PlanExportView, unitName: string): Promise<Uint8Array> {
  return planDocx(viewForUnit(view, unitName));
}

function titleParagraphs(view: PlanExportView): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 560, lineRule: "exact" },
      children: [cjkRun({ text: view.title, font: FONT.title, size: SIZE.er })],
    }),
  ];
  const notes = [view.subtitle, view.versionLabel].filter((s): s is string => Boolean(s));
  if (notes.length > 0) {
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [cjkRun({ text: notes.join("　"), font: FONT.body, size: SIZE.san })],
      }),
    );
  }
  return paragraphs;
}

function planTable(view: PlanExportView, contentWidth: number): Table {
  const weights = view.columns.map(columnWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * contentWidth));
  const merges = view.columns.map((column) =>
    column.key === "heading" ? mergeStates(view.items, column.level) : undefined,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: view.columns.map(
      (column, c) =>
        new TableCell({
          width: { size: widths[c] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [cjkRun({ text: column.header, font: FONT.header, size: SIZE.xiaoSi })],
            }),
          ],
        }),
    ),
  });
  const body = view.items.map(
    (item, i) =>
      new TableRow({
        children: view.columns.map((column, c) =>
          bodyCell({
            column,
            text: cellText(item, column),
            width: widths[c] ?? 0,
            merge: merges[c]?.[i] ?? "none",
          }),
        ),
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...body],
  });
}

function bodyCell(options: { column: PlanExportColumn; text: string; width: number; merge: MergeState }): TableCell {
  const { column, text, width, merge } = options;
  const centred = column.key === "role";
  const justified = column.key === "text" || column.key === "criteria";
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    // Category cells stay at the top: a merged cell running over pages is centred on the whole run, which can put
    // its title pages away from where the category starts.
    verticalAlign: centred ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(merge === "restart" ? { verticalMerge: VerticalMergeType.RESTART } : {}),
    ...(merge === "continue" ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
    children: [
      new Paragraph({
        // 两端对齐 for running text, as 公文 body text is set.
        alignment: centred ? AlignmentType.CENTER : justified ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
        // A continued merged cell must still hold a paragraph, but its text would be hidden; keep it empty.
        children: merge === "continue" ? [] : [cjkRun({ text, font: FONT.body, size: SIZE.xiaoSi })],
      }),
    ],
  });
}

/** GB/T 9704 §7.5: 4号 半角 numbers between 一字线, odd pages right and even pages left, one character in. */
function pageNumberFooter(side: "left" | "right"): Footer {
  const font = { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "right" ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font, size: SIZE.si, children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}
