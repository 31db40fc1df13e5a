import { Alert, Card, Descriptions, Empty, Space, Table, Typography } from "antd";
import type { PlanChange, PlanVersion } from "@luoshi/contract";
import { formatDateTime } from "../../components/labels.ts";
import { formatPath } from "../../components/plan-format.ts";
import { StatusTag, type Tone } from "../../components/status-tag.tsx";

const KIND: Record<PlanChange["kind"], { label: string; tone: Tone }> = {
  added: { label: "新增", tone: "green" },
  removed: { label: "删除", tone: "orange" },
  changed: { label: "修改", tone: "blue" },
};

const FIELD_LABELS: Record<PlanChange["fields"][number], string> = {
  text: "任务内容",
  criteria: "评价标准",
  deadlines: "完成时限",
  units: "责任单位",
};

/** The change list of one version against the one before (who sees what changed). */
export function ChangeTable({ changes, unitName }: { changes: PlanChange[]; unitName?: (id: string) => string }) {
  return (
    <Table<PlanChange>
      rowKey={(c) => `${c.kind}:${c.itemId}`}
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        {
          title: "变化",
          dataIndex: "kind",
          width: 70,
          render: (kind: PlanChange["kind"]) => <StatusTag tone={KIND[kind].tone}>{KIND[kind].label}</StatusTag>,
        },
        { title: "序号", key: "path", width: 90, render: (_, c) => formatPath(c.path) },
        {
          title: "任务",
          key: "text",
          render: (_, c) => (
            <>
              <div style={{ whiteSpace: "pre-wrap" }}>{c.text}</div>
              {c.previousText && c.previousText !== c.text ? (
                <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
                  原为：{c.previousText}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: "修改内容",
          key: "fields",
          width: 150,
          render: (_, c) => c.fields.map((f) => FIELD_LABELS[f]).join("、"),
        },
        ...(unitName
          ? [
              {
                title: "涉及单位",
                key: "units",
                width: 220,
                render: (_: unknown, c: PlanChange) => c.unitIds.map(unitName).join("、"),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 版本记录: every published version, newest first, with its 版本说明, figures and change list. */
export function VersionsPanel({
  versions,
  unitName,
  loading,
}: {
  versions: PlanVersion[];
  unitName: (id: string) => string;
  loading: boolean;
}) {
  if (versions.length === 0) {
    return <Empty description={loading ? "正在加载…" : "方案尚未发布，发布后每个版本及其变更清单都会列在这里。"} />;
  }
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {newestFirst.map((v) => (
        <Card key={v.id} size="small" title={`第 ${v.number} 版`} extra={formatDateTime(v.publishedAt)}>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: "by", label: "发布人", children: v.publishedByName ?? "—" },
              { key: "items", label: "任务", children: `${v.itemCount} 项` },
              { key: "assign", label: "分派", children: `${v.assignmentCount} 条（${v.unitCount} 个单位）` },
              { key: "notified", label: "已通知", children: `${v.notifiedUnitCount} 个单位` },
              { key: "note", label: "版本说明", span: 2, children: v.note ?? "（无）" },
            ]}
          />
          {v.unassigned.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ margin: "8px 0" }}
              title="以下分组未分派到具体单位"
              description={v.unassigned
                .map(
                  (u) =>
                    `${u.rawName}（${u.reason === "per_item" ? "按事项指定成员" : "分组无成员"}，${u.itemIds.length} 项任务）`,
                )
                .join("；")}
            />
          ) : null}
          {v.number === 1 ? (
            <Typography.Text>首次发布，全部任务分派到各责任单位。</Typography.Text>
          ) : v.changes.length === 0 ? (
            <Typography.Text>与上一版相比任务没有变化。</Typography.Text>
          ) : (
            <>
              <Typography.Text strong>
                与第 {v.number - 1} 版相比（{v.changes.length} 项变化）
              </Typography.Text>
              <ChangeTable changes={v.changes} unitName={unitName} />
            </>
          )}
        </Card>
      ))}
    </Space>
  );
}
