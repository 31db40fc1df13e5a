import { useMemo } from "react";
import type { Jurisdiction, Unit } from "@luoshi/contract";
import { api } from "../api/client.ts";
import { useRemote } from "./use-remote.ts";

export type TreeNode = { value: string; title: string; key: string; children: TreeNode[] };

/** Jurisdictions as antd tree data (province → city → county → town), ordered by 行政区划代码. */
export function jurisdictionTree(jurisdictions: readonly Jurisdiction[]): TreeNode[] {
  const byParent = new Map<string | null, Jurisdiction[]>();
  const ids = new Set(jurisdictions.map((j) => j.id));
  for (const j of jurisdictions) {
    // A jurisdiction whose parent the user cannot see is a root of the user's tree.
    const parent = j.parentId && ids.has(j.parentId) ? j.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), j]);
  }
  const build = (parent: string | null): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((j) => ({ value: j.id, key: j.id, title: j.name, children: build(j.id) }));
  return build(null);
}

/** The jurisdictions at the top of what the user may see (usually one: the office's own). */
export function rootJurisdictions(jurisdictions: readonly Jurisdiction[]): Jurisdiction[] {
  const ids = new Set(jurisdictions.map((j) => j.id));
  return jurisdictions.filter((j) => !j.parentId || !ids.has(j.parentId));
}

async function loadRegistry(): Promise<{ jurisdictions: Jurisdiction[]; units: Unit[] }> {
  const { items: jurisdictions } = await api.org.jurisdictions();
  const lists = await Promise.all(
    rootJurisdictions(jurisdictions).map((root) => api.org.units({ jurisdictionId: root.id, includeBelow: true })),
  );
  return { jurisdictions, units: lists.flatMap((list) => list.items) };
}

/** The whole visible registry, for pickers and for names of ids shown in tables (用户管理). */
export function useOrgNames() {
  const registry = useRemote(loadRegistry, "registry", "加载组织机构失败");
  return useMemo(() => {
    const jurisdictions = registry.data?.jurisdictions ?? [];
    const units = registry.data?.units ?? [];
    const jurisdictionNames = new Map(jurisdictions.map((j) => [j.id, j.name]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return {
      jurisdictions,
      units,
      tree: jurisdictionTree(jurisdictions),
      jurisdictionName: (id: string | null) => (id ? (jurisdictionNames.get(id) ?? id) : ""),
      unitName: (id: string | null) => (id ? (unitNames.get(id) ?? id) : ""),
      loading: registry.loading,
      reload: registry.reload,
    };
  }, [registry]);
}
