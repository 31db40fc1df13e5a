import { Alert, Button, Descriptions, Flex, Input, InputNumber, Modal, Steps, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import type { CalendarNoticeResult, NoticeDayChange } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { StatusTag, type Tone } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { KIND_LABELS, weekdayOf } from "./calendar-format.ts";

const CHANGE: Record<NoticeDayChange["change"], { label: string; tone: Tone }> = {
  added: { label: "新增", tone: "green" },
  changed: { label: "变更", tone: "orange" },
  unchanged: { label: "不变", tone: "grey" },
};

/**
 * 粘贴放假通知: the State Council General Office's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) →
 * 预览 (dry run: the days it adds or changes) → 确认导入 (stores them and marks the year complete).
 */
export function NoticeImportModal({
  year,
  onApplied,
  onCancel,
}: {
  /** The year on screen: sent only when the pasted text does not name its year itself. */
  year: number;
  onApplied: (result: CalendarNoticeResult) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState("");
  const [yearHint, setYearHint] = useState<number | null>(null);
  const [preview, setPreview] = useState<CalendarNoticeResult>();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();

  const body = () => ({ text, ...(yearHint ? { year: yearHint } : {}) });
  const run = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await api.calendar.importNotice(body(), dryRun);
      if (dryRun) setPreview(result);
      else onApplied(result);
    } catch (error) {
      showError(error, dryRun ? "无法识别通知" : "导入失败");
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<NoticeDayChange> = [
    { title: "日期", dataIndex: "date", width: 110 },
    { title: "星期", key: "weekday", width: 64, render: (_, d) => weekdayOf(d.date) },
    { title: "类型", dataIndex: "kind", width: 96, render: (k: NoticeDayChange["kind"]) => KIND_LABELS[k] },
    { title: "名称", dataIndex: "name", width: 90 },
    {
      title: "变化",
      dataIndex: "change",
      width: 72,
      render: (c: NoticeDayChange["change"]) => <StatusTag tone={CHANGE[c].tone}>{CHANGE[c].label}</StatusTag>,
      filters: Object.entries(CHANGE).map(([value, { label }]) => ({ value, text: label })),
      onFilter: (value, d) => d.change === value,
    },
    {
      title: "原记录",
      key: "previous",
      render: (_, d) =>
        d.previous ? `${d.previous.name}（${KIND_LABELS[d.previous.kind]}，${d.previous.source}）` : "—",
    },
  ];

  const counts = preview
    ? {
        added: preview.days.filter((d) => d.change === "added").length,
        changed: preview.days.filter((d) => d.change === "changed").length,
      }
    : undefined;

  return (
    <Modal
      open
      width={860}
      title="导入国务院办公厅放假安排通知"
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>取消</Button>
          {preview ? <Button onClick={() => setPreview(undefined)}>返回修改</Button> : null}
          {preview ? (
            <Button type="primary" loading={busy} onClick={() => void run(false)}>
              确认导入
            </Button>
          ) : (
            <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void run(true)}>
              预览
            </Button>
          )}
        </Flex>
      }
    >
      <Steps
        size="small"
        current={preview ? 1 : 0}
        style={{ marginBottom: 16 }}
        items={[{ title: "粘贴通知全文" }, { title: "核对将新增或变更的日期" }, { title: "导入" }]}
      />
      {preview && counts ? (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="通知">{preview.title ?? "（未识别到标题）"}</Descriptions.Item>
            <Descriptions.Item label="年份">{preview.year}年</Descriptions.Item>
            <Descriptions.Item label="日期">
              共 {preview.days.length} 天：新增 {counts.added} 天，变更 {counts.changed} 天
            </Descriptions.Item>
            <Descriptions.Item label="导入后全年工作日">{preview.workingDays} 天</Descriptions.Item>
          </Descriptions>
          {preview.warnings.map((w) => (
            <Alert key={w.code + w.message} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />
          ))}
          <Table<NoticeDayChange>
            rowKey="date"
            size="small"
            columns={columns}
            dataSource={preview.days}
            pagination={{ pageSize: 50, hideOnSinglePage: true, size: "small" }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            确认后，上述日期记为办公室录入（来源为通知标题），{preview.year}年标记为已有完整的节假日安排。
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            请从中国政府网复制《国务院办公厅关于XXXX年部分节假日安排的通知》全文（含标题）粘贴到下面，先预览核对，再导入。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="通知全文"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 10, maxRows: 18 }}
            placeholder={"国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日至3日放假，共3天。\n……"}
          />
          <Flex align="center" gap={8} style={{ marginTop: 12 }}>
            <Typography.Text id="notice-year-label">通知年份（仅当粘贴内容不含标题时填写）</Typography.Text>
            <InputNumber
              aria-labelledby="notice-year-label"
              min={1949}
              max={2200}
              placeholder={String(year)}
              value={yearHint}
              onChange={(v) => setYearHint(v)}
            />
          </Flex>
        </>
      )}
    </Modal>
  );
}
