import { Card, Flex, Statistic } from "antd";
import type { CoverageReport } from "@luoshi/contract";
import type { StatusFilter } from "./coverage-format.ts";

const SEGMENTS = [
  { key: "covered", label: "已覆盖", color: "#389e0d" },
  { key: "partly", label: "部分覆盖", color: "#d48806" },
  { key: "notCovered", label: "未覆盖", color: "#cf1322" },
] as const;

const FILTER_OF = { covered: "covered", partly: "partly", notCovered: "not-covered" } as const;

/**
 * The counts on top of the report (已覆盖 / 部分覆盖 / 未覆盖 / 待确认) and a stacked bar of the three statuses.
 * Each count filters the table below.
 */
export function CoverageSummary({
  summary,
  total,
  onFilter,
}: {
  summary: CoverageReport["summary"];
  total: number;
  onFilter: (filter: StatusFilter) => void;
}) {
  const described = SEGMENTS.map((s) => `${s.label} ${summary[s.key]} 项`).join("，");
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap={24} align="center">
        <Statistic title="上级条目" value={total} suffix="项" />
        {SEGMENTS.map((s) => (
          <button
            key={s.key}
            type="button"
            onClick={() => onFilter(FILTER_OF[s.key])}
            aria-label={`${s.label} ${summary[s.key]} 项，点击筛选`}
            style={{ border: "none", background: "none", padding: 0, cursor: "pointer", textAlign: "left" }}
          >
            <Statistic title={s.label} value={summary[s.key]} suffix="项" styles={{ content: { color: s.color } }} />
          </button>
        ))}
        <button
          type="button"
          onClick={() => onFilter("unsure")}
          aria-label={`待确认 ${summary.unsure} 项，点击筛选`}
          style={{ border: "none", background: "none", padding: 0, cursor: "pointer", textAlign: "left" }}
        >
          <Statistic title="待确认" value={summary.unsure} suffix="项" />
        </button>
        <div style={{ flex: "1 1 240px", minWidth: 240 }}>
          <div
            role="img"
            aria-label={`覆盖情况：${described}`}
            style={{ display: "flex", height: 20, borderRadius: 4, overflow: "hidden", background: "#f0f0f0" }}
          >
            {SEGMENTS.map((s) =>
              summary[s.key] > 0 ? (
                <div
                  key={s.key}
                  title={`${s.label} ${summary[s.key]} 项`}
                  style={{ width: `${(summary[s.key] / Math.max(total, 1)) * 100}%`, background: s.color }}
                />
              ) : null,
            )}
          </div>
          <Flex gap={12} wrap style={{ marginTop: 6, fontSize: 12 }} aria-hidden>
            {SEGMENTS.map((s) => (
              <span key={s.key}>
                <span style={{ display: "inline-block", width: 10, height: 10, background: s.color, marginRight: 4 }} />
                {s.label} {total > 0 ? Math.round((summary[s.key] / total) * 100) : 0}%
              </span>
            ))}
          </Flex>
        </div>
      </Flex>
    </Card>
  );
}
