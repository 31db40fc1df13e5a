import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import type { ItemUnitInput, PlanItem, UnitRole } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { UNIT_ROLE_LABELS } from "../../components/labels.ts";
import { formatPath, ROLE_ORDER } from "../../components/plan-format.ts";
import { filterTarget, parseTarget, targetValue, type PlanRegistry } from "./use-plan-registry.ts";

type UnitRow = { rawName: string; role: UnitRole; target?: string; isGroup: boolean };
type Values = { text: string; criteria?: string; units: UnitRow[] };

const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: UNIT_ROLE_LABELS[role] }));

/**
 * 编辑任务: the text, the 评价标准 and the units with their roles. A unit row keeps the name as the document
 * prints it and, when chosen, the registry unit or group it means (left empty: the name is looked up again).
 */
export function ItemEditModal({
  planId,
  item,
  registry,
  onSaved,
  onCancel,
  onError,
}: {
  planId: string;
  item: PlanItem;
  registry: PlanRegistry;
  onSaved: () => void;
  onCancel: () => void;
  onError: (error: unknown, what: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const initial: Values = {
    text: item.text,
    criteria: item.criteria ?? "",
    units: item.units.map((u) => ({ rawName: u.rawName, role: u.role, target: targetValue(u), isGroup: u.isGroup })),
  };

  const submit = async () => {
    const values = await form.validateFields();
    const units: ItemUnitInput[] = (values.units ?? []).map((row) => {
      const target = parseTarget(row.target);
      return {
        rawName: row.rawName.trim(),
        role: row.role,
        isGroup: target.groupId ? true : target.unitId ? false : row.isGroup,
        ...(target.unitId ? { unitId: target.unitId } : {}),
        ...(target.groupId ? { groupId: target.groupId } : {}),
      };
    });
    setSaving(true);
    try {
      await api.plans.updateItem(planId, item.id, {
        version: item.version,
        text: values.text.trim(),
        criteria: values.criteria?.trim() ? values.criteria.trim() : null,
        units,
      });
      onSaved();
    } catch (error) {
      onError(error, "保存任务失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={`编辑任务 ${formatPath(item.path)}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {item.headings.length > 0 ? (
          <Typography.Paragraph type="secondary">{item.headings.join(" › ")}</Typography.Paragraph>
        ) : null}
        <Form.Item
          label="任务内容"
          name="text"
          rules={[{ required: true, whitespace: true, message: "请填写任务内容" }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
        </Form.Item>
        <Form.Item label="评价标准" name="criteria">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={10000} placeholder="（无）" />
        </Form.Item>
        <Typography.Text strong>责任单位</Typography.Text>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, "rawName"]}
                    rules={[{ required: true, whitespace: true, message: "请填写单位名称" }]}
                    style={{ width: 200, marginBottom: 8 }}
                  >
                    <Input aria-label={`第 ${index + 1} 个单位：原文名称`} placeholder="原文名称" maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, "target"]} style={{ width: 320, marginBottom: 8 }}>
                    <Select
                      aria-label={`第 ${index + 1} 个单位：对应单位`}
                      placeholder="对应单位（留空则自动识别）"
                      allowClear
                      showSearch={{ filterOption: filterTarget }}
                      options={registry.options()}
                      onChange={(value?: string) => {
                        const current = form.getFieldValue(["units", field.name, "rawName"]) as string | undefined;
                        if (value && !current?.trim()) {
                          form.setFieldValue(
                            ["units", field.name, "rawName"],
                            registry.printedName(parseTarget(value)),
                          );
                        }
                      }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "role"]} style={{ width: 110, marginBottom: 8 }}>
                    <Select aria-label={`第 ${index + 1} 个单位：角色`} options={ROLE_OPTIONS} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`删除第 ${index + 1} 个单位`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ rawName: "", role: "responsible", isGroup: false })}
              >
                添加责任单位
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
