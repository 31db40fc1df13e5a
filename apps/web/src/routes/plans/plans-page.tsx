import { DownloadOutlined, ReloadOutlined, SearchOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, Table, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { DocumentSummary, PlanSummary } from "@luoshi/contract";
import { api, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { JurisdictionPicker, useJurisdictionChoice } from "../../components/jurisdiction-picker.tsx";
import { formatDateTime } from "../../components/labels.ts";
import { PLAN_WRITERS } from "../../components/nav.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PlanStatusTag } from "../../components/plan-tags.tsx";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useRemote } from "../../components/use-remote.ts";

type StatusFilter = "draft" | "published" | "changed" | "unresolved";

const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "draft", label: "草稿（未发布）" },
  { value: "published", label: "已发布" },
  { value: "changed", label: "已发布但有未发布的修改" },
  { value: "unresolved", label: "有未识别单位" },
];

function matchesStatus(plan: PlanSummary, status: StatusFilter | undefined): boolean {
  switch (status) {
    case undefined:
      return true;
    case "draft":
      return plan.publishedVersion === null;
    case "published":
      return plan.publishedVersion !== null;
    case "changed":
      return plan.hasUnpublishedChanges;
    case "unresolved":
      return plan.unresolvedCount > 0;
  }
}

/** 计划: the plans and documents of a jurisdiction (and below), with 导入文件 for the office. */
export function PlansPage() {
  const user = useUser();
  const navigate = useNavigate();
  const canWrite = hasAnyRole(user, PLAN_WRITERS);
  const choice = useJurisdictionChoice();
  const jurisdictionId = choice.value;
  const plans = useRemote(
    () => (jurisdictionId ? api.plans.list({ jurisdictionId }) : Promise.resolve({ items: [] })),
    `plans:${jurisdictionId ?? ""}`,
    "加载方案失败",
  );
  const documents = useRemote(
    () => (jurisdictionId ? api.documents.list({ jurisdictionId }) : Promise.resolve({ items: [] })),
    `documents:${jurisdictionId ?? ""}`,
    "加载公文失败",
  );
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<StatusFilter>();
  const [tab, setTab] = useState("plans");

  const documentById = useMemo(() => new Map((documents.data?.items ?? []).map((d) => [d.id, d])), [documents.data]);
  const manyJurisdictions = new Set((plans.data?.items ?? []).map((p) => p.jurisdictionId)).size > 1;
  const needle = search.trim();

  const planRows = useMemo(
    () =>
      (plans.data?.items ?? []).filter((plan) => {
        if (!matchesStatus(plan, status)) return false;
        if (!needle) return true;
        const doc = documentById.get(plan.documentId);
        return [plan.title ?? "", doc?.docNumber ?? "", doc?.title ?? ""].some((s) => s.includes(needle));
      }),
    [plans.data, status, needle, documentById],
  );
  const documentRows = useMemo(
    () =>
      (documents.data?.items ?? []).filter(
        (d) => !needle || [d.docNumber ?? "", d.title ?? "", d.issuer ?? ""].some((s) => s.includes(needle)),
      ),
    [documents.data, needle],
  );

  const planColumns: TableColumnsType<PlanSummary> = [
    {
      title: "方案名称",
      dataIndex: "title",
      render: (title: string | null, plan) => <Link to={`/plans/${plan.id}`}>{title ?? "（无标题方案）"}</Link>,
      sorter: (a, b) => (a.title ?? "").localeCompare(b.title ?? "", "zh-CN"),
    },
    {
      title: "来源公文",
      key: "document",
      render: (_, plan) => {
        const doc = documentById.get(plan.documentId);
        return doc ? <Link to={`/documents/${doc.id}`}>{doc.docNumber ?? doc.title ?? "查看公文"}</Link> : null;
      },
    },
    ...(manyJurisdictions
      ? [{ title: "区划", key: "jurisdiction", render: (_: unknown, p: PlanSummary) => choice.name(p.jurisdictionId) }]
      : []),
    { title: "年度", dataIndex: "year", width: 80, sorter: (a, b) => (a.year ?? 0) - (b.year ?? 0) },
    { title: "状态", key: "status", width: 200, render: (_, plan) => <PlanStatusTag plan={plan} /> },
    { title: "任务数", dataIndex: "itemCount", width: 90, align: "right", sorter: (a, b) => a.itemCount - b.itemCount },
    {
      title: "未识别单位",
      dataIndex: "unresolvedCount",
      width: 110,
      align: "right",
      sorter: (a, b) => a.unresolvedCount - b.unresolvedCount,
      render: (n: number) => (n > 0 ? <StatusTag tone="gold">{n} 处</StatusTag> : "无"),
    },
    {
      title: "更新时间",
      dataIndex: "updatedAt",
      width: 150,
      render: formatDateTime,
      defaultSortOrder: "descend",
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
    },
  ];

  const documentColumns: TableColumnsType<DocumentSummary> = [
    { title: "文号", dataIndex: "docNumber", width: 190, render: (v: string | null) => v ?? "（无文号）" },
    {
      title: "标题",
      dataIndex: "title",
      render: (title: string | null, doc) => <Link to={`/documents/${doc.id}`}>{title ?? "（无标题）"}</Link>,
    },
    { title: "发文机关", dataIndex: "issuer", width: 220 },
    {
      title: "成文日期",
      dataIndex: "date",
      width: 120,
      sorter: (a, b) => (a.date ?? "").localeCompare(b.date ?? ""),
    },
    { title: "导入时间", dataIndex: "createdAt", width: 150, render: formatDateTime },
  ];

  const exportCsv = () => {
    if (tab === "plans") {
      const columns: CsvColumn<PlanSummary>[] = [
        { title: "方案名称", value: (p) => p.title },
        { title: "来源公文文号", value: (p) => documentById.get(p.documentId)?.docNumber },
        { title: "区划", value: (p) => choice.name(p.jurisdictionId) },
        { title: "年度", value: (p) => p.year },
        { title: "状态", value: (p) => (p.publishedVersion === null ? "草稿" : `已发布 v${p.publishedVersion}`) },
        { title: "任务数", value: (p) => p.itemCount },
        { title: "未识别单位", value: (p) => p.unresolvedCount },
        { title: "更新时间", value: (p) => formatDateTime(p.updatedAt) },
      ];
      saveBlob(csvBlob(columns, planRows), "方案列表.csv");
    } else {
      const columns: CsvColumn<DocumentSummary>[] = [
        { title: "文号", value: (d) => d.docNumber },
        { title: "标题", value: (d) => d.title },
        { title: "发文机关", value: (d) => d.issuer },
        { title: "成文日期", value: (d) => d.date },
        { title: "导入时间", value: (d) => formatDateTime(d.createdAt) },
      ];
      saveBlob(csvBlob(columns, documentRows), "公文列表.csv");
    }
  };

  return (
    <>
      <PageHeader
        title="计划"
        extra={
          <Space wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                plans.reload();
                documents.reload();
              }}
            >
              刷新
            </Button>
            <Button icon={<DownloadOutlined />} onClick={exportCsv}>
              导出 CSV
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => void navigate("/plans/import")}>
                导入文件
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <JurisdictionPicker choice={choice} />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索方案名称、文号、标题"
          aria-label="搜索方案名称、文号、标题"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280 }}
        />
        {tab === "plans" ? (
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="方案状态"
            style={{ width: 220 }}
            value={status}
            onChange={(value?: StatusFilter) => setStatus(value)}
            options={STATUS_FILTERS}
          />
        ) : null}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "plans",
            label: `分工方案（${planRows.length}）`,
            children: (
              <Table<PlanSummary>
                rowKey="id"
                size="middle"
                columns={planColumns}
                dataSource={planRows}
                loading={plans.loading}
                locale={{
                  emptyText: canWrite ? "暂无方案。点击右上角“导入文件”导入分工方案或工作要点。" : "暂无方案",
                }}
                pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个方案` }}
              />
            ),
          },
          {
            key: "documents",
            label: `公文（${documentRows.length}）`,
            children: (
              <Table<DocumentSummary>
                rowKey="id"
                size="middle"
                columns={documentColumns}
                dataSource={documentRows}
                loading={documents.loading}
                pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 份公文` }}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        列表包含所选区划及其下级区划；同一文号只列现行版本。
      </Typography.Paragraph>
    </>
  );
}
