import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, Col, Empty, Form, Input, Modal, Row, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import type { Jurisdiction, UnitGroup } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { ORG_WRITERS } from "../../components/nav.tsx";
import { hasAnyRole, useUser } from "../../components/session.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import { MemberPicker } from "./member-picker.tsx";

/**
 * Unit groups (如“各县（市、区）人民政府”“市有关单位”): named sets of units a plan item can assign at once.
 * A per-item group (市有关单位) has no fixed members; the office names them per item.
 */
export function GroupsTab({ jurisdiction }: { jurisdiction: Jurisdiction }) {
  const groups = useRemote(
    () => api.org.groups({ jurisdictionId: jurisdiction.id }),
    `groups:${jurisdiction.id}`,
    "加载单位分组失败",
  );
  const units = useRemote(
    () => api.org.units({ jurisdictionId: jurisdiction.id, includeBelow: true }),
    `units-below:${jurisdiction.id}`,
    "加载单位失败",
  );
  const [selectedId, setSelectedId] = useState<string>();
  const [draft, setDraft] = useState<string[] | undefined>();
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const showError = useApiError();
  const canWrite = hasAnyRole(useUser(), ORG_WRITERS);
  const { message } = App.useApp();

  const list = useMemo(() => groups.data?.items ?? [], [groups.data]);
  const selected = list.find((g) => g.id === selectedId);
  const members = draft ?? selected?.memberIds ?? [];
  const options = useMemo(() => (units.data?.items ?? []).map((u) => ({ id: u.id, name: u.name })), [units.data]);

  const select = (group: UnitGroup) => {
    setSelectedId(group.id);
    setDraft(undefined);
  };

  const saveMembers = async () => {
    if (!selected || !draft) return;
    setSaving(true);
    try {
      await api.org.setGroupMembers(selected.id, { version: selected.version, memberIds: draft });
      void message.success(`已保存“${selected.name}”的成员`);
      setDraft(undefined);
      groups.reload();
    } catch (error) {
      showError(error, "保存成员失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={9}>
        {canWrite ? (
          <Space style={{ marginBottom: 12 }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建分组
            </Button>
          </Space>
        ) : null}
        <Table<UnitGroup>
          rowKey="id"
          size="small"
          loading={groups.loading}
          dataSource={list}
          pagination={false}
          rowSelection={{
            type: "radio",
            selectedRowKeys: selectedId ? [selectedId] : [],
            onChange: (_, rows) => rows[0] && select(rows[0]),
            getTitleCheckboxProps: () => ({ "aria-label": "选择分组" }),
            getCheckboxProps: (group) => ({ "aria-label": `选择分组 ${group.name}` }),
          }}
          onRow={(group) => ({ onClick: () => select(group), style: { cursor: "pointer" } })}
          columns={[
            { title: "分组名称", dataIndex: "name", sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN") },
            {
              title: "成员",
              key: "members",
              render: (_, g) =>
                g.perItem ? <StatusTag tone="purple">按事项指定</StatusTag> : `${g.memberIds.length} 个单位`,
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={15}>
        {selected ? (
          selected.perItem ? (
            <Empty description={`“${selected.name}”按事项指定成员，无需维护固定成员。`} />
          ) : (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
                {selected.name}：成员单位
              </Typography.Title>
              <MemberPicker options={options} value={members} onChange={setDraft} disabled={!canWrite} />
              <Space style={{ marginTop: 12 }} hidden={!canWrite}>
                <Button type="primary" onClick={() => void saveMembers()} disabled={!draft} loading={saving}>
                  保存成员
                </Button>
                <Button onClick={() => setDraft(undefined)} disabled={!draft}>
                  撤销修改
                </Button>
              </Space>
            </>
          )
        ) : (
          <Empty description="在左侧选择一个分组以查看和设置成员" />
        )}
      </Col>
      <CreateGroupModal
        open={creating}
        jurisdictionId={jurisdiction.id}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            groups.reload();
            select(created);
          }
        }}
      />
    </Row>
  );
}

function CreateGroupModal({
  open,
  jurisdictionId,
  onClose,
}: {
  open: boolean;
  jurisdictionId: string;
  onClose: (created?: UnitGroup) => void;
}) {
  const [form] = Form.useForm<{ name: string; perItem: boolean }>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.org.createGroup({ jurisdictionId, name: values.name.trim(), perItem: values.perItem });
      form.resetFields();
      onClose(created);
    } catch (error) {
      showError(error, "新建分组失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建单位分组"
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ perItem: false }}>
        <Form.Item
          label="分组名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入分组名称" },
            { min: 2, message: "组名至少 2 个字" },
          ]}
        >
          <Input placeholder="如：各县（市、区）人民政府" maxLength={100} />
        </Form.Item>
        <Form.Item name="perItem" valuePropName="checked" extra="如“市有关单位”：每个事项分别指定成员">
          <Checkbox>按事项指定成员</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
