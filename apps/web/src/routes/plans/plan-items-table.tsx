import { Button, Flex, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { PlanItem } from "@luoshi/contract";
import {
  deadlineKey,
  deadlineText,
  earliestDate,
  formatPath,
  ROLE_ORDER,
  type DeadlineResolution,
} from "../../components/plan-format.ts";
import { ItemUnitTag } from "../../components/plan-tags.tsx";
import type { PlanRegistry } from "./use-plan-registry.ts";

export function ItemUnits({ item, registry }: { item: PlanItem; registry: PlanRegistry }) {
  const units = [...item.units].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.position - b.position,
  );
  if (units.length === 0) return <Typography.Text type="secondary">未写明</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {units.map((unit) => (
        <ItemUnitTag key={unit.id} unit={unit} registryName={registry.targetName(unit)} />
      ))}
    </Flex>
  );
}

export function ItemDeadlines({
  item,
  resolutions,
}: {
  item: PlanItem;
  resolutions: ReadonlyMap<string, DeadlineResolution>;
}) {
  if (item.deadlines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {item.deadlines.map((d, i) => (
        <span key={i}>{deadlineText(d, resolutions.get(deadlineKey(d)))}</span>
      ))}
    </Space>
  );
}

/**
 * The plan as its printed table: 序号 · 任务 (· 评价标准) · 责任单位 · 完成时限, with row selection for 合并 and the
 * edit / split actions for the office.
 */
export function PlanItemsTable({
  items,
  registry,
  resolutions,
  showCriteria,
  canWrite,
  selected,
  onSelect,
  onEdit,
  onSplit,
  loading,
}: {
  items: PlanItem[];
  registry: PlanRegistry;
  resolutions: ReadonlyMap<string, DeadlineResolution>;
  showCriteria: boolean;
  canWrite: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onEdit: (item: PlanItem) => void;
  onSplit: (item: PlanItem) => void;
  loading: boolean;
}) {
  const due = (item: PlanItem) =>
    earliestDate(item.deadlines.map((d) => resolutions.get(deadlineKey(d))?.date)) ?? "9999";
  const columns: TableColumnsType<PlanItem> = [
    {
      title: "序号",
      key: "path",
      width: 100,
      render: (_, item) => formatPath(item.path),
      sorter: (a, b) => a.position - b.position,
      defaultSortOrder: "ascend",
    },
    {
      title: "任务",
      key: "text",
      render: (_, item) => (
        <>
          {item.headings.length > 0 ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {item.headings.join(" › ")}
            </Typography.Text>
          ) : null}
          <span style={{ whiteSpace: "pre-wrap" }}>{item.text}</span>
        </>
      ),
    },
    ...(showCriteria
      ? [
          {
            title: "评价标准",
            key: "criteria",
            width: "24%",
            render: (_: unknown, item: PlanItem) => (
              <span style={{ whiteSpace: "pre-wrap", fontSize: 13 }}>{item.criteria ?? ""}</span>
            ),
          },
        ]
      : []),
    {
      title: "责任单位",
      key: "units",
      width: 280,
      render: (_, item) => <ItemUnits item={item} registry={registry} />,
    },
    {
      title: "完成时限",
      key: "deadlines",
      width: 170,
      render: (_, item) => <ItemDeadlines item={item} resolutions={resolutions} />,
      sorter: (a, b) => due(a).localeCompare(due(b)),
    },
  ];
  if (canWrite) {
    columns.push({
      title: "操作",
      key: "actions",
      width: 120,
      render: (_, item) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => onEdit(item)}
            aria-label={`编辑任务 ${formatPath(item.path)}`}
          >
            编辑
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => onSplit(item)}
            aria-label={`拆分任务 ${formatPath(item.path)}`}
          >
            拆分
          </Button>
        </Space>
      ),
    });
  }
  return (
    <Table<PlanItem>
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={items}
      rowSelection={
        canWrite
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getTitleCheckboxProps: () => ({ "aria-label": "选择全部任务" }),
              getCheckboxProps: (item) => ({ "aria-label": `选择任务 ${formatPath(item.path)}` }),
            }
          : undefined
      }
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 项任务`,
      }}
    />
  );
}
