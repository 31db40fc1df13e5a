import { DownloadOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, Input, Space, Table, Tooltip } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { unitKindSchema, type Jurisdiction, type Unit } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { UNIT_KIND_LABELS } from "../../components/labels.ts";
import { ORG_WRITERS } from "../../components/nav.tsx";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import type { TreeNode } from "../../components/use-org.ts";
import { useRemote } from "../../components/use-remote.ts";
import { UnitFormModal } from "./unit-form-modal.tsx";

function isCurrent(unit: Unit, today: string): boolean {
  return !unit.validTo || unit.validTo >= today;
}

/** The units of one jurisdiction: search over every name, filter by kind and status, export, create and edit. */
export function UnitsTab({ jurisdiction, tree }: { jurisdiction: Jurisdiction; tree: TreeNode[] }) {
  const [includeBelow, setIncludeBelow] = useState(false);
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<{ unit: Unit | undefined } | undefined>();
  const [exporting, setExporting] = useState(false);
  const showError = useApiError();
  const canWrite = hasAnyRole(useUser(), ORG_WRITERS);
  const { message } = App.useApp();
  const units = useRemote(
    () => api.org.units({ jurisdictionId: jurisdiction.id, includeBelow }),
    `${jurisdiction.id}:${includeBelow}`,
    "加载单位失败",
  );
  const today = new Date().toISOString().slice(0, 10);

  const rows = useMemo(() => {
    const needle = search.trim();
    const all = units.data?.items ?? [];
    return needle ? all.filter((u) => u.names.some((n) => n.name.includes(needle)) || u.name.includes(needle)) : all;
  }, [units.data, search]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.org.exportXlsx(jurisdiction.id);
    } catch (error) {
      showError(error, "导出失败");
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Unit> = [
    {
      title: "单位全称",
      dataIndex: "name",
      sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
    },
    {
      title: "简称",
      dataIndex: "shortName",
      sorter: (a, b) => (a.shortName ?? "").localeCompare(b.shortName ?? "", "zh-CN"),
    },
    {
      title: "类型",
      dataIndex: "kind",
      filters: unitKindSchema.options.map((kind) => ({ text: UNIT_KIND_LABELS[kind], value: kind })),
      onFilter: (value, unit) => unit.kind === value,
      render: (kind: Unit["kind"]) => UNIT_KIND_LABELS[kind],
    },
    {
      title: "别名及曾用名",
      key: "names",
      render: (_, unit) =>
        unit.names
          .filter((n) => n.name !== unit.name && n.name !== unit.shortName)
          .map((n) => (
            <Tooltip
              key={`${n.kind}:${n.name}`}
              title={n.validTo ? `曾用名，使用至 ${n.validTo}` : n.kind === "alias" ? "别名" : "简称"}
            >
              <StatusTag tone={n.validTo ? "grey" : "blue"}>{n.name}</StatusTag>
            </Tooltip>
          )),
    },
    ...(includeBelow
      ? [
          {
            title: "所属区划",
            dataIndex: "jurisdictionId",
            render: (id: string) => findTitle(tree, id) ?? id,
          },
        ]
      : []),
    {
      title: "状态",
      key: "status",
      filters: [
        { text: "现行", value: "current" },
        { text: "已撤销", value: "ended" },
      ],
      defaultFilteredValue: ["current"],
      onFilter: (value, unit) => (value === "current") === isCurrent(unit, today),
      render: (_, unit) =>
        isCurrent(unit, today) ? (
          <StatusTag tone="green">现行</StatusTag>
        ) : (
          <StatusTag tone="grey">已撤销（{unit.validTo}）</StatusTag>
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: "操作",
      key: "actions",
      render: (_, unit) => (
        <Button type="link" size="small" onClick={() => setEditing({ unit })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="搜索单位名称、简称或别名"
            aria-label="搜索单位名称、简称或别名"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
          />
          <Checkbox checked={includeBelow} onChange={(e) => setIncludeBelow(e.target.checked)}>
            含下级区划
          </Checkbox>
        </Space>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting}>
            导出 Excel
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: undefined })}>
              新建单位
            </Button>
          ) : null}
        </Space>
      </Space>
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={units.loading}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个单位` }}
      />
      {editing ? (
        <UnitFormModal
          key={editing.unit?.id ?? "new"}
          unit={editing.unit}
          jurisdictionId={jurisdiction.id}
          tree={tree}
          onSaved={(saved, created) => {
            void message.success(created ? `已新建单位：${saved.name}` : `已保存：${saved.name}`);
            setEditing(undefined);
            units.reload();
          }}
          onChanged={units.reload}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
}

function findTitle(nodes: TreeNode[], id: string): string | undefined {
  for (const node of nodes) {
    if (node.value === id) return node.title;
    const below = findTitle(node.children, id);
    if (below) return below;
  }
  return undefined;
}
