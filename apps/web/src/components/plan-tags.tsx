import { Tooltip } from "antd";
import type { PlanItemUnit, PlanSummary, UnitRole } from "@luoshi/contract";
import { UNIT_ROLE_LABELS } from "./labels.ts";
import { isUnresolved } from "./plan-format.ts";
import { StatusTag, type Tone } from "./status-tag.tsx";

const ROLE_TONES: Record<UnitRole, Tone> = {
  lead: "orange",
  assist: "blue",
  responsible: "green",
  supervise: "purple",
};

/** 牵头 / 配合 / 负责 / 督办 as a coloured tag. */
export function RoleTag({ role }: { role: UnitRole }) {
  return <StatusTag tone={ROLE_TONES[role]}>{UNIT_ROLE_LABELS[role]}</StatusTag>;
}

/** One unit on an item: its role, the name as the document prints it, and whether the registry knows it. */
export function ItemUnitTag({ unit, registryName }: { unit: PlanItemUnit; registryName?: string | undefined }) {
  const unresolved = isUnresolved(unit);
  const tone: Tone = unresolved ? "gold" : unit.groupId ? "purple" : ROLE_TONES[unit.role];
  const tip = unresolved
    ? "未识别：单位名录中找不到此名称，请在“未识别单位”中映射"
    : registryName && registryName !== unit.rawName
      ? `对应：${registryName}`
      : unit.groupId
        ? "单位分组"
        : undefined;
  const tag = (
    <StatusTag tone={tone}>
      {UNIT_ROLE_LABELS[unit.role]}｜{unit.rawName}
      {unresolved ? "（未识别）" : ""}
    </StatusTag>
  );
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}

/** 草稿 / 已发布 第N版 (with unpublished edits flagged). */
export function PlanStatusTag({ plan }: { plan: Pick<PlanSummary, "publishedVersion" | "hasUnpublishedChanges"> }) {
  if (plan.publishedVersion === null) return <StatusTag tone="grey">草稿</StatusTag>;
  return (
    <>
      <StatusTag tone="green">已发布 v{plan.publishedVersion}</StatusTag>
      {plan.hasUnpublishedChanges ? <StatusTag tone="gold">有未发布的修改</StatusTag> : null}
    </>
  );
}
