import { Alert, Button, DatePicker, Divider, Form, Input, Modal, Radio, Select, Space, Table, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { unitKindSchema, type Unit, type UnitKind, type UnitName } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { UNIT_KIND_LABELS, UNIT_NAME_KIND_LABELS } from "../../components/labels.ts";
import { StatusTag } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import type { TreeNode } from "../../components/use-org.ts";

type Values = {
  jurisdictionId: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  aliases?: string[];
  /** Editing only: is a new name a rename (the old one stays valid until the day before) or a correction? */
  nameChange?: "rename" | "correct";
  renamedOn?: Dayjs | null;
};

const KIND_OPTIONS = unitKindSchema.options.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }));
const day = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/**
 * 新建单位 / 编辑单位 (mounted while open, so each opening starts from the unit as listed). A unit keeps every name it has had: renaming with a date keeps the old name for documents
 * of earlier years; aliases are other names documents use for it (简称、俗称).
 */
export function UnitFormModal({
  unit,
  jurisdictionId,
  tree,
  onSaved,
  onChanged,
  onCancel,
}: {
  unit: Unit | undefined;
  jurisdictionId: string;
  tree: TreeNode[];
  onSaved: (unit: Unit, created: boolean) => void;
  /** Called when an alias was added (saved at once, the dialog stays open). */
  onChanged: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const initialValues: Partial<Values> = unit
    ? {
        jurisdictionId: unit.jurisdictionId,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        validFrom: unit.validFrom ? dayjs(unit.validFrom) : null,
        validTo: unit.validTo ? dayjs(unit.validTo) : null,
        nameChange: "rename",
      }
    : { jurisdictionId, kind: "department", aliases: [] };
  const [saving, setSaving] = useState(false);
  // Adding an alias saves at once and bumps the version; later saves must use the fresh copy.
  const [current, setCurrent] = useState<Unit | undefined>(unit);
  const [alias, setAlias] = useState("");
  const showError = useApiError();
  const name = Form.useWatch("name", form);
  const nameChange = Form.useWatch("nameChange", form);
  const renaming = Boolean(current && name && name.trim() !== current.name);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (current) {
        const saved = await api.org.updateUnit(current.id, {
          version: current.version,
          name: values.name.trim(),
          renamedOn: renaming && values.nameChange === "rename" ? (day(values.renamedOn) ?? undefined) : undefined,
          shortName: values.shortName?.trim() || null,
          kind: values.kind,
          validTo: day(values.validTo),
        });
        onSaved(saved, false);
      } else {
        const saved = await api.org.createUnit({
          jurisdictionId: values.jurisdictionId,
          name: values.name.trim(),
          shortName: values.shortName?.trim() || null,
          kind: values.kind,
          validFrom: day(values.validFrom),
          aliases: (values.aliases ?? []).map((a) => a.trim()).filter(Boolean),
        });
        onSaved(saved, true);
      }
    } catch (error) {
      showError(error, "保存失败");
    } finally {
      setSaving(false);
    }
  };

  const addAlias = async () => {
    if (!current || !alias.trim()) return;
    try {
      setCurrent(await api.org.addAlias(current.id, alias.trim()));
      setAlias("");
      onChanged();
    } catch (error) {
      showError(error, "添加别名失败");
    }
  };

  return (
    <Modal
      open
      title={current ? `编辑单位：${current.name}` : "新建单位"}
      okText={current ? "保存" : "创建"}
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item label="所属行政区划" name="jurisdictionId" rules={[{ required: true, message: "请选择行政区划" }]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll disabled={Boolean(current)} />
        </Form.Item>
        <Form.Item
          label="单位全称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入单位全称" },
            { min: 2, message: "单位全称至少 2 个字" },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {renaming ? (
          <Space orientation="vertical" style={{ width: "100%", marginBottom: 16 }}>
            <Form.Item name="nameChange" noStyle>
              <Radio.Group
                options={[
                  { value: "rename", label: "单位更名（原名称作为曾用名保留）" },
                  { value: "correct", label: "更正错别字（直接替换原名称）" },
                ]}
              />
            </Form.Item>
            {nameChange === "rename" ? (
              <Form.Item
                label="更名日期"
                name="renamedOn"
                extra="原名称有效至更名日期前一天，此前的文件仍能识别原名称"
                rules={[{ required: true, message: "请选择更名日期" }]}
              >
                <DatePicker style={{ width: 200 }} />
              </Form.Item>
            ) : null}
          </Space>
        ) : null}
        <Space size={16} style={{ display: "flex" }} align="start">
          <Form.Item label="简称" name="shortName" style={{ width: 200 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            label="单位类型"
            name="kind"
            rules={[{ required: true, message: "请选择单位类型" }]}
            style={{ width: 200 }}
          >
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          {current ? (
            <Form.Item label="撤销日期" name="validTo" style={{ width: 180 }}>
              <DatePicker placeholder="现行单位不填" />
            </Form.Item>
          ) : (
            <Form.Item label="成立日期" name="validFrom" style={{ width: 180 }}>
              <DatePicker placeholder="可不填" />
            </Form.Item>
          )}
        </Space>
        {current ? null : (
          <Form.Item label="别名" name="aliases" extra="文件中对该单位的其他叫法，输入后按回车添加">
            <Select mode="tags" open={false} suffixIcon={null} placeholder="如：市府办" />
          </Form.Item>
        )}
      </Form>
      {current ? (
        <>
          <Divider titlePlacement="start" plain>
            全部名称
          </Divider>
          <Table<UnitName>
            size="small"
            pagination={false}
            rowKey={(n) => `${n.kind}:${n.name}:${n.validFrom ?? ""}`}
            dataSource={current.names}
            columns={[
              { title: "名称", dataIndex: "name" },
              {
                title: "类别",
                dataIndex: "kind",
                render: (kind: string, n) =>
                  n.validTo ? (
                    <StatusTag tone="grey">曾用名</StatusTag>
                  ) : (
                    <StatusTag tone="blue">{UNIT_NAME_KIND_LABELS[kind] ?? kind}</StatusTag>
                  ),
              },
              { title: "启用", dataIndex: "validFrom", render: (d: string | null) => d ?? "" },
              { title: "停用", dataIndex: "validTo", render: (d: string | null) => d ?? "" },
            ]}
          />
          <Space.Compact style={{ width: "100%", marginTop: 12 }}>
            <Input
              placeholder="新增别名，如：市府办"
              aria-label="新增别名"
              value={alias}
              onChange={(e) => setAlias(e.target.value)}
              onPressEnter={() => void addAlias()}
              maxLength={100}
            />
            <Button onClick={() => void addAlias()} disabled={!alias.trim()}>
              添加别名
            </Button>
          </Space.Compact>
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title="别名立即保存；名称、简称、类型的修改点击“保存”后生效。"
          />
        </>
      ) : null}
    </Modal>
  );
}
