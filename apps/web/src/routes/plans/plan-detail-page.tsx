import {
  ArrowLeftOutlined,
  DownloadOutlined,
  MergeCellsOutlined,
  ReloadOutlined,
  SearchOutlined,
} from "@ant-design/icons";
import {
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Dropdown,
  Empty,
  Input,
  Select,
  Space,
  Spin,
  Tabs,
} from "antd";
import type { MenuProps } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { PlanDetail, PlanItem } from "@luoshi/contract";
import { api, ApiError, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { formatDateTime } from "../../components/labels.ts";
import { PLAN_WRITERS } from "../../components/nav.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import {
  deadlineKey,
  deadlineText,
  filterItems,
  formatPath,
  isUnresolved,
  unitKeyOf,
  unitLabel,
  type DeadlineResolution,
  type ItemFilter,
} from "../../components/plan-format.ts";
import { PlanStatusTag } from "../../components/plan-tags.tsx";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import { ItemEditModal } from "./item-edit-modal.tsx";
import { ItemSplitModal } from "./item-split-modal.tsx";
import { PlanItemsTable } from "./plan-items-table.tsx";
import { PlanItemsTree } from "./plan-items-tree.tsx";
import { PublishButton } from "./publish-button.tsx";
import { UnresolvedPanel } from "./unresolved-panel.tsx";
import { usePlanDeadlines } from "./use-plan-deadlines.ts";
import { usePlanRegistry, type PlanRegistry } from "./use-plan-registry.ts";
import { VersionsPanel } from "./versions-panel.tsx";

const TABS = ["table", "tree", "unresolved", "versions"] as const;
type Tab = (typeof TABS)[number];

function csvColumns(plan: PlanDetail, resolutions: ReadonlyMap<string, DeadlineResolution>): CsvColumn<PlanItem>[] {
  const hasCriteria = plan.items.some((i) => i.criteria);
  return [
    { title: "序号", value: (i) => formatPath(i.path) },
    { title: "所属", value: (i) => i.headings.join(" › ") },
    { title: "任务", value: (i) => i.text },
    ...(hasCriteria ? [{ title: "评价标准", value: (i: PlanItem) => i.criteria }] : []),
    { title: "责任单位", value: (i) => i.units.map(unitLabel).join("、") },
    {
      title: "完成时限",
      value: (i) => i.deadlines.map((d) => deadlineText(d, resolutions.get(deadlineKey(d)))).join("；"),
    },
    {
      title: "未识别单位",
      value: (i) =>
        i.units
          .filter(isUnresolved)
          .map((u) => u.rawName)
          .join("、"),
    },
  ];
}

function unitFilterOptions(plan: PlanDetail, registry: PlanRegistry) {
  const seen = new Map<string, string>();
  for (const item of plan.items) {
    for (const unit of item.units) {
      const key = unitKeyOf(unit);
      if (seen.has(key)) continue;
      const name = registry.targetName(unit);
      seen.set(key, isUnresolved(unit) ? `${unit.rawName}（未识别）` : (name ?? unit.rawName));
    }
  }
  return [...seen.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
}

/**
 * 方案详情: metadata, the items as a table and as an outline, the unresolved names, the versions; for the office
 * also editing, splitting, merging, mapping and publishing.
 */
export function PlanDetailPage() {
  const { id = "" } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const canWrite = hasAnyRole(user, PLAN_WRITERS);
  const showError = useApiError();
  const { message, modal } = App.useApp();

  const planRemote = useRemote(() => api.plans.get(id), `plan:${id}`, "加载方案失败");
  const plan = planRemote.data;
  const documentRemote = useRemote(
    () => (plan ? api.documents.get(plan.documentId) : Promise.resolve(undefined)),
    `plan-document:${plan?.documentId ?? ""}`,
    "加载来源公文失败",
  );
  const doc = documentRemote.data;
  const published = plan?.publishedVersion ?? null;
  const versionsRemote = useRemote(
    () => (published !== null ? api.plans.versions(id) : Promise.resolve({ items: [] })),
    `plan-versions:${id}:${published ?? ""}`,
    "加载版本记录失败",
  );
  const registry = usePlanRegistry(plan?.jurisdictionId);
  const resolutions = usePlanDeadlines(plan, doc?.date);

  const tabParam = searchParams.get("tab");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "table";
  const [filter, setFilter] = useState<ItemFilter>({ text: "", unit: undefined, unresolvedOnly: false });
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<PlanItem>();
  const [splitting, setSplitting] = useState<PlanItem>();
  const [merging, setMerging] = useState(false);
  const [exporting, setExporting] = useState(false);

  const items = useMemo(() => (plan ? filterItems(plan.items, filter) : []), [plan, filter]);
  const unresolvedNames = useMemo(
    () => new Set(plan?.items.flatMap((i) => i.units.filter(isUnresolved).map((u) => u.rawName)) ?? []).size,
    [plan],
  );

  const reload = () => {
    planRemote.reload();
    versionsRemote.reload();
  };

  /** A stale edit (someone changed the item or plan meanwhile) reloads and says so in words. */
  const onWriteError = (error: unknown, what: string) => {
    if (error instanceof ApiError && error.code === "CONFLICT") {
      modal.warning({
        title: "内容已被他人修改",
        content: `${error.message}。页面已重新加载最新内容，请核对后再操作。`,
        okText: "知道了",
      });
      setEditing(undefined);
      setSplitting(undefined);
      setSelected([]);
      reload();
      return;
    }
    showError(error, what);
  };

  if (!plan) {
    return planRemote.loading ? (
      <Spin description="正在加载方案…" style={{ display: "block", marginTop: 48 }} />
    ) : (
      <Empty description="方案不存在或无权访问" />
    );
  }

  const merge = () => {
    const chosen = plan.items.filter((i) => selected.includes(i.id));
    if (chosen.length < 2) return;
    modal.confirm({
      title: `合并 ${chosen.length} 项任务`,
      content: `将 ${chosen.map((i) => formatPath(i.path)).join("、")} 合并为一项：保留排在最前的 ${formatPath(chosen[0]?.path ?? [])}，其余任务的内容和责任单位并入后删除。`,
      okText: "合并",
      cancelText: "取消",
      onOk: async () => {
        setMerging(true);
        try {
          await api.plans.mergeItems(plan.id, { items: chosen.map((i) => ({ id: i.id, version: i.version })) });
          void message.success(`已合并 ${chosen.length} 项任务`);
          setSelected([]);
          reload();
        } catch (error) {
          onWriteError(error, "合并任务失败");
        } finally {
          setMerging(false);
        }
      },
    });
  };

  const title = plan.title ?? "（无标题方案）";
  const exportServer = async (format: "docx" | "xlsx", source: "draft" | "published") => {
    setExporting(true);
    try {
      const suffix = source === "published" ? `（第${plan.publishedVersion}版）` : "（草稿）";
      await api.plans.exportFile(plan.id, { format, source }, `${title}${suffix}.${format}`);
    } catch (error) {
      showError(error, "导出失败");
    } finally {
      setExporting(false);
    }
  };
  const exportMenu: MenuProps = {
    items: [
      { key: "csv", label: "导出 CSV（当前筛选结果）" },
      { type: "divider" },
      ...(plan.publishedVersion !== null
        ? [
            { key: "docx:published", label: `导出 Word（已发布第 ${plan.publishedVersion} 版）` },
            { key: "xlsx:published", label: `导出 Excel（已发布第 ${plan.publishedVersion} 版）` },
          ]
        : []),
      ...(canWrite && (plan.publishedVersion === null || plan.hasUnpublishedChanges)
        ? [
            { key: "docx:draft", label: "导出 Word（草稿）" },
            { key: "xlsx:draft", label: "导出 Excel（草稿）" },
          ]
        : []),
    ],
    onClick: ({ key }) => {
      if (key === "csv") {
        saveBlob(csvBlob(csvColumns(plan, resolutions), items), `${title}.csv`);
        return;
      }
      const [format, source] = key.split(":") as ["docx" | "xlsx", "draft" | "published"];
      void exportServer(format, source);
    },
  };

  const filterBar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索任务、评价标准、单位"
        aria-label="搜索任务、评价标准、单位"
        value={filter.text}
        onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        style={{ width: 260 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        placeholder="全部责任单位"
        aria-label="按责任单位筛选"
        style={{ width: 260 }}
        value={filter.unit}
        onChange={(unit?: string) => setFilter((f) => ({ ...f, unit }))}
        options={unitFilterOptions(plan, registry)}
      />
      <Checkbox
        checked={filter.unresolvedOnly}
        onChange={(e) => setFilter((f) => ({ ...f, unresolvedOnly: e.target.checked }))}
      >
        只看含未识别单位的任务
      </Checkbox>
      {canWrite ? (
        <Button icon={<MergeCellsOutlined />} disabled={selected.length < 2} loading={merging} onClick={merge}>
          合并所选任务{selected.length > 0 ? `（${selected.length}）` : ""}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate("/plans")}>
              返回计划
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            <Dropdown menu={exportMenu}>
              <Button icon={<DownloadOutlined />} loading={exporting}>
                导出
              </Button>
            </Dropdown>
            {canWrite ? (
              <PublishButton
                plan={plan}
                onError={onWriteError}
                onPublished={() => {
                  reload();
                  setSearchParams({ tab: "versions" });
                }}
              />
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: "doc",
              label: "来源公文",
              children: doc ? <Link to={`/documents/${doc.id}`}>{doc.docNumber ?? doc.title ?? "查看公文"}</Link> : "—",
            },
            { key: "issuer", label: "发文机关", children: doc?.issuer ?? "—" },
            { key: "date", label: "成文日期", children: doc?.date ?? "—" },
            { key: "year", label: "年度", children: plan.year ?? "—" },
            { key: "status", label: "状态", children: <PlanStatusTag plan={plan} /> },
            {
              key: "published",
              label: "最近发布",
              children: plan.publishedAt ? formatDateTime(plan.publishedAt) : "未发布",
            },
            { key: "items", label: "任务数", children: `${plan.itemCount} 项` },
            {
              key: "unresolved",
              label: "未识别单位",
              children: plan.unresolvedCount > 0 ? `${unresolvedNames} 个名称、${plan.unresolvedCount} 处` : "无",
            },
            { key: "updated", label: "更新时间", children: formatDateTime(plan.updatedAt) },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
        items={[
          {
            key: "table",
            label: "任务表",
            children: (
              <>
                {filterBar}
                <PlanItemsTable
                  items={items}
                  registry={registry}
                  resolutions={resolutions}
                  showCriteria={plan.items.some((i) => i.criteria)}
                  canWrite={canWrite}
                  selected={selected}
                  onSelect={setSelected}
                  onEdit={setEditing}
                  onSplit={setSplitting}
                  loading={planRemote.loading}
                />
              </>
            ),
          },
          {
            key: "tree",
            label: "按标题查看",
            children: (
              <>
                {filterBar}
                <PlanItemsTree
                  items={items}
                  registry={registry}
                  resolutions={resolutions}
                  canWrite={canWrite}
                  onEdit={setEditing}
                />
              </>
            ),
          },
          {
            key: "unresolved",
            label: (
              <Space size={4}>
                未识别单位
                <Badge count={unresolvedNames} showZero color={unresolvedNames > 0 ? "#ad4e00" : "#237804"} />
              </Space>
            ),
            children: (
              <UnresolvedPanel
                plan={plan}
                registry={registry}
                canWrite={canWrite}
                onError={onWriteError}
                onMapped={(text) => {
                  void message.success(text);
                  reload();
                }}
              />
            ),
          },
          {
            key: "versions",
            label: `版本记录${versionsRemote.data?.items.length ? `（${versionsRemote.data.items.length}）` : ""}`,
            children: (
              <VersionsPanel
                versions={versionsRemote.data?.items ?? []}
                loading={versionsRemote.loading}
                unitName={(unitId) => registry.unitName(unitId) ?? unitId}
              />
            ),
          },
        ]}
      />
      {editing ? (
        <ItemEditModal
          key={editing.id}
          planId={plan.id}
          item={editing}
          registry={registry}
          onCancel={() => setEditing(undefined)}
          onError={onWriteError}
          onSaved={() => {
            void message.success(`已保存任务 ${formatPath(editing.path)}`);
            setEditing(undefined);
            reload();
          }}
        />
      ) : null}
      {splitting ? (
        <ItemSplitModal
          key={splitting.id}
          planId={plan.id}
          item={splitting}
          onCancel={() => setSplitting(undefined)}
          onError={onWriteError}
          onSaved={(parts) => {
            void message.success(`已将任务 ${formatPath(splitting.path)} 拆分为 ${parts} 项`);
            setSplitting(undefined);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
