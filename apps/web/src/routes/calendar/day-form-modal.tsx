import { Alert, DatePicker, Form, Input, Modal, Radio } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { CalendarDayEntry, CalendarDayKind } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { useApiError } from "../../components/use-api-error.ts";
import { KIND_LABELS, sourceLabel } from "./calendar-format.ts";

type Values = { date: Dayjs; kind: CalendarDayKind; name: string; source?: string };

/**
 * 录入或修改一天 (mounted while open): a holiday or a make-up working day the notice did not cover, or a correction.
 * The office's entry takes precedence over the built-in one for that date.
 */
export function DayFormModal({
  date,
  existing,
  onSaved,
  onCancel,
}: {
  /** The date picked in the grid or the row being changed; undefined for a new entry. */
  date: string | undefined;
  existing: CalendarDayEntry | undefined;
  onSaved: (day: CalendarDayEntry) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const initialValues: Partial<Values> = {
    ...(date ? { date: dayjs(date) } : {}),
    kind: existing?.kind ?? "holiday",
    name: existing?.name ?? "",
  };

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const source = values.source?.trim();
      const day = await api.calendar.setDay({
        date: values.date.format("YYYY-MM-DD"),
        kind: values.kind,
        name: values.name.trim(),
        ...(source ? { source } : {}),
      });
      onSaved(day);
    } catch (error) {
      showError(error, "保存失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={existing ? "修改日期" : "录入日期"}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
    >
      {existing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`现为：${existing.name}（${KIND_LABELS[existing.kind]}），来源：${sourceLabel(existing)}`}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void save(v)}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: "holiday", label: "放假（含调休）" },
              { value: "workday", label: "调休上班（周末上班）" },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: "请填写名称（如“春节”）" },
            { max: 50, message: "名称不超过 50 字" },
          ]}
        >
          <Input placeholder="如：春节、国庆节" />
        </Form.Item>
        <Form.Item name="source" label="依据（可选）" extra="不填则记为“办公室录入”" rules={[{ max: 200 }]}>
          <Input placeholder="如：国务院办公厅关于2027年部分节假日安排的通知" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
