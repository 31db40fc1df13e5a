import { Card, Typography } from "antd";
import type { ReactNode } from "react";

/** The frame of the screens outside the app layout (登录, 首次修改密码). */
export function CenteredCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "grid",
        placeItems: "center",
        background: "linear-gradient(180deg, #fbe9e7 0%, #f5f5f5 60%)",
        padding: 16,
      }}
    >
      <div style={{ width: 400, maxWidth: "100%" }}>
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <Typography.Title level={1} style={{ marginBottom: 4, color: "#b71c1c", letterSpacing: 8 }}>
            落实
          </Typography.Title>
          <Typography.Text type="secondary">政务公开工作要点落实系统</Typography.Text>
        </div>
        <Card>
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
          {children}
        </Card>
      </div>
    </main>
  );
}
