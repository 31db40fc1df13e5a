import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Form, Input, InputNumber, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { DraftPlanResult, PlanDetail, UnitSuggestion } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { JurisdictionPicker, useJurisdictionChoice } from "../../components/jurisdiction-picker.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import { DraftReview } from "./draft-review.tsx";

type Values = { title: string; year: number };

/** A drafted plan and its suggestions, read back when the review page is opened again (?draft=ID). */
async function loadDraft(planId: string): Promise<DraftPlanResult> {
  const plan = await api.plans.get(planId);
  const suggestions: Record<string, UnitSuggestion[]> = {};
  // A handful at a time: a plan has a few dozen items.
  const queue = [...plan.items];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      suggestions[item.id] = (await api.drafting.suggestions(planId, item.id)).items;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { plan, suggestions };
}

/**
 * 据此起草本地方案 (/plans/:id/draft, :id the upstream plan): title and year → a draft local plan with every upstream
 * item and suggested units → the review table (?draft=<new plan id>, so a reload comes back to it) → the plan.
 */
export function DraftPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const draftId = params.get("draft");
  const [created, setCreated] = useState<DraftPlanResult>();
  const upstream = useRemote(() => api.plans.get(id), id, "加载上级方案失败");

  return (
    <>
      <PageHeader
        title="据此起草本地方案"
        extra={
          <Link to={`/plans/${encodeURIComponent(id)}`}>
            <Button icon={<ArrowLeftOutlined />}>返回上级方案</Button>
          </Link>
        }
      />
      {draftId ? (
        created?.plan.id === draftId ? (
          <DraftReview plan={created.plan} suggestions={created.suggestions} />
        ) : (
          <StoredDraft planId={draftId} />
        )
      ) : upstream.data ? (
        <DraftForm
          upstream={upstream.data}
          onCreated={(result) => {
            setCreated(result);
            setParams({ draft: result.plan.id });
          }}
        />
      ) : (
        <Skeleton active />
      )}
    </>
  );
}

function StoredDraft({ planId }: { planId: string }) {
  const draft = useRemote(() => loadDraft(planId), planId, "加载方案草稿失败");
  if (!draft.data || draft.data.plan.id !== planId) return <Skeleton active />;
  return <DraftReview key={planId} plan={draft.data.plan} suggestions={draft.data.suggestions} />;
}

function DraftForm({ upstream, onCreated }: { upstream: PlanDetail; onCreated: (result: DraftPlanResult) => void }) {
  const choice = useJurisdictionChoice();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const navigate = useNavigate();
  const upstreamYear = upstream.year ?? new Date().getFullYear();
  // What the server names the draft when no title is given.
  const defaultTitle = `${choice.name(choice.value)}贯彻落实${upstream.title ?? "上级方案"}分工方案`;

  const submit = async (values: Values) => {
    if (!choice.value) return;
    setBusy(true);
    try {
      onCreated(
        await api.drafting.draft({
          upstreamPlanId: upstream.id,
          jurisdictionId: choice.value,
          ...(values.title.trim() ? { title: values.title.trim() } : {}),
          year: values.year,
        }),
      );
    } catch (error) {
      showError(error, "起草失败");
    } finally {
      setBusy(false);
    }
  };

  if (choice.loading && !choice.value) return <Skeleton active />;
  return (
    <Card>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="上级方案">{upstream.title ?? "（无标题）"}</Descriptions.Item>
        <Descriptions.Item label="条目">{upstream.itemCount} 项</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph>
        系统将上级方案的每一项复制为本地方案的任务（保留编号与标题），并按往年分工和单位职责为每项建议责任单位。
        生成的是草稿：确认建议单位后，可在方案页继续修改，发布前不会通知任何单位。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ year: upstreamYear, title: "" }}
        onFinish={(values) => void submit(values)}
      >
        {choice.jurisdictions.length > 1 ? (
          <Form.Item label="本地行政区划" required>
            <JurisdictionPicker choice={choice} label="本地行政区划" />
          </Form.Item>
        ) : null}
        <Form.Item name="year" label="年度" rules={[{ required: true, message: "请填写年度" }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="title"
          label="方案标题"
          rules={[{ max: 200, message: "标题不超过 200 字" }]}
          extra={`不填则为“${defaultTitle}”`}
        >
          <Input placeholder={defaultTitle} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<EditOutlined />} loading={busy} disabled={!choice.value}>
            生成草稿
          </Button>
          <Button onClick={() => void navigate(`/plans/${encodeURIComponent(upstream.id)}`)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
