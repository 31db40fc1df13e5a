import { Button, Card, Checkbox, Empty, Flex, Select, Space, Typography } from "antd";
import { useState } from "react";
import type { PlanDetail } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { UNIT_ROLE_LABELS } from "../../components/labels.ts";
import { collectUnresolved, formatPath, type UnresolvedEntry } from "../../components/plan-format.ts";
import { filterTarget, parseTarget, type PlanRegistry } from "./use-plan-registry.ts";

/**
 * 未识别单位: every name the registry does not know, how often and where it occurs, and the closest units; mapping
 * it maps every occurrence in the plan, and “保存为别名” teaches the registry the name for the next import.
 */
export function UnresolvedPanel({
  plan,
  registry,
  canWrite,
  onMapped,
  onError,
}: {
  plan: PlanDetail;
  registry: PlanRegistry;
  canWrite: boolean;
  onMapped: (message: string) => void;
  onError: (error: unknown, what: string) => void;
}) {
  const entries = collectUnresolved(plan.items);
  if (entries.length === 0) {
    return <Empty description="所有责任单位都已对应到单位名录，没有未识别的单位名称。" />;
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        共 {entries.length} 个名称、{entries.reduce((n, e) => n + e.occurrences, 0)} 处未识别。
        {canWrite ? "为每个名称选择对应的单位或分组，方案中该名称的所有出现都会一并映射。" : ""}
      </Typography.Paragraph>
      {entries.map((entry) => (
        <UnresolvedCard
          key={entry.rawName}
          planId={plan.id}
          entry={entry}
          registry={registry}
          canWrite={canWrite}
          onMapped={onMapped}
          onError={onError}
        />
      ))}
    </Space>
  );
}

function UnresolvedCard({
  planId,
  entry,
  registry,
  canWrite,
  onMapped,
  onError,
}: {
  planId: string;
  entry: UnresolvedEntry;
  registry: PlanRegistry;
  canWrite: boolean;
  onMapped: (message: string) => void;
  onError: (error: unknown, what: string) => void;
}) {
  const [target, setTarget] = useState<string | undefined>(
    entry.suggestions[0] && entry.suggestions[0].score >= 0.8 ? `unit:${entry.suggestions[0].unitId}` : undefined,
  );
  const [saveAsAlias, setSaveAsAlias] = useState(false);
  const [saving, setSaving] = useState(false);
  const chosen = parseTarget(target);

  const map = async () => {
    if (!target) return;
    setSaving(true);
    try {
      const result = await api.plans.mapUnit(planId, {
        rawName: entry.rawName,
        ...chosen,
        ...(chosen.unitId && saveAsAlias ? { saveAsAlias: true } : {}),
      });
      const name = registry.targetName({ unitId: chosen.unitId ?? null, groupId: chosen.groupId ?? null }) ?? "";
      onMapped(
        `已将“${entry.rawName}”的 ${result.updated} 处映射为 ${name}${result.aliasSaved ? "，并保存为该单位的别名" : ""}`,
      );
    } catch (error) {
      onError(error, `映射“${entry.rawName}”失败`);
    } finally {
      setSaving(false);
    }
  };

  const selectId = `map-${entry.rawName}`;
  return (
    <Card size="small" title={<span>“{entry.rawName}”</span>} extra={`出现 ${entry.occurrences} 处`}>
      <Flex vertical gap={8}>
        <Typography.Text>
          所在任务：
          {entry.items
            .map((item) => `${formatPath(item.path)}（${item.text.slice(0, 18)}${item.text.length > 18 ? "…" : ""}）`)
            .join("；")}
        </Typography.Text>
        <Typography.Text>角色：{entry.roles.map((r) => UNIT_ROLE_LABELS[r]).join("、")}</Typography.Text>
        <Typography.Text>
          可能是：
          {entry.suggestions.length === 0
            ? "没有相近的单位"
            : entry.suggestions
                .slice(0, 5)
                .map((s) => `${s.name}（${Math.round(s.score * 100)}%）`)
                .join("、")}
        </Typography.Text>
        {canWrite ? (
          <Flex wrap gap={8} align="center">
            <label htmlFor={selectId}>对应到：</label>
            <Select
              id={selectId}
              aria-label={`“${entry.rawName}”对应的单位`}
              style={{ width: 360 }}
              placeholder="搜索并选择单位或分组"
              value={target}
              onChange={(value?: string) => setTarget(value)}
              allowClear
              showSearch={{ filterOption: filterTarget }}
              options={registry.options(entry.suggestions)}
              loading={registry.loading}
            />
            <Checkbox
              checked={saveAsAlias && Boolean(chosen.unitId)}
              disabled={!chosen.unitId}
              onChange={(e) => setSaveAsAlias(e.target.checked)}
            >
              保存为别名
            </Checkbox>
            <Button type="primary" disabled={!target} loading={saving} onClick={() => void map()}>
              映射
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
