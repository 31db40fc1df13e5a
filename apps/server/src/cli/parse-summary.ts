import type { Deadline, ParsedDocument, ParsedPlan, ParseOutput, UnitRole } from "@luoshi/contract";
import { displayWidth, padDisplay } from "./text-width.ts";

/** The human-readable report of `luoshi parse FILE` (without --json). Pure: output in, text out. */

const ROLE_LABELS: Record<UnitRole, string> = { lead: "牵头", assist: "配合", responsible: "负责", supervise: "监督" };
const ROLE_ORDER: UnitRole[] = ["lead", "assist", "responsible", "supervise"];
const UNIT_LABELS: Record<NonNullable<Deadline["unit"]>, string> = {
  workday: "个工作日",
  day: "天",
  month: "个月",
  hour: "小时",
};

export function formatParseSummary(output: ParseOutput, file: string): string {
  const plans = output.documents.flatMap((d) => d.plans);
  const items = plans.reduce((n, p) => n + p.items.length, 0);
  const lines = [
    `文件：${file}`,
    `共 ${output.documents.length} 份公文，${plans.length} 个方案，${items} 项任务，${output.warnings.length} 条警告`,
  ];
  output.documents.forEach((doc, i) =>
    lines.push("", ...formatDocument(doc, `公文 ${i + 1}/${output.documents.length}`)),
  );
  lines.push("", ...formatWarnings(output.warnings));
  return lines.join("\n") + "\n";
}

function formatDocument(doc: ParsedDocument, label: string): string[] {
  const lines = [
    `━━ ${label} ━━`,
    field("标题", doc.title),
    field("发文字号", doc.docNumber),
    field("发文机关", doc.issuer),
    field("成文日期", doc.date),
    field("主送", doc.recipients.length > 0 ? doc.recipients.join("、") : null),
    field("引用文件", `${doc.references.length} 份`),
  ];
  if (doc.deadlines.length > 0) lines.push(`  文件期限：${doc.deadlines.map(formatDeadline).join("；")}`);
  if (doc.plans.length === 0) lines.push("  （未识别出方案或任务）");
  doc.plans.forEach((plan, i) => lines.push("", ...formatPlan(plan, i + 1)));
  return lines;
}

function field(label: string, value: string | null): string {
  return `  ${padDisplay(label, 8)}：${value ?? "（无）"}`;
}

function formatPlan(plan: ParsedPlan, index: number): string[] {
  const lines = [
    `  ── 方案 ${index}：${plan.title ?? "（无标题）"}`,
    `     来源：${plan.source === "table" ? "表格" : "提纲"}`,
  ];
  if (plan.columns.length > 0) lines.push(`     列：${plan.columns.join(" | ")}`);
  lines.push(`     任务：${plan.items.length} 项`);
  lines.push(...formatUnits(plan), ...formatPlanDeadlines(plan));
  return lines;
}

type UnitTally = { name: string; group: boolean; roles: Record<UnitRole, number> };

function tallyUnits(plan: ParsedPlan): UnitTally[] {
  const byName = new Map<string, UnitTally>();
  for (const unit of plan.items.flatMap((item) => item.units)) {
    const tally = byName.get(unit.name) ?? {
      name: unit.name,
      group: unit.group,
      roles: { lead: 0, assist: 0, responsible: 0, supervise: 0 },
    };
    tally.roles[unit.role] += 1;
    byName.set(unit.name, tally);
  }
  const total = (t: UnitTally) => ROLE_ORDER.reduce((n, r) => n + t.roles[r], 0);
  return [...byName.values()].sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, "zh-CN"));
}

function formatUnits(plan: ParsedPlan): string[] {
  const tallies = tallyUnits(plan);
  if (tallies.length === 0) return ["     单位：（无）"];
  const names = tallies.map((t) => (t.group ? `${t.name}〔统称〕` : t.name));
  const width = Math.min(40, Math.max(...names.map(displayWidth)));
  const rows = tallies.map((t, i) => {
    const counts = ROLE_ORDER.filter((r) => t.roles[r] > 0).map((r) => `${ROLE_LABELS[r]} ${t.roles[r]}`);
    return `       ${padDisplay(names[i] ?? t.name, width)}  ${counts.join("  ")}`;
  });
  const groups = tallies.filter((t) => t.group).length;
  return [`     单位（${tallies.length} 个，其中统称 ${groups} 个）：`, ...rows];
}

function formatPlanDeadlines(plan: ParsedPlan): string[] {
  const counts = new Map<string, number>();
  for (const deadline of plan.items.flatMap((item) => item.deadlines)) {
    const line = formatDeadline(deadline);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  if (counts.size === 0) return ["     期限：（无）"];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rows = [...counts].map(([line, n]) => `       ${line}${n > 1 ? `  ×${n}` : ""}`);
  return [`     期限（${total} 处）：`, ...rows];
}

export function formatDeadline(deadline: Deadline): string {
  return `${deadline.text} → ${normalisedDeadline(deadline)}`;
}

function normalisedDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case "by":
      return `${deadline.date ?? "日期不明"}（截止）`;
    case "recurring":
      return `每年 ${deadline.month ?? "?"} 月 ${deadline.day ?? "?"} 日（每年）`;
    case "within":
      return `${deadline.amount ?? "?"} ${deadline.unit ? UNIT_LABELS[deadline.unit] : ""}内（时限）`;
    case "standing":
      return "长期（常态）";
  }
}

function formatWarnings(warnings: ParseOutput["warnings"]): string[] {
  if (warnings.length === 0) return ["警告：无"];
  return [
    `警告（${warnings.length} 条）：`,
    ...warnings.map((w) => `  [${w.code}]${w.line === undefined ? "" : ` 第 ${w.line} 行`} ${w.message}`),
  ];
}
