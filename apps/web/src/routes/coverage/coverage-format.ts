import type { CoverageReport, CoverageStatusValue } from "@luoshi/contract";
import type { CsvColumn } from "../../components/export-csv.ts";
import { formatPath } from "../../components/plan-format.ts";
import type { Tone } from "../../components/status-tag.tsx";

/** The coverage report as the office reads and exports it. Pure. */

export type CoverageRow = CoverageReport["items"][number];
export type LocalMatch = CoverageRow["matches"][number];

export const STATUS_LABELS: Record<CoverageStatusValue, string> = {
  covered: "已覆盖",
  partly: "部分覆盖",
  "not-covered": "未覆盖",
};

export const STATUS_TONES: Record<CoverageStatusValue, Tone> = {
  covered: "green",
  partly: "gold",
  "not-covered": "orange",
};

/** What the status filter offers: the three statuses and 待确认 (unsure, whatever the status). */
export type StatusFilter = CoverageStatusValue | "unsure" | "all";

export function filterRows(rows: readonly CoverageRow[], status: StatusFilter, text: string): CoverageRow[] {
  const needle = text.trim();
  return rows.filter((row) => {
    if (status === "unsure" ? !row.unsure : status !== "all" && row.status !== status) return false;
    if (!needle) return true;
    return [formatPath(row.path), row.text, ...row.matches.map((m) => m.text), ...row.matches.map((m) => formatPath(m.path))].some(
      (s) => s.includes(needle),
    );
  });
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** “3/4（75%）”: tasks of the upstream item taken up by the matched local items. */
export function taskShareText(row: Pick<CoverageRow, "tasksTakenUp" | "taskCount" | "taskShare">): string {
  return `${row.tasksTakenUp}/${row.taskCount}（${percent(row.taskShare)}）`;
}

export function matchText(match: Pick<LocalMatch, "path" | "text">, max = 40): string {
  const text = match.text.length > max ? `${match.text.slice(0, max)}…` : match.text;
  return `${formatPath(match.path)} ${text}`;
}

/** The report table as a spreadsheet: one row per upstream item. */
export const COVERAGE_CSV: CsvColumn<CoverageRow>[] = [
  { title: "上级条目编号", value: (r) => formatPath(r.path) },
  { title: "上级条目", value: (r) => r.text },
  { title: "状态", value: (r) => STATUS_LABELS[r.status] },
  { title: "待确认", value: (r) => (r.unsure ? "是" : "") },
  { title: "判断依据", value: (r) => (r.basis === "link" ? "已记录关联" : "文本相似") },
  { title: "承接任务数", value: (r) => r.tasksTakenUp },
  { title: "任务总数", value: (r) => r.taskCount },
  { title: "任务占比", value: (r) => percent(r.taskShare) },
  { title: "对应的本地条目", value: (r) => r.matches.map((m) => matchText(m, 60)).join("；") },
  { title: "建议核对的本地条目", value: (r) => r.suggestions.map((m) => matchText(m, 60)).join("；") },
];
