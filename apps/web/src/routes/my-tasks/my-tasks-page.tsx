import {
  DownloadOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  ReloadOutlined,
  SearchOutlined,
} from "@ant-design/icons";
import { Badge, Button, Dropdown, Empty, Input, Select, Space, Table, Tabs, Typography } from "antd";
import type { MenuProps, TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import type { Assignment, UnitRole } from "@luoshi/contract";
import { api, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { UNIT_ROLE_LABELS } from "../../components/labels.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { earliestDate, formatPath, resolvedDeadlineText, ROLE_ORDER } from "../../components/plan-format.ts";
import { RoleTag } from "../../components/plan-tags.tsx";
import { useUser } from "../../components/session.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import { NoticesPanel } from "./notices-panel.tsx";
import { UnitPicker } from "./unit-picker.tsx";

type Filter = { text: string; planId?: string; role?: UnitRole };

const planLabel = (a: Pick<Assignment, "planTitle" | "versionNumber">) =>
  `${a.planTitle ?? "（无标题方案）"}（第 ${a.versionNumber} 版）`;

function matches(a: Assignment, filter: Filter): boolean {
  if (filter.planId && a.planId !== filter.planId) return false;
  if (filter.role && a.role !== filter.role) return false;
  const needle = filter.text.trim();
  if (!needle) return true;
  return [a.text, a.criteria ?? "", formatPath(a.path), ...a.headings, ...a.otherUnits.map((u) => u.name)].some((s) =>
    s.includes(needle),
  );
}

const CSV_COLUMNS: CsvColumn<Assignment>[] = [
  { title: "方案", value: (a) => a.planTitle },
  { title: "版本", value: (a) => `第${a.versionNumber}版` },
  { title: "序号", value: (a) => formatPath(a.path) },
  { title: "所属", value: (a) => a.headings.join(" › ") },
  { title: "任务", value: (a) => a.text },
  { title: "评价标准", value: (a) => a.criteria },
  { title: "本单位角色", value: (a) => UNIT_ROLE_LABELS[a.role] + (a.viaGroup ? `（经由${a.viaGroup}）` : "") },
  { title: "完成时限", value: (a) => a.deadlines.map(resolvedDeadlineText).join("；") },
  { title: "其他单位", value: (a) => a.otherUnits.map((u) => `${u.name}（${UNIT_ROLE_LABELS[u.role]}）`).join("、") },
];

/**
 * 本单位任务: what the published plans ask of the user's unit — role, deadlines, the other units on each item —
 * the change notices that came with each version, and the unit's task list as Word or Excel. The office can look
 * at any unit's list by picking it.
 */
export function MyTasksPage() {
  const user = useUser();
  const showError = useApiError();
  const [pickedUnit, setPickedUnit] = useState<string>();
  const unitId = user.unitId ?? pickedUnit;
  const [filter, setFilter] = useState<Filter>({ text: "" });
  const [tab, setTab] = useState("tasks");
  const [downloading, setDownloading] = useState(false);

  const unit = useRemote(
    () => (unitId ? api.org.unit(unitId) : Promise.resolve(undefined)),
    `unit:${unitId ?? ""}`,
    "加载单位失败",
  );
  const assignments = useRemote(
    () => (unitId ? api.assignments.list(user.unitId ? {} : { unitId }) : Promise.resolve({ items: [] })),
    `assignments:${unitId ?? ""}`,
    "加载本单位任务失败",
  );
  const notices = useRemote(
    () => (unitId ? api.notices.list(user.unitId ? {} : { unitId }) : Promise.resolve({ items: [] })),
    `notices:${unitId ?? ""}`,
    "加载变更通知失败",
  );

  const all = useMemo(() => assignments.data?.items ?? [], [assignments.data]);
  const rows = useMemo(() => all.filter((a) => matches(a, filter)), [all, filter]);
  const plans = useMemo(() => {
    const byId = new Map<string, Assignment>();
    for (const a of all) if (!byId.has(a.planId)) byId.set(a.planId, a);
    return [...byId.values()];
  }, [all]);
  const unread = (notices.data?.items ?? []).filter((n) => !n.readAt).length;
  const unitName = unit.data?.name ?? all[0]?.unitName ?? "本单位";

  const downloadList = async (planId: string, format: "docx" | "xlsx") => {
    const plan = plans.find((p) => p.planId === planId);
    setDownloading(true);
    try {
      await api.plans.exportFile(
        planId,
        { format, ...(unitId ? { unitId } : {}) },
        `${unitName}任务清单（${plan?.planTitle ?? "方案"}）.${format}`,
      );
    } catch (error) {
      showError(error, "下载任务清单失败");
    } finally {
      setDownloading(false);
    }
  };

  const listMenu: MenuProps = {
    items: plans.flatMap((p) => [
      { key: `${p.planId}:docx`, icon: <FileWordOutlined />, label: `${planLabel(p)} — Word` },
      { key: `${p.planId}:xlsx`, icon: <FileExcelOutlined />, label: `${planLabel(p)} — Excel` },
    ]),
    onClick: ({ key }) => {
      const [planId = "", format] = key.split(":");
      void downloadList(planId, format === "xlsx" ? "xlsx" : "docx");
    },
  };

  const due = (a: Assignment) => earliestDate(a.deadlines.map((d) => d.resolvedDate)) ?? "9999";
  const columns: TableColumnsType<Assignment> = [
    ...(plans.length > 1
      ? [{ title: "方案", key: "plan", width: 200, render: (_: unknown, a: Assignment) => planLabel(a) }]
      : []),
    { title: "序号", key: "path", width: 90, className: "cell-path", render: (_, a) => formatPath(a.path) },
    {
      title: "任务",
      key: "text",
      render: (_, a) => (
        <>
          {a.headings.length > 0 ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {a.headings.join(" › ")}
            </Typography.Text>
          ) : null}
          <span style={{ whiteSpace: "pre-wrap" }}>{a.text}</span>
        </>
      ),
    },
    {
      title: "本单位角色",
      key: "role",
      width: 130,
      className: "cell-role",
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <RoleTag role={a.role} />
          {a.viaGroup ? <Typography.Text style={{ fontSize: 12 }}>经由“{a.viaGroup}”</Typography.Text> : null}
        </Space>
      ),
      sorter: (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
    },
    {
      title: "完成时限",
      key: "deadlines",
      width: 180,
      render: (_, a) =>
        a.deadlines.length === 0 ? (
          "—"
        ) : (
          <Space orientation="vertical" size={0}>
            {a.deadlines.map((d, i) => (
              <span key={i}>{resolvedDeadlineText(d)}</span>
            ))}
          </Space>
        ),
      sorter: (a, b) => due(a).localeCompare(due(b)),
    },
    {
      title: "其他单位",
      key: "others",
      width: 260,
      render: (_, a) =>
        a.otherUnits.length === 0
          ? "—"
          : a.otherUnits.map((u) => `${u.name}（${UNIT_ROLE_LABELS[u.role]}）`).join("、"),
    },
  ];

  const needsPick = !user.unitId;
  return (
    <>
      <PageHeader
        title={needsPick ? "单位任务" : "本单位任务"}
        extra={
          <Space wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                assignments.reload();
                notices.reload();
              }}
            >
              刷新
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={rows.length === 0}
              onClick={() => saveBlob(csvBlob(CSV_COLUMNS, rows), `${unitName}任务.csv`)}
            >
              导出 CSV
            </Button>
            <Dropdown menu={listMenu} disabled={plans.length === 0}>
              <Button type="primary" icon={<FileWordOutlined />} loading={downloading}>
                下载本单位任务清单
              </Button>
            </Dropdown>
          </Space>
        }
      />
      {needsPick ? (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>查看单位：</Typography.Text>
          <UnitPicker value={pickedUnit} onChange={setPickedUnit} />
        </Space>
      ) : null}
      {!unitId ? (
        <Empty description="请选择一个单位查看其任务" />
      ) : (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{unitName}</Typography.Text>：已发布方案中共 {all.length} 项任务
            {(["lead", "assist", "responsible", "supervise"] as const)
              .map((role) => [role, all.filter((a) => a.role === role).length] as const)
              .filter(([, n]) => n > 0)
              .map(([role, n]) => `，${UNIT_ROLE_LABELS[role]} ${n} 项`)
              .join("")}
            。
          </Typography.Paragraph>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "tasks",
                label: `任务清单（${all.length}）`,
                children: (
                  <>
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
                      {plans.length > 1 ? (
                        <Select
                          allowClear
                          placeholder="全部方案"
                          aria-label="按方案筛选"
                          style={{ width: 300 }}
                          value={filter.planId}
                          onChange={(planId?: string) => setFilter((f) => ({ ...f, planId }))}
                          options={plans.map((p) => ({ value: p.planId, label: planLabel(p) }))}
                        />
                      ) : null}
                      <Select
                        allowClear
                        placeholder="全部角色"
                        aria-label="按本单位角色筛选"
                        style={{ width: 140 }}
                        value={filter.role}
                        onChange={(role?: UnitRole) => setFilter((f) => ({ ...f, role }))}
                        options={ROLE_ORDER.map((role) => ({ value: role, label: UNIT_ROLE_LABELS[role] }))}
                      />
                    </Space>
                    <Table<Assignment>
                      rowKey="id"
                      size="small"
                      bordered
                      columns={columns}
                      dataSource={rows}
                      loading={assignments.loading}
                      locale={{ emptyText: "暂无已发布给本单位的任务" }}
                      expandable={
                        all.some((a) => a.criteria)
                          ? {
                              rowExpandable: (a) => Boolean(a.criteria),
                              expandedRowRender: (a) => (
                                <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                                  <Typography.Text strong>评价标准：</Typography.Text>
                                  {a.criteria}
                                </Typography.Paragraph>
                              ),
                            }
                          : undefined
                      }
                      pagination={{
                        defaultPageSize: 100,
                        showSizeChanger: true,
                        pageSizeOptions: [20, 50, 100, 200],
                        showTotal: (total) => `共 ${total} 项`,
                      }}
                    />
                  </>
                ),
              },
              {
                key: "notices",
                label: (
                  <Space size={4}>
                    变更通知
                    {unread > 0 ? <Badge count={unread} color="#b71c1c" /> : null}
                  </Space>
                ),
                children: (
                  <NoticesPanel
                    notices={notices.data?.items ?? []}
                    loading={notices.loading}
                    canMarkRead={Boolean(user.unitId)}
                    onChanged={notices.reload}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
