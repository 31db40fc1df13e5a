import { SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Tooltip, Typography } from "antd";
import { useState } from "react";
import type { PlanDetail, PublishResult } from "@luoshi/contract";
import { api } from "../../api/client.ts";

/** Why publishing is not possible now, or undefined. */
export function publishBlocker(plan: PlanDetail): string | undefined {
  if (plan.unresolvedCount > 0) {
    return `还有 ${plan.unresolvedCount} 处单位名称未识别，请先在“未识别单位”中映射后再发布`;
  }
  if (plan.items.length === 0) return "方案中没有任务，无法发布";
  return undefined;
}

/**
 * 发布 / 发布新版本: asks for a 版本说明, publishes, and says whom it told. Disabled (with the reason) while
 * names are unresolved — those units would get nothing.
 */
export function PublishButton({
  plan,
  onPublished,
  onError,
}: {
  plan: PlanDetail;
  onPublished: (result: PublishResult) => void;
  onError: (error: unknown, what: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const { modal } = App.useApp();
  const blocker = publishBlocker(plan);
  const next = (plan.publishedVersion ?? 0) + 1;
  const label = plan.publishedVersion === null ? "发布方案" : `发布新版本（第 ${next} 版）`;

  const submit = async () => {
    const { note } = await form.validateFields();
    setSaving(true);
    try {
      const result = await api.plans.publish(plan.id, {
        version: plan.version,
        ...(note?.trim() ? { note: note.trim() } : {}),
      });
      setOpen(false);
      form.resetFields();
      onPublished(result);
      modal.success({
        title: `已发布第 ${result.version.number} 版`,
        content: (
          <>
            <Typography.Paragraph>
              共 {result.version.itemCount} 项任务，分派 {result.version.assignmentCount} 条，涉及{" "}
              {result.version.unitCount} 个单位；已通知 {result.notifiedUnitIds.length} 个单位。
            </Typography.Paragraph>
            {result.version.unassigned.length > 0 ? (
              <Typography.Paragraph>
                以下分组没有分派到具体单位（按事项指定或分组无成员），可在任务中写明单位或补充分组成员后再次发布：
                {result.version.unassigned.map((u) => `${u.rawName}（${u.itemIds.length} 项）`).join("、")}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      });
    } catch (error) {
      onError(error, "发布失败");
    } finally {
      setSaving(false);
    }
  };

  const button = (
    <Button type="primary" icon={<SendOutlined />} disabled={Boolean(blocker)} onClick={() => setOpen(true)}>
      {label}
    </Button>
  );
  return (
    <>
      {blocker ? (
        <Tooltip title={blocker}>
          <span tabIndex={0} aria-label={`${label}（不可用：${blocker}）`}>
            {button}
          </span>
        </Tooltip>
      ) : (
        button
      )}
      <Modal
        open={open}
        title={plan.publishedVersion === null ? "发布方案" : `发布第 ${next} 版`}
        okText="确认发布"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            plan.publishedVersion === null
              ? `发布后，${plan.itemCount} 项任务将分派到各责任单位，联络员登录即可看到本单位任务。`
              : `发布后，受修改影响的单位会收到变更通知（含变更清单）。`
          }
        />
        <Form form={form} layout="vertical">
          <Form.Item label="版本说明" name="note" extra="将随变更通知发给各单位，如“根据市委宣传部意见调整第5项”。">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
