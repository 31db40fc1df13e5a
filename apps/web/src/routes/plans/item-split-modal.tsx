import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import type { PlanItem } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { formatPath } from "../../components/plan-format.ts";

/** A first guess at the parts: one per sentence (。；), the office corrects it line by line. */
export function guessParts(text: string): string {
  const parts = text
    .split(/(?<=[。；;])/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.join("\n");
}

/**
 * 拆分任务: one line per part. The item keeps the first part; each further part becomes a new item right after
 * it with the same units and deadlines.
 */
export function ItemSplitModal({
  planId,
  item,
  onSaved,
  onCancel,
  onError,
}: {
  planId: string;
  item: PlanItem;
  onSaved: (parts: number) => void;
  onCancel: () => void;
  onError: (error: unknown, what: string) => void;
}) {
  const [form] = Form.useForm<{ parts: string }>();
  const [saving, setSaving] = useState(false);
  const lines = (Form.useWatch("parts", form) ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

  const submit = async () => {
    await form.validateFields();
    setSaving(true);
    try {
      await api.plans.splitItem(planId, item.id, { version: item.version, parts: lines });
      onSaved(lines.length);
    } catch (error) {
      onError(error, "拆分任务失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={`拆分任务 ${formatPath(item.path)}`}
      okText={`拆分为 ${lines.length} 项`}
      okButtonProps={{ disabled: lines.length < 2 }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="每行为拆分后的一项任务。第一行保留在原任务中，其余各行依次成为紧随其后的新任务，沿用原任务的责任单位和时限。"
      />
      <Form form={form} layout="vertical" initialValues={{ parts: guessParts(item.text) }}>
        <Form.Item
          label="拆分后的任务（每行一项）"
          name="parts"
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const n = (value ?? "").split("\n").filter((s) => s.trim()).length;
                if (n < 2) throw new Error("至少需要两行才能拆分");
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">当前共 {lines.length} 行。</Typography.Text>
    </Modal>
  );
}
