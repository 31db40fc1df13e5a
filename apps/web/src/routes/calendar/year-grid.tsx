import { Card, Flex, Typography } from "antd";
import type { CalendarDayEntry } from "@luoshi/contract";
import { isoDate, isWeekend, KIND_LABELS, monthWeeks, sourceLabel } from "./calendar-format.ts";

const HEAD = ["一", "二", "三", "四", "五", "六", "日"];

// Tones with text at ≥ 4.5:1 on their background (WCAG AA).
type Tone = { background: string; color: string; fontWeight: number };
const HOLIDAY: Tone = { background: "#fff1f0", color: "#a8071a", fontWeight: 600 };
const WORKDAY: Tone = { background: "#e6f4ff", color: "#003eb3", fontWeight: 600 };
const WEEKEND: Tone = { background: "transparent", color: "rgba(0, 0, 0, 0.6)", fontWeight: 400 };
const PLAIN: Tone = { background: "transparent", color: "rgba(0, 0, 0, 0.88)", fontWeight: 400 };

/**
 * The year as twelve small wall calendars: 放假 days red with “休”, 调休上班 days blue with “班”, ordinary weekends
 * grey. Writers click a day to add or change its entry.
 */
export function YearGrid({
  year,
  days,
  onPick,
}: {
  year: number;
  days: readonly CalendarDayEntry[];
  /** Set for writers: a click on a date opens the day form for it. */
  onPick: ((date: string) => void) | undefined;
}) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <Flex wrap gap={12} data-testid="year-grid">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Card key={month} size="small" style={{ width: 264 }} styles={{ body: { padding: 8 } }}>
          <table style={{ width: "100%", borderCollapse: "collapse", textAlign: "center", fontSize: 13 }}>
            <caption style={{ fontWeight: 600, paddingBottom: 4 }}>
              {year}年{month}月
            </caption>
            <thead>
              <tr>
                {HEAD.map((h) => (
                  <th key={h} scope="col" style={{ fontWeight: 400, color: "rgba(0, 0, 0, 0.65)", padding: 2 }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month).map((week, w) => (
                <tr key={w}>
                  {week.map((d, c) => (
                    <td key={c} style={{ padding: 1 }}>
                      {d === null ? null : (
                        <DayCell
                          date={isoDate(year, month, d)}
                          day={d}
                          entry={byDate.get(isoDate(year, month, d))}
                          onPick={onPick}
                        />
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
      <Typography.Text type="secondary" style={{ width: "100%" }}>
        <span style={{ ...HOLIDAY, padding: "0 4px" }}>休</span> 放假（含调休） ·{" "}
        <span style={{ ...WORKDAY, padding: "0 4px" }}>班</span> 调休上班 · 灰色为普通周末
        {onPick ? " · 点击日期可录入或修改" : ""}
      </Typography.Text>
    </Flex>
  );
}

function DayCell({
  date,
  day,
  entry,
  onPick,
}: {
  date: string;
  day: number;
  entry: CalendarDayEntry | undefined;
  onPick: ((date: string) => void) | undefined;
}) {
  const tone = entry ? (entry.kind === "holiday" ? HOLIDAY : WORKDAY) : isWeekend(date) ? WEEKEND : PLAIN;
  const mark = entry ? (entry.kind === "holiday" ? "休" : "班") : "";
  const label = entry ? `${date} ${entry.name} ${KIND_LABELS[entry.kind]}（${sourceLabel(entry)}）` : date;
  const style = {
    ...tone,
    display: "block",
    width: "100%",
    lineHeight: "16px",
    padding: "2px 0",
    borderRadius: 4,
    border: "none",
    font: "inherit",
    fontWeight: tone.fontWeight,
  };
  const content = (
    <>
      {day}
      <span style={{ display: "block", fontSize: 10, minHeight: 12 }}>{mark}</span>
    </>
  );
  if (!onPick) {
    return (
      <span style={style} title={label}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => onPick(date)}
      style={{ ...style, cursor: "pointer" }}
    >
      {content}
    </button>
  );
}
