import { Tag } from "antd";
import type { ReactNode } from "react";

/**
 * antd's preset tag colours (green text on pale green…) are below WCAG AA contrast; these tones keep the same
 * hues with text dark enough (≥ 4.5:1) for office staff reading long tables.
 */
const TONES = {
  green: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
  gold: { color: "#613400", background: "#fffbe6", borderColor: "#ffe58f" },
  orange: { color: "#871400", background: "#fff2e8", borderColor: "#ffbb96" },
  blue: { color: "#003eb3", background: "#e6f4ff", borderColor: "#91caff" },
  purple: { color: "#22075e", background: "#f9f0ff", borderColor: "#d3adf7" },
  grey: { color: "rgba(0, 0, 0, 0.75)", background: "#fafafa", borderColor: "#d9d9d9" },
} as const;

export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag variant="outlined" style={TONES[tone]}>
      {children}
    </Tag>
  );
}
