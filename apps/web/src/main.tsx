import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { SessionProvider } from "./components/session.tsx";
import { router } from "./router.tsx";
import "./global.css";

dayjs.locale("zh-cn");

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: {
          // Government red as the brand colour; darker than antd's red so text on it passes WCAG AA.
          colorPrimary: "#b71c1c",
          // antd's grey secondary texts (45% black ≈ 3.4:1 on white) fail WCAG AA; these reach at least 4.5:1.
          // antd's link blue (#1677ff) is 4.1:1 on white; one step darker passes.
          colorLink: "#0958d9",
          // Likewise antd's error red (#ff4d4f, 3.2:1) on danger buttons and validation messages.
          colorError: "#cf1322",
          colorTextSecondary: "rgba(0, 0, 0, 0.65)",
          colorTextTertiary: "rgba(0, 0, 0, 0.6)",
          colorTextDescription: "rgba(0, 0, 0, 0.6)",
          colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
          fontFamily:
            '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
        },
      }}
    >
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
