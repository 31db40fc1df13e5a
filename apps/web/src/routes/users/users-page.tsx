import { DownloadOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { App, Button, Input, Popconfirm, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { roleSchema, type User } from "@luoshi/contract";
import { api, saveBlob } from "../../api/client.ts";
import { csvBlob, type CsvColumn } from "../../components/export-csv.ts";
import { formatDateTime, ROLE_LABELS } from "../../components/labels.ts";
import { StatusTag, type Tone } from "../../components/status-tag.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useUser } from "../../components/session.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useOrgNames } from "../../components/use-org.ts";
import { useRemote } from "../../components/use-remote.ts";
import { InitialPasswordModal } from "./initial-password-modal.tsx";
import { toCreateRequest, UserFormModal, type UserFormValues } from "./user-form-modal.tsx";

type Status = "active" | "disabled" | "locked" | "pending";
const STATUS: Record<Status, { label: string; tone: Tone }> = {
  active: { label: "正常", tone: "green" },
  pending: { label: "待修改初始密码", tone: "gold" },
  locked: { label: "已锁定", tone: "orange" },
  disabled: { label: "已停用", tone: "grey" },
};

function statusOf(user: User): Status {
  if (user.disabled) return "disabled";
  if (user.locked) return "locked";
  if (user.mustChangePassword) return "pending";
  return "active";
}

/** 用户管理: accounts, their roles and scope; create (shows the initial password once), disable, reset, unlock. */
export function UsersPage() {
  const users = useRemote(() => api.users.list(), "users", "加载用户失败");
  const org = useOrgNames();
  const showError = useApiError();
  const me = useUser();
  const { message } = App.useApp();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<{ user: User | undefined } | undefined>();
  const [initial, setInitial] = useState<{ username: string; password: string } | undefined>();

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = users.data?.items ?? [];
    return needle
      ? all.filter((u) => u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle))
      : all;
  }, [users.data, search]);

  const run = async (what: string, action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
      users.reload();
    } catch (error) {
      showError(error, what);
    }
  };

  const save = async (values: UserFormValues) => {
    const target = editing?.user;
    try {
      if (target) {
        await api.users.update(target.id, {
          version: target.version,
          displayName: values.displayName.trim(),
          roles: values.roles,
          jurisdictionId: values.jurisdictionId ?? null,
          unitId: values.unitId ?? null,
        });
        void message.success("用户信息已保存");
      } else {
        const created = await api.users.create(toCreateRequest(values));
        setInitial({ username: created.user.username, password: created.initialPassword });
      }
      setEditing(undefined);
      users.reload();
    } catch (error) {
      showError(error, target ? "保存失败" : "创建失败");
    }
  };

  const resetPassword = (user: User) =>
    run("重置密码失败", async () => {
      const { initialPassword } = await api.users.resetPassword(user.id);
      setInitial({ username: user.username, password: initialPassword });
    });

  const columns: TableColumnsType<User> = [
    {
      title: "用户名",
      dataIndex: "username",
      sorter: (a, b) => a.username.localeCompare(b.username),
    },
    {
      title: "姓名",
      dataIndex: "displayName",
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, "zh-CN"),
    },
    {
      title: "角色",
      dataIndex: "roles",
      filters: roleSchema.options.map((role) => ({ text: ROLE_LABELS[role], value: role })),
      onFilter: (value, user) => user.roles.includes(value as User["roles"][number]),
      render: (roles: User["roles"]) => roles.map((role) => <Tag key={role}>{ROLE_LABELS[role]}</Tag>),
    },
    {
      title: "所属单位",
      dataIndex: "unitId",
      render: (id: string | null) => org.unitName(id),
      sorter: (a, b) => org.unitName(a.unitId).localeCompare(org.unitName(b.unitId), "zh-CN"),
    },
    {
      title: "所属辖区",
      dataIndex: "jurisdictionId",
      render: (id: string | null) => org.jurisdictionName(id),
    },
    {
      title: "状态",
      key: "status",
      filters: Object.entries(STATUS).map(([value, s]) => ({ text: s.label, value })),
      onFilter: (value, user) => statusOf(user) === value,
      render: (_, user) => {
        const s = STATUS[statusOf(user)];
        return <StatusTag tone={s.tone}>{s.label}</StatusTag>;
      },
    },
    {
      title: "创建时间",
      dataIndex: "createdAt",
      render: formatDateTime,
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      defaultSortOrder: "descend",
    },
    {
      title: "操作",
      key: "actions",
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ user })}>
            编辑
          </Button>
          <Popconfirm
            title={`重置 ${user.username} 的密码？`}
            description="将生成新的初始密码，原密码立即失效。"
            okText="重置"
            cancelText="取消"
            onConfirm={() => resetPassword(user)}
          >
            <Button type="link" size="small">
              重置密码
            </Button>
          </Popconfirm>
          {user.locked ? (
            <Button
              type="link"
              size="small"
              onClick={() => void run("解锁失败", () => api.users.unlock(user.id), `已解锁 ${user.username}`)}
            >
              解锁
            </Button>
          ) : null}
          {/* Disabling one's own account would lock the administrator out mid-session. */}
          {user.id === me.id ? null : (
            <Popconfirm
              title={user.disabled ? `启用 ${user.username}？` : `停用 ${user.username}？`}
              description={user.disabled ? undefined : "停用后该用户无法登录，已登录的会话立即失效。"}
              okText={user.disabled ? "启用" : "停用"}
              okButtonProps={{ danger: !user.disabled }}
              cancelText="取消"
              onConfirm={() =>
                run(
                  user.disabled ? "启用失败" : "停用失败",
                  () => api.users.update(user.id, { version: user.version, disabled: !user.disabled }),
                  user.disabled ? "已启用" : "已停用",
                )
              }
            >
              <Button type="link" size="small" danger={!user.disabled}>
                {user.disabled ? "启用" : "停用"}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const exportCsv = () => {
    const csvColumns: CsvColumn<User>[] = [
      { title: "用户名", value: (u) => u.username },
      { title: "姓名", value: (u) => u.displayName },
      { title: "角色", value: (u) => u.roles.map((r) => ROLE_LABELS[r]).join("、") },
      { title: "所属单位", value: (u) => org.unitName(u.unitId) },
      { title: "所属辖区", value: (u) => org.jurisdictionName(u.jurisdictionId) },
      { title: "状态", value: (u) => STATUS[statusOf(u)].label },
      { title: "创建时间", value: (u) => formatDateTime(u.createdAt) },
    ];
    saveBlob(csvBlob(csvColumns, rows), "用户列表.csv");
  };

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
              导出
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: undefined })}>
              新建用户
            </Button>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="按用户名或姓名搜索"
          aria-label="按用户名或姓名搜索"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
      </Space>
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={users.loading}
        size="middle"
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个用户` }}
        locale={{ emptyText: users.error ? "用户列表加载失败" : undefined }}
      />
      <UserFormModal
        open={editing !== undefined}
        user={editing?.user}
        tree={org.tree}
        units={org.units}
        onSubmit={save}
        onCancel={() => setEditing(undefined)}
      />
      <InitialPasswordModal
        open={initial !== undefined}
        username={initial?.username ?? ""}
        password={initial?.password ?? ""}
        onClose={() => setInitial(undefined)}
      />
    </>
  );
}
