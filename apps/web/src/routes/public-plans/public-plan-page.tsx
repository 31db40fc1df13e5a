import { Alert, Card, Empty, Input, Result, Skeleton, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useParams } from "react-router";
import { api, ApiError } from "../../api/client.ts";
import { useRemote } from "../../components/use-remote.ts";
import {
  groupByHeading,
  itemNumber,
  matchesSearch,
  unitLines,
  type PublicItem,
  type PublicSection,
} from "./public-plan-format.ts";
import { PublicLayout } from "./public-layout.tsx";

const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * A published plan for everyone (no login): title, 文号, version and publish date, then the items under their
 * headings with responsible units and deadlines. One column, so it reads on a phone; a search finds a unit's items.
 */
export function PublicPlanPage() {
  const { id = "" } = useParams();
  const plan = useRemote(() => api.publicPlans.get(id), id, "加载方案失败");
  const [search, setSearch] = useState("");
  const data = plan.data?.id === id ? plan.data : undefined;
  const visible = useMemo(() => (data?.items ?? []).filter((i) => matchesSearch(i, search)), [data, search]);
  const grouped = useMemo(() => groupByHeading(visible), [visible]);

  if (!data) {
    if (plan.error) {
      const missing = plan.error instanceof ApiError && plan.error.status === 404;
      return (
        <PublicLayout>
          <Result
            status={missing ? "404" : "error"}
            title={missing ? "方案不存在或未公开发布" : "暂时无法加载方案"}
            subTitle={missing ? "请核对链接是否完整。" : "请稍后刷新重试。"}
          />
        </PublicLayout>
      );
    }
    return (
      <PublicLayout>
        <Skeleton active />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <Card style={{ marginBottom: 12 }} styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 20, lineHeight: 1.5, marginTop: 0 }}>
          {data.title ?? `${data.jurisdictionName}${data.year ?? ""}年政务公开工作要点分工方案`}
        </Typography.Title>
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: 12, rowGap: 4 }}>
          <dt>地区</dt>
          <dd style={{ margin: 0 }}>{data.jurisdictionName}</dd>
          {data.docNumber ? (
            <>
              <dt>文号</dt>
              <dd style={{ margin: 0 }}>{data.docNumber}</dd>
            </>
          ) : null}
          <dt>版本</dt>
          <dd style={{ margin: 0 }}>
            第{data.versionNumber}版{data.versionNumber > 1 ? "（已更新）" : ""}
          </dd>
          <dt>发布日期</dt>
          <dd style={{ margin: 0 }}>{dateOf(data.publishedAt)}</dd>
          <dt>任务数</dt>
          <dd style={{ margin: 0 }}>{data.items.length} 项</dd>
        </dl>
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title="本方案向社会公开，接受社会监督。"
          description="各项任务的责任单位和完成时限如下，欢迎社会各界监督落实情况。"
        />
      </Card>
      <Input.Search
        allowClear
        aria-label="按责任单位或关键词查找"
        placeholder="按责任单位或关键词查找，如：司法局"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {search.trim() ? (
        <Typography.Paragraph type="secondary" role="status">
          找到 {visible.length} 项任务
        </Typography.Paragraph>
      ) : null}
      {visible.length === 0 ? <Empty description="没有符合条件的任务" /> : null}
      {grouped.loose.length > 0 ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <ItemList items={grouped.loose} />
        </Card>
      ) : null}
      {grouped.sections.map((section) => (
        <Card key={section.key} size="small" style={{ marginBottom: 12 }}>
          <Section section={section} />
        </Card>
      ))}
    </PublicLayout>
  );
}

function Section({ section }: { section: PublicSection }) {
  const Heading = section.level === 0 ? "h2" : section.level === 1 ? "h3" : "h4";
  return (
    <section aria-label={section.title}>
      <Heading style={{ fontSize: section.level === 0 ? 17 : 15, margin: "4px 0 8px", lineHeight: 1.5 }}>
        {section.title}
      </Heading>
      <ItemList items={section.items} />
      {section.children.map((child) => (
        <div key={child.key} style={{ marginLeft: 8 }}>
          <Section section={child} />
        </div>
      ))}
    </section>
  );
}

function ItemList({ items }: { items: readonly PublicItem[] }) {
  if (items.length === 0) return null;
  return (
    <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.path.join("/")} style={{ padding: "8px 0", borderTop: "1px solid #f0f0f0" }}>
          <Typography.Paragraph style={{ marginBottom: 6, lineHeight: 1.8 }}>
            {itemNumber(item) ? <strong>{itemNumber(item)} </strong> : null}
            {item.text}
          </Typography.Paragraph>
          <Space orientation="vertical" size={2} style={{ fontSize: 14 }}>
            {unitLines(item.units).map((line) => (
              <div key={line.label}>
                <Typography.Text type="secondary">{line.label}：</Typography.Text>
                {line.names}
              </div>
            ))}
            {item.deadlines.length > 0 ? (
              <div>
                <Typography.Text type="secondary">完成时限：</Typography.Text>
                {item.deadlines.map((d) => (
                  <Tag key={d} style={{ color: "#613400", background: "#fffbe6", borderColor: "#ffe58f" }}>
                    {d}
                  </Tag>
                ))}
              </div>
            ) : null}
          </Space>
        </li>
      ))}
    </ol>
  );
}
