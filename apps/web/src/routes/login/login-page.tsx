import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import type { LoginRequest } from "@luoshi/contract";
import { ApiError } from "../../api/client.ts";
import { CenteredCard } from "../../components/centered-card.tsx";
import { useSession } from "../../components/session.tsx";

/** 登录. The server's own message is shown as is: 用户名或密码错误, 账号已锁定…, 账号已停用. */
export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (state.status === "signed-in") return <Navigate to={from} replace />;

  const onFinish = async (values: LoginRequest) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const user = await login(values);
      await navigate(user.mustChangePassword ? "/password" : from, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "登录失败，请稍后重试");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CenteredCard title="登录">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<LoginRequest> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
