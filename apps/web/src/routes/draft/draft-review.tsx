import { CheckOutlined, DownloadOutlined, FileDoneOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Flex, Input, Progress, Segmented, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { PlanDetail, PlanItem, UnitSuggestion } from "@luoshi/contract";
import { api, ApiError, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { UNIT_ROLE_LABELS } from "../../components/labels.ts";
import { formatPath } from "../../components/plan-format.ts";
import { ItemUnitTag, RoleTag } from "../../components/plan-tags.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { topAligned } from "../../components/top-aligned.ts";
import { useApiError } from "../../components/use-api-error.ts";
import { openSuggestions, unitsWithAccepted } from "./draft-units.ts";

type Suggestions = Record<string, UnitSuggestion[]>;
type Filter = "all" | "open" | "done" | "none";

const BASIS_LABELS: Record<UnitSuggestion["basis"], string> = { history: "往年分工", remit: "职责匹配" };

/**
 * The drafted plan's items with the units suggested for each (role, why, how sure): tick the right ones and 采纳 per
 * item, or 全部采纳 the ticked suggestions of every item at once. Each acceptance is an item edit with the item's
 * version (optimistic locking); the plan stays a draft for the office to edit and publish.
 */
export function DraftReview({ plan, suggestions }: { plan: PlanDetail; suggestions: Suggestions }) {
  const [items, setItems] = useState<PlanItem[]>(plan.items);
  // Every suggestion starts ticked: the office unticks the ones it disagrees with.
  const [ticked, setTicked] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(Object.entries(suggestions).map(([itemId, list]) => [itemId, list.map((s) => s.unitId)])),
  );
  const [saving, setSaving] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ done: number; total: number }>();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const showError = useApiError();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const openOf = (item: PlanItem) => openSuggestions(item, suggestions[item.id] ?? []);
  const statusOf = (item: PlanItem): Exclude<Filter, "all"> =>
    openOf(item).length > 0 ? "open" : item.units.length > 0 ? "done" : "none";
  const counts = { open: 0, done: 0, none: 0 };
  for (const item of items) counts[statusOf(item)] += 1;
  const rows = items.filter((item) => {
    if (filter !== "all" && statusOf(item) !== filter) return false;
    const needle = search.trim();
    if (!needle) return true;
    return (
      item.text.includes(needle) ||
      formatPath(item.path).includes(needle) ||
      (suggestions[item.id] ?? []).some((s) => s.name.includes(needle)) ||
      item.units.some((u) => u.rawName.includes(needle))
    );
  });

  /** Applies the ticked suggestions of one item; answers whether it worked. */
  const accept = async (item: PlanItem, quiet = false): Promise<boolean> => {
    const chosen = openOf(item).filter((s) => (ticked[item.id] ?? []).includes(s.unitId));
    if (chosen.length === 0) return true;
    setSaving((s) => new Set(s).add(item.id));
    try {
      const updated = await api.plans.updateItem(plan.id, item.id, {
        version: item.version,
        units: unitsWithAccepted(item, chosen),
      });
      setItems((list) => list.map((i) => (i.id === updated.id ? updated : i)));
      if (!quiet) void message.success(`已采纳 ${formatPath(item.path)} 的 ${chosen.length} 个单位`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        showError(error, `${formatPath(item.path)} 已被他人修改，请刷新后再采纳`);
      } else {
        showError(error, `采纳 ${formatPath(item.path)} 失败`);
      }
      return false;
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(item.id);
        return next;
      });
    }
  };

  const acceptAll = async () => {
    const pending = items.filter((item) => openOf(item).some((s) => (ticked[item.id] ?? []).includes(s.unitId)));
    setBulk({ done: 0, total: pending.length });
    let failed = 0;
    for (const [index, item] of pending.entries()) {
      if (!(await accept(item, true))) failed += 1;
      setBulk({ done: index + 1, total: pending.length });
    }
    setBulk(undefined);
    if (failed === 0) void message.success(`已全部采纳：${pending.length} 项任务`);
    else void message.warning(`已采纳 ${pending.length - failed} 项，${failed} 项未成功，请查看提示`);
  };

  const exportCsv = () => {
    const columns: CsvColumn<PlanItem>[] = [
      { title: "编号", value: (i) => formatPath(i.path) },
      { title: "任务", value: (i) => i.text },
      {
        title: "已确认单位",
        value: (i) => i.units.map((u) => `${u.rawName}（${UNIT_ROLE_LABELS[u.role]}）`).join("、"),
      },
      {
        title: "待确认的建议单位",
        value: (i) =>
          openOf(i)
            .map((s) => `${s.name}（${UNIT_ROLE_LABELS[s.role]}；${s.reason}）`)
            .join("、"),
      },
    ];
    saveBlob(csvBlob(columns, rows), `${plan.title ?? "方案草稿"}-建议单位.csv`);
  };

  const columns: TableColumnsType<PlanItem> = [
    { title: "编号", key: "path", width: 90, render: (_, item) => formatPath(item.path) },
    {
      title: "任务",
      key: "text",
      width: "36%",
      render: (_, item) => (
        <Typography.Paragraph
          style={{ margin: 0 }}
          ellipsis={{ rows: 3, expandable: "collapsible", symbol: (e) => (e ? "收起" : "展开") }}
        >
          {item.text}
        </Typography.Paragraph>
      ),
    },
    {
      title: "建议责任单位（依据）",
      key: "suggestions",
      render: (_, item) => {
        const open = openOf(item);
        if (open.length === 0) {
          return statusOf(item) === "none" ? (
            <Typography.Text type="secondary">无建议，请在方案中指定</Typography.Text>
          ) : null;
        }
        return (
          <Checkbox.Group
            value={ticked[item.id] ?? []}
            onChange={(values) => setTicked((t) => ({ ...t, [item.id]: values }))}
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
          >
            {open.map((s) => (
              <Checkbox
                key={s.unitId}
                value={s.unitId}
                aria-label={`${formatPath(item.path)} 建议 ${s.name}（${UNIT_ROLE_LABELS[s.role]}）`}
              >
                <RoleTag role={s.role} /> {s.name}{" "}
                <Typography.Text type="secondary">
                  （{BASIS_LABELS[s.basis]}：{s.reason}；把握 {Math.round(s.score * 100)}%）
                </Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        );
      },
    },
    {
      title: "已确认单位",
      key: "units",
      width: "18%",
      render: (_, item) =>
        item.units.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {item.units.map((u) => (
              <ItemUnitTag key={u.id} unit={u} />
            ))}
          </Flex>
        ),
    },
    {
      title: "操作",
      key: "actions",
      width: 100,
      render: (_, item) =>
        statusOf(item) === "open" ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={saving.has(item.id)}
            disabled={(ticked[item.id] ?? []).length === 0 || bulk !== undefined}
            aria-label={`采纳 ${formatPath(item.path)}`}
            onClick={() => void accept(item)}
          >
            采纳
          </Button>
        ) : statusOf(item) === "done" ? (
          <StatusTag tone="green">已确认</StatusTag>
        ) : null,
    },
  ];

  return (
    <>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已生成方案草稿“${plan.title ?? ""}”：${items.length} 项任务`}
        description="下表为各项任务的建议责任单位及依据。勾选认可的单位后逐项“采纳”，或“全部采纳”已勾选的建议；之后可在方案页继续修改、拆分合并并发布。"
      />
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented<Filter>
            aria-label="按确认情况筛选"
            value={filter}
            onChange={setFilter}
            options={[
              { value: "all", label: `全部 ${items.length}` },
              { value: "open", label: `待确认 ${counts.open}` },
              { value: "done", label: `已确认 ${counts.done}` },
              { value: "none", label: `无建议 ${counts.none}` },
            ]}
          />
          <Input.Search
            allowClear
            aria-label="搜索任务或单位"
            placeholder="搜索任务或单位"
            style={{ width: 220 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </Space>
        <Space wrap>
          {bulk ? (
            <Progress
              percent={Math.round((bulk.done / Math.max(bulk.total, 1)) * 100)}
              size="small"
              style={{ width: 160 }}
            />
          ) : null}
          <Button icon={<DownloadOutlined />} onClick={exportCsv}>
            导出 CSV
          </Button>
          <Button
            icon={<CheckOutlined />}
            disabled={counts.open === 0 || bulk !== undefined}
            onClick={() => void acceptAll()}
          >
            全部采纳
          </Button>
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            onClick={() => void navigate(`/plans/${encodeURIComponent(plan.id)}`)}
          >
            完成，打开方案
          </Button>
        </Space>
      </Flex>
      <Table<PlanItem>
        rowKey="id"
        size="middle"
        columns={topAligned(columns)}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      />
    </>
  );
}
