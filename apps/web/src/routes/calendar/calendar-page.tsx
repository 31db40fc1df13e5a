import {
  CalendarOutlined,
  DownloadOutlined,
  FileTextOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Input, Segmented, Select, Space, Table } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { CalendarDayEntry, CalendarYear, Role } from "@luoshi/contract";
import { api, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useRemote } from "../../components/use-remote.ts";
import { KIND_LABELS, sourceLabel, weekdayOf } from "./calendar-format.ts";
import { DayFormModal } from "./day-form-modal.tsx";
import { DeadlineBox } from "./deadline-box.tsx";
import { NoticeImportModal } from "./notice-import-modal.tsx";
import { YearGrid } from "./year-grid.tsx";

/** Who may change the calendar (the server's WRITERS for /api/calendar). */
const CALENDAR_WRITERS: readonly Role[] = ["admin", "office"];

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR + 3 - 2015 + 1 }, (_, i) => 2015 + i);

function yearFrom(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1949 && year <= 2200 ? year : THIS_YEAR;
}

const CSV_COLUMNS: CsvColumn<CalendarDayEntry>[] = [
  { title: "日期", value: (d) => d.date },
  { title: "星期", value: (d) => weekdayOf(d.date) },
  { title: "类型", value: (d) => KIND_LABELS[d.kind] },
  { title: "名称", value: (d) => d.name },
  { title: "来源", value: (d) => sourceLabel(d) },
];

type Editing = { date: string | undefined; existing: CalendarDayEntry | undefined };

/**
 * 工作日历: each year's holidays and make-up working days with where they came from. Deadlines such as “5个工作日内”
 * are counted on it, so a year without data is said plainly, with the fix: paste the State Council's notice.
 */
export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get("year"));
  const [view, setView] = useState<"grid" | "list">("grid");
  const [search, setSearch] = useState("");
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const canWrite = hasAnyRole(useUser(), CALENDAR_WRITERS);
  const { message } = App.useApp();
  const calendar = useRemote(() => api.calendar.year(year), String(year), "加载工作日历失败");
  const data = calendar.data?.year === year ? calendar.data : undefined;

  const setYear = (next: number) => setParams({ year: String(next) });
  const days = useMemo(() => data?.days ?? [], [data]);
  const rows = useMemo(() => {
    const needle = search.trim();
    return needle ? days.filter((d) => d.name.includes(needle) || sourceLabel(d).includes(needle)) : days;
  }, [days, search]);

  const openDay = (date: string | undefined) =>
    setEditing({ date, existing: date ? days.find((d) => d.date === date) : undefined });

  const columns: TableColumnsType<CalendarDayEntry> = [
    { title: "日期", dataIndex: "date", width: 120, sorter: (a, b) => a.date.localeCompare(b.date) },
    { title: "星期", key: "weekday", width: 72, render: (_, d) => weekdayOf(d.date) },
    {
      title: "类型",
      dataIndex: "kind",
      width: 110,
      filters: Object.entries(KIND_LABELS).map(([value, text]) => ({ value, text })),
      onFilter: (value, d) => d.kind === value,
      render: (kind: CalendarDayEntry["kind"]) => (
        <StatusTag tone={kind === "holiday" ? "orange" : "blue"}>{KIND_LABELS[kind]}</StatusTag>
      ),
    },
    {
      title: "名称",
      dataIndex: "name",
      width: 120,
      filters: [...new Set(days.map((d) => d.name))].map((name) => ({ value: name, text: name })),
      onFilter: (value, d) => d.name === value,
    },
    {
      title: "来源",
      key: "source",
      filters: [...new Set(days.map(sourceLabel))].map((s) => ({ value: s, text: s })),
      onFilter: (value, d) => sourceLabel(d) === value,
      render: (_, d) => sourceLabel(d),
    },
    ...(canWrite
      ? [
          {
            title: "操作",
            key: "actions",
            width: 80,
            render: (_: unknown, d: CalendarDayEntry) => (
              <Button type="link" size="small" onClick={() => openDay(d.date)} aria-label={`修改 ${d.date}`}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="工作日历"
        extra={
          <Space wrap>
            <Button icon={<LeftOutlined />} aria-label="上一年" onClick={() => setYear(year - 1)} />
            <Select
              aria-label="年份"
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            />
            <Button icon={<RightOutlined />} aria-label="下一年" onClick={() => setYear(year + 1)} />
            {canWrite ? (
              <>
                <Button icon={<FileTextOutlined />} onClick={() => setImporting(true)}>
                  粘贴放假通知
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => openDay(undefined)}>
                  录入日期
                </Button>
              </>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              disabled={days.length === 0}
              onClick={() => saveBlob(csvBlob(CSV_COLUMNS, rows), `工作日历-${year}.csv`)}
            >
              导出 CSV
            </Button>
          </Space>
        }
      />
      <CoverageBanner
        year={year}
        data={data}
        canWrite={canWrite}
        onImport={() => setImporting(true)}
        loading={calendar.loading}
      />
      <DeadlineBox key={year} defaultYear={year} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label="显示方式"
          value={view}
          onChange={(v) => setView(v as "grid" | "list")}
          options={[
            { value: "grid", label: "月历", icon: <CalendarOutlined /> },
            { value: "list", label: "列表", icon: <UnorderedListOutlined /> },
          ]}
        />
        {view === "list" ? (
          <Input.Search
            allowClear
            aria-label="搜索名称或来源"
            placeholder="搜索名称或来源"
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        ) : null}
      </Space>
      {view === "grid" ? (
        <YearGrid year={year} days={days} onPick={canWrite ? openDay : undefined} />
      ) : (
        <Table<CalendarDayEntry>
          rowKey="date"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={calendar.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 天` }}
          locale={{ emptyText: `${year}年没有节假日或调休记录` }}
        />
      )}
      {importing ? (
        <NoticeImportModal
          year={year}
          onCancel={() => setImporting(false)}
          onApplied={(result) => {
            setImporting(false);
            void message.success(
              `已导入${result.year}年放假安排：${result.days.length} 天，全年工作日 ${result.workingDays} 天`,
            );
            if (result.year === year) calendar.reload();
            else setYear(result.year);
          }}
        />
      ) : null}
      {editing ? (
        <DayFormModal
          date={editing.date}
          existing={editing.existing}
          onCancel={() => setEditing(undefined)}
          onSaved={(day) => {
            setEditing(undefined);
            void message.success(`已保存：${day.date} ${day.name}（${KIND_LABELS[day.kind]}）`);
            const dayYear = Number(day.date.slice(0, 4));
            if (dayYear === year) calendar.reload();
            else setYear(dayYear);
          }}
        />
      ) : null}
    </>
  );
}

/** Whether the year can be counted in, from where, and — when it cannot — how to fix it. */
function CoverageBanner({
  year,
  data,
  canWrite,
  onImport,
  loading,
}: {
  year: number;
  data: CalendarYear | undefined;
  canWrite: boolean;
  onImport: () => void;
  loading: boolean;
}) {
  if (!data) return loading ? null : <Alert type="error" showIcon title={`${year}年的工作日历加载失败`} />;
  const holidays = data.days.filter((d) => d.kind === "holiday").length;
  const workdays = data.days.length - holidays;
  if (data.covered) {
    const from = data.coverage === "builtin" ? "内置数据（chinese-days）" : (data.coverageSource ?? "办公室录入");
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${year}年已有完整的节假日安排：放假 ${holidays} 天，调休上班 ${workdays} 天，全年工作日 ${data.workingDays ?? "—"} 天`}
        description={`依据：${from}`}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${year}年无数据：尚未录入该年的节假日安排`}
      description={
        <>
          该年的“N个工作日内”等时限暂时无法推算（只按周末计算会出错）。
          {canWrite
            ? "修复方法：国务院办公厅每年11月前后发布下一年的放假安排通知，点击“粘贴放假通知”粘贴全文，预览核对后导入；个别日期也可“录入日期”逐天补充。"
            : "请联系政务公开办粘贴国务院办公厅的放假安排通知导入。"}
          {data.days.length > 0 ? `（已逐天录入 ${data.days.length} 天，但全年安排仍不完整。）` : ""}
        </>
      }
      action={
        canWrite ? (
          <Button type="primary" onClick={onImport}>
            粘贴放假通知
          </Button>
        ) : undefined
      }
    />
  );
}
