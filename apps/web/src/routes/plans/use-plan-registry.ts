import { useMemo } from "react";
import type { PlanItemUnit, Unit, UnitGroup } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { useRemote } from "../../components/use-remote.ts";

/** A choice in the unit pickers: `unit:<id>` or `group:<id>`. */
export type TargetOption = { value: string; label: string; search: string };
export type TargetGroup = { label: string; options: TargetOption[] };

export type Target = { unitId?: string; groupId?: string };

export function targetValue(target: { unitId?: string | null; groupId?: string | null }): string | undefined {
  if (target.unitId) return `unit:${target.unitId}`;
  if (target.groupId) return `group:${target.groupId}`;
  return undefined;
}

export function parseTarget(value: string | undefined): Target {
  if (!value) return {};
  const [kind, ...rest] = value.split(":");
  const id = rest.join(":");
  return kind === "group" ? { groupId: id } : { unitId: id };
}

function unitSearchText(unit: Unit): string {
  return [unit.name, unit.shortName ?? "", ...unit.names.map((n) => n.name)].join(" ");
}

/** The registry a plan's names map into: the units of its jurisdiction and below, and its groups. */
export function usePlanRegistry(jurisdictionId: string | undefined) {
  const remote = useRemote(
    async () => {
      if (!jurisdictionId) return { units: [] as Unit[], groups: [] as UnitGroup[] };
      const [units, groups] = await Promise.all([
        api.org.units({ jurisdictionId, includeBelow: true }),
        api.org.groups({ jurisdictionId }),
      ]);
      return { units: units.items, groups: groups.items };
    },
    `plan-registry:${jurisdictionId ?? ""}`,
    "加载单位名录失败",
  );

  return useMemo(() => {
    const units = remote.data?.units ?? [];
    const groups = remote.data?.groups ?? [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const today = new Date().toISOString().slice(0, 10);
    const current = units.filter((u) => !u.validTo || u.validTo >= today);

    /** Picker options: the suggestions for a name first, then groups, then every current unit. */
    const options = (suggestions: PlanItemUnit["suggestions"] = []): TargetGroup[] => {
      const suggested = new Set(suggestions.map((s) => s.unitId));
      const out: TargetGroup[] = [];
      if (suggestions.length > 0) {
        out.push({
          label: "建议",
          options: suggestions.map((s) => ({
            value: `unit:${s.unitId}`,
            label: `${s.name}（相似度 ${Math.round(s.score * 100)}%）`,
            search: unitById.has(s.unitId) ? unitSearchText(unitById.get(s.unitId) as Unit) : s.name,
          })),
        });
      }
      if (groups.length > 0) {
        out.push({
          label: "单位分组",
          options: groups.map((g) => ({ value: `group:${g.id}`, label: `${g.name}（分组）`, search: g.name })),
        });
      }
      out.push({
        label: "单位",
        options: current
          .filter((u) => !suggested.has(u.id))
          .map((u) => ({ value: `unit:${u.id}`, label: u.name, search: unitSearchText(u) })),
      });
      return out;
    };

    return {
      units,
      groups,
      loading: remote.loading,
      unitName: (id: string | null | undefined) => (id ? unitById.get(id)?.name : undefined),
      groupName: (id: string | null | undefined) => (id ? groupById.get(id)?.name : undefined),
      /** The registry name of what an occurrence points at, if anything. */
      targetName: (u: { unitId: string | null; groupId: string | null }) =>
        (u.unitId ? unitById.get(u.unitId)?.name : undefined) ??
        (u.groupId ? groupById.get(u.groupId)?.name : undefined),
      /** What to put in a document's words for a chosen unit: its short name if it has one. */
      printedName: (target: Target) => {
        if (target.unitId) {
          const unit = unitById.get(target.unitId);
          return unit?.shortName ?? unit?.name ?? "";
        }
        return target.groupId ? (groupById.get(target.groupId)?.name ?? "") : "";
      },
      options,
    };
  }, [remote.data, remote.loading]);
}

export type PlanRegistry = ReturnType<typeof usePlanRegistry>;

/** Select's filter over the `search` text (every name of the unit: 全称、简称、别名、曾用名). */
export function filterTarget(input: string, option: TargetOption | TargetGroup | undefined): boolean {
  if (!option || !("search" in option)) return false;
  return option.search.includes(input.trim());
}
