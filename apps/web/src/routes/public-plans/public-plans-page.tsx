import { Card, Empty, Input, List, Result, Skeleton, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { api, ApiError } from "../../api/client.ts";
import { useRemote } from "../../components/use-remote.ts";
import { PublicLayout } from "./public-layout.tsx";

/**
 * The published plans of one jurisdiction for everyone (no login), by its administrative code:
 * /public/plans?jurisdiction=440700 lists 江门市's. Without a code the page asks for one.
 */
export function PublicPlansPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get("jurisdiction")?.trim() ?? "";

  return (
    <PublicLayout>
      <Card style={{ marginBottom: 12 }} styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          已发布的政务公开工作要点分工方案
        </Typography.Title>
        <Input.Search
          aria-label="行政区划代码"
          placeholder="输入行政区划代码，如 440700"
          enterButton="查看"
          defaultValue={code}
          onSearch={(value) => setParams(value.trim() ? { jurisdiction: value.trim() } : {})}
          style={{ maxWidth: 360 }}
        />
      </Card>
      {code ? <PlanList key={code} code={code} /> : <Empty description="请输入行政区划代码查看该地区已发布的方案" />}
    </PublicLayout>
  );
}

function PlanList({ code }: { code: string }) {
  const plans = useRemote(() => api.publicPlans.list(code), code, "加载方案列表失败");
  if (plans.error && !plans.data) {
    const missing = plans.error instanceof ApiError && plans.error.status === 404;
    return (
      <Result status={missing ? "404" : "error"} title={missing ? `没有代码为 ${code} 的行政区划` : "暂时无法加载"} />
    );
  }
  if (!plans.data) return <Skeleton active />;
  const items = plans.data.items;
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 0 }}>
        {items[0]?.jurisdictionName ?? ""}已发布方案（{items.length}）
      </Typography.Title>
      <List
        dataSource={items}
        locale={{ emptyText: "该地区暂无公开发布的方案" }}
        renderItem={(plan) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/public/plans/${encodeURIComponent(plan.id)}`}>{plan.title ?? "（无标题）"}</Link>}
              description={`${plan.year ? `${plan.year}年 · ` : ""}第${plan.versionNumber}版 · 发布于 ${plan.publishedAt.slice(0, 10)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
