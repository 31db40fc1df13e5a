import { Alert, Button, Card, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link, useNavigate } from "react-router";
import type { DocumentDetail, ImportResult, PlanSummary, UnresolvedName } from "@luoshi/contract";
import { StatusTag, type Tone } from "../../components/status-tag.tsx";
import { DocumentLinks } from "../documents/document-links.tsx";

type ImportedDocument = ImportResult["documents"][number];

const OUTCOME: Record<ImportedDocument["outcome"], { label: string; tone: Tone }> = {
  new: { label: "新导入", tone: "green" },
  new_version: { label: "新版本", tone: "blue" },
  unchanged: { label: "内容无变化", tone: "grey" },
};

function changeSummary(doc: ImportedDocument): string {
  if (!doc.changes) return "";
  const { added, removed, changed } = doc.changes;
  return `新增 ${added.length} 项、删除 ${removed.length} 项、修改 ${changed.length} 项`;
}

/** What one imported file held: its documents (with 上游文件), the plans found, and the names nobody knows yet. */
export function ImportResultCard({
  filename,
  result,
  details,
}: {
  filename: string;
  result: ImportResult;
  details: Record<string, DocumentDetail>;
}) {
  const navigate = useNavigate();
  const documentColumns: TableColumnsType<ImportedDocument> = [
    { title: "文号", dataIndex: "docNumber", width: 180, render: (v: string | null) => v ?? "（无文号）" },
    {
      title: "标题",
      dataIndex: "title",
      render: (title: string | null, doc) => <Link to={`/documents/${doc.id}`}>{title ?? "（无标题）"}</Link>,
    },
    { title: "发文机关", dataIndex: "issuer", width: 200 },
    { title: "日期", dataIndex: "date", width: 110 },
    {
      title: "导入结果",
      key: "outcome",
      width: 180,
      render: (_, doc) => (
        <Space orientation="vertical" size={0}>
          <StatusTag tone={OUTCOME[doc.outcome].tone}>{OUTCOME[doc.outcome].label}</StatusTag>
          {doc.changes ? <Typography.Text style={{ fontSize: 12 }}>{changeSummary(doc)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: "上游文件",
      key: "upstream",
      width: 260,
      render: (_, doc) => <DocumentLinks links={details[doc.id]?.upstream ?? []} empty="无" />,
    },
  ];

  const planColumns: TableColumnsType<PlanSummary> = [
    {
      title: "方案",
      dataIndex: "title",
      render: (title: string | null, plan) => <Link to={`/plans/${plan.id}`}>{title ?? "（无标题方案）"}</Link>,
    },
    { title: "年度", dataIndex: "year", width: 80 },
    { title: "任务数", dataIndex: "itemCount", width: 90, align: "right" },
    {
      title: "未识别单位",
      dataIndex: "unresolvedCount",
      width: 200,
      render: (n: number, plan) =>
        n > 0 ? (
          <Space>
            <StatusTag tone="gold">{n} 处</StatusTag>
            <Button size="small" onClick={() => void navigate(`/plans/${plan.id}?tab=unresolved`)}>
              去映射
            </Button>
          </Space>
        ) : (
          "无"
        ),
    },
  ];

  const unresolvedColumns: TableColumnsType<UnresolvedName> = [
    { title: "单位名称（原文）", dataIndex: "name" },
    { title: "出现次数", dataIndex: "occurrences", width: 100, align: "right" },
    {
      title: "可能是",
      key: "suggestions",
      render: (_, u) =>
        u.suggestions.length === 0
          ? "无相近单位"
          : u.suggestions
              .slice(0, 3)
              .map((s) => `${s.name}（${Math.round(s.score * 100)}%）`)
              .join("、"),
    },
  ];

  return (
    <Card title={`导入结果：${filename}`} size="small" style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        {result.duplicate ? (
          <Alert
            type="info"
            showIcon
            title="该文件此前已导入过（内容完全相同），本次未重复保存。下面是此前导入的结果。"
          />
        ) : null}
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          公文（{result.documents.length}）
        </Typography.Title>
        <Table<ImportedDocument>
          rowKey="id"
          size="small"
          columns={documentColumns}
          dataSource={result.documents}
          pagination={false}
        />
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          识别出的方案（{result.plans.length}）
        </Typography.Title>
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          columns={planColumns}
          dataSource={result.plans}
          pagination={false}
          locale={{ emptyText: "文件中没有识别出分工方案或工作要点" }}
        />
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          未识别的单位名称（{result.unresolved.length}）
        </Typography.Title>
        {result.unresolved.length === 0 ? (
          <Typography.Text>所有责任单位都已对应到单位名录。</Typography.Text>
        ) : (
          <Table<UnresolvedName>
            rowKey="name"
            size="small"
            columns={unresolvedColumns}
            dataSource={result.unresolved}
            pagination={false}
          />
        )}
        {result.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`解析提示（${result.warnings.length}）`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Space>
    </Card>
  );
}
