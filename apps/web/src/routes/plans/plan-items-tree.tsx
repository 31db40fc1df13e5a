import { Button, Card, Col, Descriptions, Empty, Row, Tree, Typography } from "antd";
import type { TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import type { PlanItem } from "@luoshi/contract";
import { formatPath, headingTree, type DeadlineResolution, type HeadingNode } from "../../components/plan-format.ts";
import { ItemDeadlines, ItemUnits } from "./plan-items-table.tsx";
import type { PlanRegistry } from "./use-plan-registry.ts";

function toTreeData(nodes: HeadingNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: node.item ? (
      <span>
        <Typography.Text strong>{formatPath(node.item.path)}</Typography.Text> {node.item.text.slice(0, 60)}
        {node.item.text.length > 60 ? "…" : ""}
      </span>
    ) : (
      <Typography.Text strong>{node.title}</Typography.Text>
    ),
    isLeaf: Boolean(node.item),
    children: toTreeData(node.children),
  }));
}

/** The items under their headings, as the printed plan's outline; the picked item's details on the right. */
export function PlanItemsTree({
  items,
  registry,
  resolutions,
  canWrite,
  onEdit,
}: {
  items: PlanItem[];
  registry: PlanRegistry;
  resolutions: ReadonlyMap<string, DeadlineResolution>;
  canWrite: boolean;
  onEdit: (item: PlanItem) => void;
}) {
  const tree = useMemo(() => headingTree(items), [items]);
  const data = useMemo(() => toTreeData(tree), [tree]);
  const [selectedId, setSelectedId] = useState<string>();
  const selected = items.find((i) => i.id === selectedId);

  if (items.length === 0) return <Empty description="没有符合条件的任务" />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <Tree
          treeData={data}
          defaultExpandAll
          blockNode
          selectedKeys={selectedId ? [`i/${selectedId}`] : []}
          onSelect={(keys) => {
            const key = String(keys[0] ?? "");
            if (key.startsWith("i/")) setSelectedId(key.slice(2));
          }}
          style={{ maxHeight: "calc(100vh - 320px)", overflow: "auto" }}
        />
      </Col>
      <Col xs={24} xl={11}>
        {selected ? (
          <Card
            size="small"
            title={`任务 ${formatPath(selected.path)}`}
            extra={
              canWrite ? (
                <Button size="small" onClick={() => onEdit(selected)}>
                  编辑
                </Button>
              ) : null
            }
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: "headings", label: "所属", children: selected.headings.join(" › ") || "—" },
                {
                  key: "text",
                  label: "任务",
                  children: <span style={{ whiteSpace: "pre-wrap" }}>{selected.text}</span>,
                },
                ...(selected.criteria ? [{ key: "criteria", label: "评价标准", children: selected.criteria }] : []),
                { key: "units", label: "责任单位", children: <ItemUnits item={selected} registry={registry} /> },
                {
                  key: "deadlines",
                  label: "完成时限",
                  children: <ItemDeadlines item={selected} resolutions={resolutions} />,
                },
              ]}
            />
          </Card>
        ) : (
          <Empty description="在左侧选择一项任务查看详情" />
        )}
      </Col>
    </Row>
  );
}
