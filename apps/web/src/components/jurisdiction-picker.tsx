import { TreeSelect } from "antd";
import { useMemo, useState } from "react";
import type { Jurisdiction } from "@luoshi/contract";
import { api } from "../api/client.ts";
import { useUser } from "./session.tsx";
import { jurisdictionTree, rootJurisdictions } from "./use-org.ts";
import { useRemote } from "./use-remote.ts";

/**
 * The jurisdiction a screen works in: the user's own by default (an office: its city), otherwise the top of
 * what the user may see (admins: 广东省, which lists everything below).
 */
export function useJurisdictionChoice() {
  const user = useUser();
  const remote = useRemote(() => api.org.jurisdictions(), "jurisdictions", "加载行政区划失败");
  const [picked, setPicked] = useState<string>();
  const list = useMemo<Jurisdiction[]>(() => remote.data?.items ?? [], [remote.data]);
  const tree = useMemo(() => jurisdictionTree(list), [list]);
  const fallback = user.jurisdictionId ?? rootJurisdictions(list)[0]?.id;
  const value = picked ?? fallback;
  return {
    jurisdictions: list,
    tree,
    value,
    setValue: setPicked,
    loading: remote.loading,
    name: (id: string | null | undefined) => list.find((j) => j.id === id)?.name ?? "",
  };
}

export type JurisdictionChoice = ReturnType<typeof useJurisdictionChoice>;

/** A tree select over the jurisdictions the user may see; hidden when there is only one to choose. */
export function JurisdictionPicker({ choice, label = "行政区划" }: { choice: JurisdictionChoice; label?: string }) {
  if (choice.jurisdictions.length <= 1) return null;
  return (
    <TreeSelect
      aria-label={label}
      style={{ width: 240 }}
      value={choice.value}
      treeData={choice.tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: "title" }}
      onChange={(value: string) => choice.setValue(value)}
      placeholder="选择行政区划"
    />
  );
}
