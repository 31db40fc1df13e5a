import type { Deadline, ParsedDocument, ParsedPlan, ParseWarning } from "@luoshi/contract";
import type { Block, Paragraph } from "./blocks.ts";
import { readDateLine, readPrintedLine } from "./dates.ts";
import { extractDeadlines } from "./deadlines.ts";
import { docNumberYear, readDocNumberLine, stripTrailingDocNumber } from "./doc-number.ts";
import { readNumbering } from "./numbering.ts";
import { buildOutlineItems, isLabelLine } from "./outline.ts";
import { addUniqueReferences, extractReferences } from "./references.ts";
import { splitOrganList } from "./split-list.ts";
import { buildTablePlan } from "./table.ts";

/** GB/T 9704 elements of one 公文, plus where its 版记 stood (needed to settle bundles). */
export type DocumentDraft = ParsedDocument & {
  hasTrailingRecord: boolean;
  forwards: boolean;
  /** "（此件公开发布）", the disclosure printed with the document itself rather than in a 版记. */
  ownDisclosure: string | null;
  warnings: ParseWarning[];
};

const SENTENCE_END = /[。！？!?；;：:][”’"」』）)】]*$/;
const TITLE_WORDS = /关于|要点|方案|通知|意见|办法|细则|规定|决定|清单|报告|批复|规划|计划|函$/;
const ORGAN_END = /(?:办公室|办公厅|人民政府|政府|委员会|局|厅|部|院|署|办|中心|委|处|科|室)$/;
const PLAN_TITLE = /要点|方案|清单|台账|细则|办法|标准|计划|任务|分工/;

const noSpaces = (s: string) => s.replace(/[\s\u3000]+/g, "");

function isTitleLike(p: Paragraph): boolean {
  return p.text.length <= 120 && !SENTENCE_END.test(p.text) && TITLE_WORDS.test(p.text) && !readNumbering(p.text);
}

function isMasthead(p: Paragraph): boolean {
  const t = noSpaces(p.text);
  return t.length <= 40 && !SENTENCE_END.test(t) && (/文件$/.test(t) || ORGAN_END.test(t)) && !/关于/.test(t);
}

/** The 版头/标题 lines just before a 发文字号 anchor, and the 标题 just after it when it comes second. */
function headerBounds(blocks: readonly Block[], anchor: number) {
  let start = anchor;
  let title: Paragraph | undefined;
  let masthead: Paragraph | undefined;
  for (let i = anchor - 1; i >= 0 && anchor - i <= 2; i--) {
    const b = blocks[i];
    if (b?.kind !== "para" || readDateLine(b.text) || readDocNumberLine(b.text)) break;
    if (!title && !masthead && isTitleLike(b) && !isMasthead(b)) title = b;
    else if (!masthead && isMasthead(b)) masthead = b;
    else break;
    start = i;
  }
  let end = anchor + 1;
  const after = blocks[end];
  if (!title && after?.kind === "para" && isTitleLike(after) && !isMasthead(after)) {
    title = after;
    end++;
  }
  return { start, end, title, masthead };
}

export function segmentDocuments(blocks: readonly Block[]): { start: number; anchor: number | undefined }[] {
  const anchors = blocks.flatMap((b, i) => (b.kind === "para" && readDocNumberLine(b.text) ? [i] : []));
  if (anchors.length === 0) return [{ start: 0, anchor: undefined }];
  return anchors.map((anchor) => ({ start: headerBounds(blocks, anchor).start, anchor }));
}

type Phase = "body" | "closing" | "plan";

/** One 公文: its header, body outline, closing elements (署名, 成文日期, 附件说明, 版记) and attached plans. */
export function parseDocument(blocks: readonly Block[], anchor: number | undefined): DocumentDraft {
  const doc: DocumentDraft = {
    issuer: null,
    docNumber: null,
    title: null,
    date: null,
    recipients: [],
    cc: [],
    disclosure: null,
    printed: null,
    references: [],
    attachments: [],
    deadlines: [],
    plans: [],
    hasTrailingRecord: false,
    forwards: false,
    ownDisclosure: null,
    warnings: [],
  };
  let i = 0;
  if (anchor !== undefined) {
    const header = headerBounds(blocks, anchor);
    doc.docNumber = readDocNumberLine((blocks[anchor] as Paragraph).text) ?? null;
    doc.title = header.title ? noSpaces(header.title.text) : null;
    doc.issuer = header.masthead ? noSpaces(header.masthead.text).replace(/文件$/, "") : null;
    i = header.end;
  } else {
    const first = blocks.find((b): b is Paragraph => b.kind === "para");
    if (first && isTitleLike(first)) {
      doc.title = noSpaces(first.text);
      i = blocks.indexOf(first) + 1;
    }
  }
  doc.forwards = /转发/.test(doc.title ?? "");

  const recipients = blocks[i];
  if (recipients?.kind === "para" && /[：:]$/.test(recipients.text) && !/^附件/.test(recipients.text)) {
    doc.recipients = splitOrganList(recipients.text.replace(/[：:]$/, ""));
    i++;
  }

  const year = findYear(blocks, i, doc);
  const bodyParagraphs: string[] = [];
  let planTitle: string | null = null;
  let planParagraphs: string[] | undefined;
  let phase: Phase = "body";
  let sawPlanContent = false;

  const closePlan = () => {
    if (planParagraphs) {
      const items = buildOutlineItems(planParagraphs, year);
      if (items.length > 0) doc.plans.push({ title: planTitle, source: "outline", columns: [], items });
    }
    planParagraphs = undefined;
  };

  for (; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    if (block.kind === "table") {
      const title = planParagraphs && planTitle ? planTitle : doc.title;
      planParagraphs = undefined;
      doc.plans.push(buildTablePlan(block, { title, year, warn: (w) => doc.warnings.push(w) }));
      for (const row of block.rows)
        for (const c of row.cells) addUniqueReferences(doc.references, extractReferences(c));
      planTitle = null;
      phase = "closing";
      sawPlanContent = true;
      continue;
    }
    const text = block.text;
    addUniqueReferences(doc.references, extractReferences(text));
    const next = blocks[i + 1];

    const attachment = /^附\s*件\s*\d*\s*[:：]?\s*(.*)$/.exec(text);
    if (attachment && /^附\s*件\s*\d*\s*([:：]|$)/.test(text)) {
      const rest = attachment[1]?.trim() ?? "";
      if (rest.length > 0) doc.attachments.push(...attachmentTitles(rest));
      if (phase === "body") phase = "closing";
      continue;
    }
    const disclosure = /^[（(]?\s*公开方式\s*[:：]\s*(.+?)[）)]?$/.exec(text);
    if (disclosure?.[1]) {
      if (!doc.disclosure || sawPlanContent) doc.disclosure = noSpaces(disclosure[1]);
      doc.hasTrailingRecord ||= sawPlanContent;
      phase = phase === "body" ? "closing" : phase;
      continue;
    }
    const selfDisclosure = /^[（(]\s*(此件[^（）()]{1,20})\s*[）)]$/.exec(text);
    if (selfDisclosure?.[1]) {
      doc.disclosure = doc.ownDisclosure = noSpaces(selfDisclosure[1]);
      phase = "closing";
      continue;
    }
    const cc = /^抄\s*送\s*[:：]\s*(.*)$/.exec(text);
    if (cc) {
      doc.cc = splitOrganList(cc[1] ?? "");
      doc.hasTrailingRecord ||= sawPlanContent;
      phase = phase === "body" ? "closing" : phase;
      continue;
    }
    const printed = readPrintedLine(text);
    if (printed) {
      doc.printed = { by: printed.by, date: printed.date ?? null };
      doc.hasTrailingRecord ||= sawPlanContent;
      continue;
    }
    if (next?.kind === "para" && readPrintedLine(next.text) && isMasthead(block)) {
      const p = readPrintedLine(next.text);
      doc.printed = { by: p?.by ?? noSpaces(text), date: p?.date ?? null };
      doc.hasTrailingRecord ||= sawPlanContent;
      i++;
      continue;
    }
    const date = readDateLine(text);
    if (date) {
      if (!doc.date && phase !== "plan") doc.date = date;
      phase = "closing";
      continue;
    }
    if (next?.kind === "para" && readDateLine(next.text) && isMasthead(block) && phase !== "plan") {
      doc.issuer = noSpaces(text);
      continue;
    }

    if (phase === "body") {
      bodyParagraphs.push(text);
      continue;
    }
    // After the notice's closing elements, a title line starts an attached plan (a 要点 or 方案).
    const looksLikePlanTitle = !readNumbering(text) && isTitleLike(block) && PLAN_TITLE.test(text);
    if (looksLikePlanTitle && (phase === "closing" || !planParagraphs?.some((p) => readNumbering(p)))) {
      closePlan();
      planTitle = noSpaces(text);
      planParagraphs = [];
      phase = "plan";
      continue;
    }
    if (planParagraphs) {
      planParagraphs.push(text);
      if (readNumbering(text)) sawPlanContent = true;
    }
  }
  closePlan();

  const bodyItems = buildOutlineItems(bodyParagraphs, year);
  if (bodyItems.length > 0) {
    doc.plans.unshift({ title: doc.title, source: "outline", columns: [], items: bodyItems } satisfies ParsedPlan);
  }
  doc.deadlines = bodyParagraphs
    .filter((p) => !readNumbering(p) && !isLabelLine(p))
    .flatMap((p): Deadline[] => extractDeadlines(p, year));
  return doc;
}

/** 附件说明: "附件：1. A 2. B" or one title; a trailing （文号） is dropped. */
function attachmentTitles(rest: string): string[] {
  return rest
    .split(/\s*(?:^|\s)\d+\s*[.．、]\s*/)
    .map((t) => noSpaces(stripTrailingDocNumber(t)))
    .filter((t) => t.length > 0);
}

/** The year that dates without one take: 成文日期, else 印发日期, else the 文号's year. */
function findYear(blocks: readonly Block[], from: number, doc: ParsedDocument): number | undefined {
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i];
    if (b?.kind !== "para") continue;
    const date = readDateLine(b.text) ?? readPrintedLine(b.text)?.date;
    if (date) return Number(date.slice(0, 4));
  }
  return docNumberYear(doc.docNumber);
}
