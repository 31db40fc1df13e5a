import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Descriptions, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { AuditEntry } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  formatDateTime,
} from "../../components/labels.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";

type Filter = { entity?: string; action?: string; range?: [Dayjs, Dayjs] };

function toQuery(filter: Filter) {
  return {
    entity: filter.entity,
    action: filter.action,
    // Whole days in Beijing time, both ends included: the server reads a bare date that way.
    from: filter.range?.[0].format("YYYY-MM-DD"),
    to: filter.range?.[1].format("YYYY-MM-DD"),
  };
}

/** What the row is about, in words: the name or user name in the recorded state, when there is one. */
function entityName(entry: AuditEntry): string {
  for (const state of [entry.after, entry.before]) {
    if (state && typeof state === "object") {
      const { name, displayName, username } = state as Record<string, unknown>;
      for (const value of [name, displayName, username]) if (typeof value === "string" && value) return value;
    }
  }
  return "";
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">无</Typography.Text>;
  return <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;
}

/** 审计日志: who changed what and when, filterable by object, action and date; exported as .xlsx by the server. */
export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const showError = useApiError();
  const query = toQuery(filter);
  const audit = useRemote(
    () => api.audit.page({ ...query, ...paging }),
    JSON.stringify({ query, paging }),
    "加载审计日志失败",
  );

  const update = (next: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.audit.exportXlsx(query);
    } catch (error) {
      showError(error, "导出失败");
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: "时间", dataIndex: "at", render: formatDateTime, width: 150 },
    {
      title: "操作人",
      dataIndex: "actorName",
      render: (name: string | null, entry) => name ?? (entry.actorId ? entry.actorId : "系统"),
      width: 140,
    },
    { title: "动作", dataIndex: "action", render: auditActionLabel, width: 140 },
    { title: "对象", dataIndex: "entity", render: (e: string) => AUDIT_ENTITY_LABELS[e] ?? e, width: 100 },
    { title: "名称", key: "name", render: (_, entry) => entityName(entry) },
    { title: "对象编号", dataIndex: "entityId", ellipsis: true, width: 200 },
  ];

  return (
    <>
      <PageHeader
        title="审计日志"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={audit.reload}>
              刷新
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting}>
              导出 Excel
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部对象"
          aria-label="对象类型"
          style={{ width: 160 }}
          value={filter.entity}
          onChange={(entity?: string) => update({ entity })}
          options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="全部动作"
          aria-label="动作"
          style={{ width: 220 }}
          value={filter.action}
          onChange={(action?: string) => update({ action })}
          options={[
            {
              label: "按类别",
              options: Object.entries(AUDIT_ACTION_GROUPS).map(([value, label]) => ({ value, label })),
            },
            {
              label: "按动作",
              options: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
            },
          ]}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={filter.range ?? null}
          onChange={(range) => update({ range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.loading}
        expandable={{
          expandedRowRender: (entry) => (
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="变更前">
                <Json value={entry.before} />
              </Descriptions.Item>
              <Descriptions.Item label="变更后">
                <Json value={entry.after} />
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}
