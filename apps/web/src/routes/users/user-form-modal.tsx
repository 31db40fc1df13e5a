import { Checkbox, Form, Input, Modal, Select, TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { roleSchema, type CreateUserRequest, type Role, type Unit, type User } from "@luoshi/contract";
import { ROLE_LABELS } from "../../components/labels.ts";
import type { TreeNode } from "../../components/use-org.ts";

export type UserFormValues = {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionId: string | null;
  unitId: string | null;
};

/** Roles that act for one unit: the server refuses them without a unit. */
const UNIT_ROLES: readonly Role[] = ["liaison", "leader"];

const ROLE_OPTIONS = roleSchema.options.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** 新建用户 / 编辑用户: name, roles, and where the user works (jurisdiction and unit scope what they see). */
export function UserFormModal({
  open,
  user,
  tree,
  units,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  /** undefined: create a user. */
  user: User | undefined;
  tree: TreeNode[];
  units: readonly Unit[];
  onSubmit: (values: UserFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const jurisdictionId = Form.useWatch("jurisdictionId", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue(user);
  }, [open, user, form]);

  const unitOptions = units
    .filter((u) => !jurisdictionId || u.jurisdictionId === jurisdictionId)
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(values);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? `编辑用户：${user.username}` : "新建用户"}
      okText={user ? "保存" : "创建"}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
      width={560}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={{ roles: [], jurisdictionId: null, unitId: null }}
      >
        <Form.Item
          label="用户名"
          name="username"
          extra="3–32 位字母、数字、下划线、点或连字符，用于登录，创建后不能修改"
          rules={[
            { required: true, message: "请输入用户名" },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: "用户名为 3–32 位字母、数字、下划线、点或连字符" },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          rules={[{ required: true, type: "array", min: 1, message: "至少选择一个角色" }]}
        >
          <RoleCheckboxes />
        </Form.Item>
        <Form.Item label="所属辖区" name="jurisdictionId">
          <TreeSelect
            treeData={tree}
            allowClear
            showSearch={{ treeNodeFilterProp: "title" }}
            treeDefaultExpandAll
            placeholder="不限（全部辖区）"
            onChange={() => form.setFieldValue("unitId", null)}
          />
        </Form.Item>
        <Form.Item
          label="所属单位"
          name="unitId"
          extra="单位联络员、单位负责人须指定所属单位"
          dependencies={["roles"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, unitId: string | null | undefined) => {
                const roles = (getFieldValue("roles") ?? []) as Role[];
                return unitId || !roles.some((r) => UNIT_ROLES.includes(r))
                  ? Promise.resolve()
                  : Promise.reject(new Error("单位联络员和单位负责人须指定所属单位"));
              },
            }),
          ]}
        >
          <Select
            options={unitOptions}
            onChange={(unitId?: string) => {
              // Picking a unit first fills in its jurisdiction.
              const unit = units.find((u) => u.id === unitId);
              if (unit && !form.getFieldValue("jurisdictionId"))
                form.setFieldValue("jurisdictionId", unit.jurisdictionId);
            }}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="不属于具体单位"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Form.Item marks its control aria-required, which a checkbox group's <div> may not carry (axe: critical).
 * This wrapper takes the value and the change handler and exposes the group as a labelled role="group".
 */
function RoleCheckboxes({ id, value, onChange }: { id?: string; value?: Role[]; onChange?: (roles: Role[]) => void }) {
  return (
    <div id={id} role="group" aria-label="角色">
      <Checkbox.Group<Role>
        options={ROLE_OPTIONS}
        value={value}
        onChange={onChange}
        style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 4 }}
      />
    </div>
  );
}

export function toCreateRequest(values: UserFormValues): CreateUserRequest {
  return {
    username: values.username.trim(),
    displayName: values.displayName.trim(),
    roles: values.roles,
    jurisdictionId: values.jurisdictionId ?? null,
    unitId: values.unitId ?? null,
  };
}
