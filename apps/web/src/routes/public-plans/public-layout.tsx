import { Typography } from "antd";
import type { ReactNode } from "react";

/**
 * The frame of the public pages (no login): a plain header in the government red, content in one readable column
 * that fits a phone, and the note that the plan is published for public supervision.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <header style={{ background: "#b71c1c", color: "#fff", padding: "12px 16px" }}>
        <div
          style={{
            maxWidth: 960,
            margin: "0 auto",
            display: "flex",
            alignItems: "baseline",
            gap: 12,
            flexWrap: "wrap",
          }}
        >
          <span style={{ fontSize: 18, fontWeight: 700 }}>政务公开</span>
          <span style={{ fontSize: 14 }}>工作要点分工方案 · 接受社会监督</span>
        </div>
      </header>
      <main style={{ maxWidth: 960, margin: "0 auto", padding: "16px 12px 32px" }}>{children}</main>
      <footer style={{ maxWidth: 960, margin: "0 auto", padding: "0 12px 24px" }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          本页面公开已发布的政务公开工作要点分工方案，接受社会监督。内容以发布机关正式印发的文件为准。
        </Typography.Text>
      </footer>
    </div>
  );
}
