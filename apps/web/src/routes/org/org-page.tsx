import { Card, Col, Empty, Input, Row, Spin, Tabs, Tree } from "antd";
import { useMemo, useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { jurisdictionTree, rootJurisdictions, type TreeNode } from "../../components/use-org.ts";
import { useRemote } from "../../components/use-remote.ts";
import { api } from "../../api/client.ts";
import { GroupsTab } from "./groups-tab.tsx";
import { UnitsTab } from "./units-tab.tsx";

function filterTree(nodes: TreeNode[], needle: string): TreeNode[] {
  if (!needle) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, needle);
    return node.title.includes(needle) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

/** 组织机构: the jurisdiction tree on the left; the selected jurisdiction's units and unit groups on the right. */
export function OrgPage() {
  const jurisdictions = useRemote(() => api.org.jurisdictions(), "jurisdictions", "加载行政区划失败");
  const [picked, setPicked] = useState<string>();
  const [search, setSearch] = useState("");
  const list = useMemo(() => jurisdictions.data?.items ?? [], [jurisdictions.data]);
  const tree = useMemo(() => jurisdictionTree(list), [list]);
  const selectedId = picked ?? rootJurisdictions(list)[0]?.id;
  const selected = list.find((j) => j.id === selectedId);

  return (
    <>
      <PageHeader title="组织机构" />
      <Row gutter={16} wrap={false}>
        <Col flex="280px">
          <Card title="行政区划" size="small" styles={{ body: { padding: 12 } }}>
            <Input.Search
              allowClear
              placeholder="搜索区划"
              aria-label="搜索区划"
              onChange={(e) => setSearch(e.target.value.trim())}
              style={{ marginBottom: 8 }}
            />
            {jurisdictions.loading && !jurisdictions.data ? (
              <Spin />
            ) : tree.length === 0 ? (
              <Empty description="暂无行政区划" />
            ) : (
              <Tree
                treeData={filterTree(tree, search)}
                selectedKeys={selectedId ? [selectedId] : []}
                defaultExpandAll
                onSelect={(keys) => {
                  const key = keys[0];
                  if (typeof key === "string") setPicked(key);
                }}
                style={{ maxHeight: "calc(100vh - 260px)", overflow: "auto" }}
              />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card size="small" title={selected ? `${selected.name}（${selected.code}）` : "请选择行政区划"}>
            {selected ? (
              <Tabs
                items={[
                  {
                    key: "units",
                    label: "单位",
                    children: <UnitsTab jurisdiction={selected} tree={tree} />,
                  },
                  {
                    key: "groups",
                    label: "单位分组",
                    children: <GroupsTab jurisdiction={selected} />,
                  },
                ]}
              />
            ) : (
              <Empty description="在左侧选择一个行政区划" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
