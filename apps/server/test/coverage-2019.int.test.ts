import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseText } from "@luoshi/parser";
import type { ParsedItem } from "@luoshi/contract";
import { computeCoverage } from "../src/modules/coverage/coverage.ts";
import type { CoverageItem, CoverageResult, UpstreamCoverage } from "../src/modules/coverage/coverage.ts";
import {
  COVERED_SHARE,
  HEADING_MATCH_MIN,
  MATCH_MIN,
  TASK_MIN,
  UNSURE_BAND,
} from "../src/modules/coverage/coverage-rules.ts";

/**
 * The real test of the coverage check: the national 2019 key points (国办发〔2019〕14号, forwarded inside seed 000)
 * against 江门's plan (seed 000's table) and 湛江's plan (seed 004's table). Writes docs/coverage-2019.md and
 * asserts what a reader of the three documents can verify by eye.
 */

const shared = path.resolve(import.meta.dirname, "../../../../shared");
const repoRoot = path.resolve(import.meta.dirname, "../../..");

function parseSeed(prefix: string): ReturnType<typeof parseText> {
  const file = prefix === "000" ? "000_fb86c7350bc3e23f.txt" : "004_f75f88823475a41e.txt";
  return parseText(readFileSync(path.join(shared, "seeds", file), "utf8"));
}

const label = (p: readonly string[]): string => p.join("");
const toItems = (items: readonly ParsedItem[], prefix: string): CoverageItem[] =>
  items.map((i) => ({ id: `${prefix}:${label(i.path)}`, path: i.path, headings: i.headings, text: i.text }));

let national: CoverageItem[];
let jiangmen: CoverageItem[];
let zhanjiang: CoverageItem[];
let jm: CoverageResult;
let zj: CoverageResult;

beforeAll(() => {
  const seed000 = parseSeed("000");
  const seed004 = parseSeed("004");
  national = toItems(seed000.documents[2]?.plans[0]?.items ?? [], "国");
  jiangmen = toItems(seed000.documents[0]?.plans[1]?.items ?? [], "江门");
  zhanjiang = toItems(seed004.documents[0]?.plans[1]?.items ?? [], "湛江");
  jm = computeCoverage({ upstream: national, local: jiangmen });
  zj = computeCoverage({ upstream: national, local: zhanjiang });
  mkdirSync(path.join(repoRoot, "docs"), { recursive: true });
  writeFileSync(path.join(repoRoot, "docs/coverage-2019.md"), renderReport());
});

const STATUS_ZH = { covered: "覆盖", partly: "部分覆盖", "not-covered": "未覆盖" } as const;
const byPath = (r: CoverageResult, p: string): UpstreamCoverage | undefined => r.items.find((i) => label(i.path) === p);
const matchPaths = (i: UpstreamCoverage | undefined): string[] => (i?.matches ?? []).map((m) => label(m.path));
const notCovered = (r: CoverageResult): string[] =>
  r.items.filter((i) => i.status === "not-covered").map((i) => label(i.path));
const partly = (r: CoverageResult): string[] => r.items.filter((i) => i.status === "partly").map((i) => label(i.path));
const cell = (s: string): string => s.replace(/\|/g, "｜").replace(/\s+/g, " ");
const head = (s: string, n = 30): string => cell(s.length > n ? `${s.slice(0, n)}…` : s);

function cityTable(r: CoverageResult): string {
  const rows = r.items.map((i) => {
    const taken = i.tasks.filter((t) => t.takenUp).length;
    const matches = i.matches.map((m) => `${label(m.path)} (${m.score.toFixed(2)})`).join("、") || "—";
    const suggestions = i.suggestions.map((m) => `${label(m.path)} (${m.score.toFixed(2)})`).join("、") || "—";
    const status = `${STATUS_ZH[i.status]}${i.unsure ? "（待确认）" : ""}`;
    return `| ${label(i.path)} ${head(i.text)} | ${status} | ${taken}/${i.tasks.length} | ${matches} | ${suggestions} |`;
  });
  const s = r.summary;
  return [
    "| 国家要点条目 | 状态 | 承接任务 | 最佳匹配的本地条目（分数） | 建议核对（未覆盖或部分覆盖时） |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `**小结：覆盖 ${s.covered} 项 / 部分覆盖 ${s.partly} 项 / 未覆盖 ${s.notCovered} 项**（待人工确认 ${s.unsure} 项）`,
  ].join("\n");
}

function gaps(r: CoverageResult, local: readonly CoverageItem[]): string {
  const lines: string[] = [];
  for (const i of r.items.filter((x) => x.status !== "covered")) {
    lines.push(`- **${label(i.path)}**（${STATUS_ZH[i.status]}）未承接的任务：`);
    for (const t of i.tasks.filter((x) => !x.takenUp)) lines.push(`  - ${head(t.text, 40)}`);
  }
  const covered = r.items.filter((x) => x.status === "covered");
  const missing = covered.flatMap((i) =>
    i.tasks.filter((t) => !t.takenUp).map((t) => `${label(i.path)}：${head(t.text, 30)}`),
  );
  if (missing.length > 0) {
    lines.push("- 已判为“覆盖”的条目中仍未承接的任务（多为只能由国务院部门完成的任务，供核对）：");
    for (const m of missing) lines.push(`  - ${m}`);
  }
  const own = r.unmatchedLocal.map((u) => {
    const text = local.find((l) => l.id === u.localId)?.text ?? "";
    return `  - ${label(u.path)} ${head(text, 40)}`;
  });
  lines.push(
    own.length > 0
      ? "- 未对应到任何国家要点条目的本地条目（本地自行增加的任务，或需人工关联）："
      : "- 每个本地条目都对应到了国家要点条目。",
  );
  lines.push(...own);
  return lines.join("\n");
}

function renderReport(): string {
  return `# 2019 年政务公开工作要点：国家要点的承接情况（江门、湛江）

> 本文件由 \`apps/server/test/coverage-2019.int.test.ts\` 生成，请勿手工修改。数据：国务院办公厅《2019年政务公开工作要点》
> （国办发〔2019〕14号，随种子文件 000 转发，${national.length} 条）；江门市分工方案（种子 000 的表格，${jiangmen.length} 条）；
> 湛江市分工方案（种子 004 的表格，${zhanjiang.length} 条）。两市均未记录“本地条目落实哪条国家要点”的关联，以下全部是按文本相似度推算的建议。

## 怎么看这份报告（给政务公开办的同志）

国家要点每一条是一段话，里面通常有三到六项具体任务（一句一项，开头一句是标题）。系统先把每个本地条目归到它所“摘自”的国家要点条目
（本地条目的关键词大部分出现在该条国家要点中，或本地条目就排在以该条标题为小标题的栏目下），再逐句检查国家要点的每项任务有没有被这些本地条目承接。
“覆盖”表示至少 ${Math.round(COVERED_SHARE * 100)}% 的任务有本地条目承接（或单位已在系统中手工关联）；“部分覆盖”表示只承接了其中一部分任务；
“未覆盖”表示没有一项任务被承接，此时“建议核对”一栏列出最接近的三个本地条目，请人工判断。分数在 0 到 1 之间，
表示本地条目的关键词有多大比例来自该条国家要点（“加强、推进、做好、工作、公开、信息”等通用词几乎不计分）。
“承接任务”一栏是“被承接的任务数/该条的任务数”。国家要点中有些任务只有国务院部门才能做（如“国务院各部门……政策例行吹风会”），
地方方案不写是正常的，所以“覆盖”不要求全部任务。本报告是核对的起点，不是结论：请以“未覆盖”“部分覆盖”和“待确认”的条目为重点人工复核，
确认后在系统中记录关联，关联一经记录即以关联为准。系统中的“承接情况”视图（\`GET /api/plans/{id}/coverage\`）用的是同一算法，
\`apps/server/test/plan-draft.int.test.ts\` 导入种子 000 后核对两者对江门的结果逐条一致。

判定规则（详见 \`apps/server/src/modules/coverage/coverage-rules.ts\`）：本地条目归属阈值 ${MATCH_MIN}（在对应标题下为 ${HEADING_MATCH_MIN}）；
单项任务承接阈值 ${TASK_MIN}；覆盖阈值为任务承接比例 ≥ ${COVERED_SHARE}。

## 江门市（江府办函〔2019〕138号 附件）

${cityTable(jm)}

### 江门未承接的内容

${gaps(jm, jiangmen)}

## 湛江市（湛府办函〔2019〕59号 附件）

${cityTable(zj)}

### 湛江未承接的内容

${gaps(zj, zhanjiang)}

## 算法没有把握的地方

- 判为“待确认”的条目：江门 ${jm.summary.unsure} 项，湛江 ${zj.summary.unsure} 项（某项任务的得分离阈值不到 ${UNSURE_BAND}，或未覆盖条目的最佳候选接近归属阈值）。
- “部分覆盖”与“覆盖”之间往往只差一项任务（如承接 2/4 与 3/4），任务是否只能由国务院部门完成，算法不会判断，需人工看“未承接的任务”。
- 只有一个关键词的短条目（如湛江“公开征地信息。”“开展政务公开培训。”）靠这一个词归属，准确但脆弱；
  泛泛而谈的条目（如江门四（十一）“……进一步做好决策公开工作”）与多条国家要点都沾边，只有排在对应标题下才会归属。
- 内容相关但任务不同的条目不会被算作承接：江门十（二十八）“财政预决算……信息公开”与国家三（四）“细化财政信息公开”（项目文本、绩效目标、政府债务）
  同属财政领域，但没有承接其中任何一项任务，故三（四）判为未覆盖，江门十（二十八）列在“建议核对”中。

## English summary

Coverage of the national 2019 key points (18 items, ${national.reduce((n, u) => n + (byPath(jm, label(u.path))?.tasks.length ?? 0), 0)} tasks) by two city plans, computed without
explicit links (pure text matching: jieba words, TF-IDF with generic openness words damped, sentence-level task recall).
江门 (${jiangmen.length} items): covered ${jm.summary.covered}, partly ${jm.summary.partly}, not covered ${jm.summary.notCovered}
(${notCovered(jm).join(", ")}; partly: ${partly(jm).join(", ")}). 湛江 (${zhanjiang.length} items): covered ${zj.summary.covered},
partly ${zj.summary.partly}, not covered ${zj.summary.notCovered}${partly(zj).length > 0 ? ` (partly: ${partly(zj).join(", ")})` : ""}.
湛江's table follows the national outline item by item; 江门's table renumbers it and adds its own items
(${jm.unmatchedLocal.map((u) => label(u.path)).join(", ")} match no national item). Statuses are suggestions for the office to confirm;
an explicit link recorded by the office always decides.
`;
}

describe("coverage of the national 2019 key points", () => {
  it("parses the three plans", () => {
    expect(national).toHaveLength(18);
    expect(jiangmen).toHaveLength(44);
    expect(zhanjiang).toHaveLength(57);
  });

  it("江门: the items its table obviously copies are covered by the copied rows", () => {
    // 江门 一（一）…（三） sit under 深入解读重要政策措施 and copy the national 一（一）'s sentences.
    expect(byPath(jm, "一（一）")?.status).toBe("covered");
    expect(matchPaths(byPath(jm, "一（一）"))).toEqual(expect.arrayContaining(["一（一）", "一（三）"]));
    // 积极回应社会关切: 江门 二（五）…（八） are the national sentences one by one.
    expect(matchPaths(byPath(jm, "一（二）"))).toEqual(
      expect.arrayContaining(["二（五）", "二（六）", "二（七）", "二（八）"]),
    );
    // 行政执法信息公开 and the 三大攻坚战 paragraph are split into three rows each.
    expect(new Set(matchPaths(byPath(jm, "二（三）")))).toEqual(new Set(["六（十六）", "六（十七）", "六（十八）"]));
    expect(new Set(matchPaths(byPath(jm, "三（一）")))).toEqual(new Set(["七（二十）", "七（二十一）", "七（十九）"]));
    expect(byPath(jm, "五（一）")?.status).toBe("covered");
  });

  it("江门: 细化财政信息公开 and 推广基层政务公开试点成果 are not in its plan", () => {
    // Read by eye: no 江门 row speaks of 项目文本/绩效目标/政府债务信息平台 or of 基层试点/标准指引.
    // 十（二十八）财政预决算 is the same field but not the same task.
    expect(notCovered(jm).sort()).toEqual(["三（四）", "五（三）"]);
    expect(byPath(jm, "三（四）")?.suggestions.length).toBe(3);
  });

  it("江门: 办事大厅 and 政务新媒体 are only partly taken up", () => {
    // 四（四）: only 十四（三十七） (梳理编制进驻事项); nothing on 一窗/一网通办/政务热线.
    expect(byPath(jm, "四（四）")?.status).toBe("partly");
    expect(matchPaths(byPath(jm, "四（四）"))).toEqual(["十四（三十七）"]);
    // 四（二）: 十二（三十四） takes the 管理机制 sentence; the 矩阵/协同联动 sentence is missing.
    expect(byPath(jm, "四（二）")?.status).toBe("partly");
    // 五（四）: only the 三定/基本目录 sentence (十七（四十四）); no 台账, 年度报告 or 信息化 row.
    expect(byPath(jm, "五（四）")?.status).toBe("partly");
  });

  it("江门: its own additions match no national item", () => {
    const own = jm.unmatchedLocal.map((u) => label(u.path));
    // 二（九） 省长留言 (a provincial task) and 十（二十九） 开放江门 (open data) are not in the national text.
    expect(own).toEqual(expect.arrayContaining(["二（九）", "十（二十九）"]));
  });

  it("湛江: follows the national outline; 细化财政信息公开 is its 三（四）, 基层试点 its 五（三）", () => {
    expect(notCovered(zj)).toEqual([]);
    expect(new Set(matchPaths(byPath(zj, "三（四）")))).toEqual(new Set(["三（四）1", "三（四）2"]));
    expect(byPath(zj, "三（四）")?.status).toBe("covered");
    expect(byPath(zj, "五（三）")?.status).toBe("covered");
    expect(new Set(matchPaths(byPath(zj, "四（三）")))).toEqual(new Set(["四（三）1", "四（三）2", "四（三）3"]));
    // Each 湛江 row N（M）k is matched to the national item N（M).
    for (const item of zj.items) {
      for (const m of item.matches) expect(label(m.path).startsWith(label(item.path))).toBe(true);
    }
  });

  it("湛江: 深入解读重要政策措施 lacks the 主要负责同志带头解读 task", () => {
    // 湛江 一（一）1–3 cover the 精准解读 and 三同步 sentences, not the sentence on leaders interpreting in person.
    const item = byPath(zj, "一（一）");
    expect(item?.status).toBe("partly");
    const leader = item?.tasks.find((t) => t.text.includes("主要负责同志"));
    expect(leader?.takenUp).toBe(false);
  });

  it("wrote the report", () => {
    const doc = readFileSync(path.join(repoRoot, "docs/coverage-2019.md"), "utf8");
    expect(doc).toContain(
      `覆盖 ${jm.summary.covered} 项 / 部分覆盖 ${jm.summary.partly} 项 / 未覆盖 ${jm.summary.notCovered} 项`,
    );
    expect(doc).toContain("怎么看这份报告");
    expect(doc).toContain("English summary");
  });
});
