import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, LinkOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Flex, Input, Popconfirm, Segmented, Select, Space, Table, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { CoverageReport } from "@luoshi/contract";
import { api, saveBlob } from "../../api/client.ts";
import { csvBlob } from "../../components/export-csv.ts";
import { PLAN_WRITERS } from "../../components/nav.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatPath } from "../../components/plan-format.ts";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { topAligned } from "../../components/top-aligned.ts";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import {
  COVERAGE_CSV,
  filterRows,
  matchText,
  percent,
  STATUS_LABELS,
  STATUS_TONES,
  taskShareText,
  type CoverageRow,
  type LocalMatch,
  type StatusFilter,
} from "./coverage-format.ts";
import { CoverageSummary } from "./coverage-summary.tsx";

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "全部" },
  { value: "covered", label: "已覆盖" },
  { value: "partly", label: "部分覆盖" },
  { value: "not-covered", label: "未覆盖" },
  { value: "unsure", label: "待确认" },
];

/**
 * 覆盖检查 (/plans/:id/coverage): does the local plan take up every item of the upstream 要点? Upstream items beside
 * the local items matched to them, each tagged 已覆盖 / 部分覆盖 / 未覆盖 (待确认 when the call is close), with the
 * share of its tasks taken up. For an item not (fully) covered the closest local items are suggested; 记录关联
 * records that one implements it, and the office's record then decides the status.
 */
export function CoveragePage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const upstreamParam = params.get("upstream") ?? undefined;
  const [filter, setFilter] = useState<StatusFilter>("all");
  const [search, setSearch] = useState("");
  const [linking, setLinking] = useState<string>();
  const canWrite = hasAnyRole(useUser(), PLAN_WRITERS);
  const showError = useApiError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useRemote(
    () => api.drafting.coverage(id, upstreamParam),
    `${id}|${upstreamParam ?? ""}`,
    "加载覆盖检查失败",
  );
  const data = report.data?.planId === id ? report.data : undefined;
  const rows = useMemo(() => filterRows(data?.items ?? [], filter, search), [data, filter, search]);

  /** Adds (or removes) one upstream item to a local item's links, keeping the links it has to other items. */
  const changeLink = async (local: LocalMatch, upstream: CoverageRow, add: boolean) => {
    const key = `${local.localId}|${upstream.upstreamId}`;
    setLinking(key);
    try {
      const current = await api.drafting.links(id, local.localId);
      const ids = new Set(current.items.map((l) => l.upstreamItemId));
      if (add) ids.add(upstream.upstreamId);
      else ids.delete(upstream.upstreamId);
      await api.drafting.setLinks(id, local.localId, { upstreamItemIds: [...ids] });
      void message.success(
        add
          ? `已记录：本地 ${formatPath(local.path)} 落实上级 ${formatPath(upstream.path)}`
          : `已取消关联：本地 ${formatPath(local.path)} 与上级 ${formatPath(upstream.path)}`,
      );
      report.reload();
    } catch (error) {
      showError(error, add ? "记录关联失败" : "取消关联失败");
    } finally {
      setLinking(undefined);
    }
  };

  const exportCsv = (report: CoverageReport) =>
    saveBlob(csvBlob(COVERAGE_CSV, rows), `覆盖检查-${report.localTitle ?? "本地方案"}.csv`);

  const columns: TableColumnsType<CoverageRow> = [
    {
      title: "上级条目",
      key: "upstream",
      width: "30%",
      render: (_, row) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 4, expandable: "collapsible", symbol: (e) => (e ? "收起" : "展开") }}>
          <strong>{formatPath(row.path)}</strong> {row.text}
        </Typography.Paragraph>
      ),
    },
    {
      title: "状态",
      key: "status",
      width: 110,
      render: (_, row) => (
        <Flex vertical gap={4} align="start">
          <StatusTag tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</StatusTag>
          {row.unsure ? (
            <Tooltip title="判断接近阈值，请人工核对">
              <StatusTag tone="purple">待确认</StatusTag>
            </Tooltip>
          ) : null}
          {row.basis === "link" ? <StatusTag tone="blue">已记录关联</StatusTag> : null}
        </Flex>
      ),
    },
    {
      title: "承接任务",
      key: "share",
      width: 110,
      sorter: (a, b) => a.taskShare - b.taskShare,
      render: (_, row) => (
        <Tooltip title={`上级条目含 ${row.taskCount} 项任务，本地条目承接 ${row.tasksTakenUp} 项`}>
          <span>{taskShareText(row)}</span>
        </Tooltip>
      ),
    },
    {
      title: "对应的本地条目",
      key: "matches",
      render: (_, row) =>
        row.matches.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {row.matches.map((m) => (
              <Flex key={m.localId} gap={6} align="start" justify="space-between">
                <span>
                  {matchText(m, 60)}
                  <Typography.Text type="secondary">（{m.linked ? "已关联" : `相似度 ${percent(m.score)}`}）</Typography.Text>
                </span>
                {canWrite && m.linked ? (
                  <Popconfirm
                    title="取消这条关联？"
                    okText="取消关联"
                    cancelText="保留"
                    onConfirm={() => void changeLink(m, row, false)}
                  >
                    <Button size="small" type="link" loading={linking === `${m.localId}|${row.upstreamId}`}>
                      取消关联
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ))}
          </Flex>
        ),
    },
    {
      title: "建议核对的本地条目",
      key: "suggestions",
      width: "26%",
      render: (_, row) =>
        row.suggestions.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {row.suggestions.map((s) => (
              <Flex key={s.localId} gap={6} align="start" justify="space-between">
                <span>
                  {matchText(s)}
                  <Typography.Text type="secondary">（相似度 {percent(s.score)}）</Typography.Text>
                </span>
                {canWrite ? (
                  <Button
                    size="small"
                    icon={<LinkOutlined />}
                    loading={linking === `${s.localId}|${row.upstreamId}`}
                    aria-label={`记录关联：本地 ${formatPath(s.path)} 落实上级 ${formatPath(row.path)}`}
                    onClick={() => void changeLink(s, row, true)}
                  >
                    记录关联
                  </Button>
                ) : null}
              </Flex>
            ))}
          </Flex>
        ),
    },
  ];

  const upstreamId = data?.upstreamPlanId ?? null;
  return (
    <>
      <PageHeader
        title="覆盖检查"
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/plans/${encodeURIComponent(id)}`)}>
              返回方案
            </Button>
            <Button icon={<ReloadOutlined />} onClick={report.reload}>
              刷新
            </Button>
            {data ? (
              <Button icon={<DownloadOutlined />} onClick={() => exportCsv(data)}>
                导出报告（CSV）
              </Button>
            ) : null}
            {canWrite && upstreamId ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => void navigate(`/plans/${encodeURIComponent(upstreamId)}/draft`)}
              >
                据此起草本地方案
              </Button>
            ) : null}
          </Space>
        }
      />
      {data ? (
        <Flex wrap gap={16} align="center" style={{ marginBottom: 12 }}>
          <span>
            本地方案：<Link to={`/plans/${encodeURIComponent(id)}`}>{data.localTitle ?? "（无标题）"}</Link>
          </span>
          <UpstreamChooser report={data} onChange={(value) => setParams({ upstream: value })} />
        </Flex>
      ) : null}
      {data && upstreamId ? (
        <>
          <CoverageSummary summary={data.summary} total={data.items.length} onFilter={setFilter} />
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented<StatusFilter> aria-label="按状态筛选" value={filter} onChange={setFilter} options={FILTERS} />
            <Input.Search
              allowClear
              aria-label="搜索条目内容"
              placeholder="搜索上级或本地条目内容"
              style={{ width: 260 }}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Typography.Text type="secondary">显示 {rows.length} 项</Typography.Text>
          </Space>
          <Table<CoverageRow>
            rowKey="upstreamId"
            size="middle"
            columns={topAligned(columns)}
            dataSource={rows}
            loading={report.loading}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
          />
          {data.unmatchedLocal.length > 0 ? (
            <>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
                本地新增条目（未对应上级条目，{data.unmatchedLocal.length} 项）
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                本地结合实际增加的任务，或尚未记录关联的条目。
              </Typography.Paragraph>
              <Table
                rowKey="localId"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={data.unmatchedLocal}
                columns={[
                  { title: "编号", key: "path", width: 120, render: (_, l) => formatPath(l.path) },
                  { title: "本地条目", dataIndex: "text" },
                ]}
              />
            </>
          ) : null}
        </>
      ) : report.loading ? null : (
        <Empty
          description={
            <Alert
              type="warning"
              showIcon
              title="无法生成覆盖检查"
              description={
                (data?.upstreamCandidates.length ?? 0) > 0
                  ? "请在上方选择要对照的上级方案。"
                  : "本方案未找到可对照的上级方案：请先导入上级文件（如国务院办公厅或省政府办公厅的工作要点），系统按文号自动识别。"
              }
            />
          }
        />
      )}
    </>
  );
}

/** The upstream plan compared against: the default one, or another of the plans the 文号 links lead to. */
function UpstreamChooser({ report, onChange }: { report: CoverageReport; onChange: (planId: string) => void }) {
  const current = report.upstreamPlanId;
  const candidates = report.upstreamCandidates;
  const options = [
    ...(current && !candidates.some((c) => c.id === current)
      ? [{ value: current, label: report.upstreamTitle ?? "（无标题）" }]
      : []),
    ...candidates.map((c) => ({ value: c.id, label: c.title ?? "（无标题）" })),
  ];
  return (
    <Flex align="center" gap={8} wrap>
      <label htmlFor="upstream-plan">对照上级方案：</label>
      <Select
        id="upstream-plan"
        style={{ minWidth: 320, maxWidth: 560 }}
        value={current ?? undefined}
        placeholder="选择上级方案"
        onChange={onChange}
        options={options}
      />
      {current ? <Link to={`/plans/${encodeURIComponent(current)}`}>查看上级方案</Link> : null}
    </Flex>
  );
}
