import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Layout, Menu, Space, Tooltip, Typography, theme } from "antd";
import type { MenuProps } from "antd";
import { Outlet, useLocation, useNavigate } from "react-router";
import { canSee, NAV_ITEMS } from "./nav.tsx";
import { ROLE_LABELS } from "./labels.ts";
import { useSession, useUser } from "./session.tsx";

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in screen: top bar with the user menu, left navigation, content. */
export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const roleText = user.roles.map((r) => ROLE_LABELS[r]).join("、");

  const items: MenuProps["items"] = NAV_ITEMS.filter((item) => canSee(item, user.roles)).map((item) =>
    item.upcoming
      ? {
          key: item.path,
          icon: item.icon,
          disabled: true,
          label: (
            <Tooltip title="后续版本提供" placement="right">
              <span>{item.label}</span>
            </Tooltip>
          ),
        }
      : { key: item.path, icon: item.icon, label: item.label },
  );
  const selected =
    NAV_ITEMS.filter(
      (item) =>
        item.path !== "/" && [item.path, ...(item.alsoFor ?? [])].some((path) => location.pathname.startsWith(path)),
    ).map((i) => i.path)[0] ?? "/";

  const userMenu: MenuProps = {
    items: [
      { key: "password", icon: <KeyOutlined />, label: "修改密码" },
      { type: "divider" },
      { key: "logout", icon: <LogoutOutlined />, label: "退出登录" },
    ],
    onClick: ({ key }) => {
      if (key === "password") void navigate("/password");
      if (key === "logout") {
        void logout().then(
          () => navigate("/login"),
          () => message.error("退出登录失败，请重试"),
        );
      }
    },
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 24,
        }}
      >
        <Space size={12} align="center">
          <span
            aria-hidden
            style={{
              display: "inline-flex",
              alignItems: "center",
              justifyContent: "center",
              lineHeight: 1,
              width: 32,
              height: 32,
              borderRadius: 6,
              background: token.colorPrimary,
              color: "#fff",
              fontWeight: 700,
            }}
          >
            落
          </span>
          <Typography.Text strong style={{ fontSize: 20 }}>
            落实
          </Typography.Text>
          <Typography.Text type="secondary">政务公开工作要点落实系统</Typography.Text>
        </Space>
        <Dropdown menu={userMenu} trigger={["click"]}>
          <Button type="text" aria-label="用户菜单">
            <UserOutlined />
            <span>{user.displayName}</span>
            {roleText !== user.displayName ? <Typography.Text type="secondary">（{roleText}）</Typography.Text> : null}
            <DownOutlined />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        <Sider width={200} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={items}
              onClick={({ key }) => void navigate(key)}
              style={{ borderInlineEnd: "none", paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
