import { Alert, App, Button, Form, Input, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api, ApiError } from "../../api/client.ts";
import { CenteredCard } from "../../components/centered-card.tsx";
import { useSession, useUser } from "../../components/session.tsx";
import { PASSWORD_POLICY_HINT, passwordProblem } from "./password-policy.ts";

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** 修改密码: forced at first login (mustChangePassword), and reachable from the user menu at any time. */
export function ChangePasswordPage() {
  const user = useUser();
  const { refresh, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const forced = user.mustChangePassword;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      await refresh();
      void message.success("密码已修改");
      await navigate("/", { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "修改密码失败，请稍后重试");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CenteredCard
      title="修改密码"
      subtitle={forced ? `${user.displayName}，您好。首次登录须先修改初始密码，修改后才能使用系统。` : undefined}
    >
      <Alert type="info" showIcon title={`密码要求：${PASSWORD_POLICY_HINT}`} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: "请输入新密码" },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value, user.username) : undefined;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || getFieldValue("newPassword") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的新密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          {forced ? (
            <Button onClick={() => void logout().then(() => navigate("/login"))}>退出登录</Button>
          ) : (
            <Button onClick={() => void navigate(-1)}>返回</Button>
          )}
          <Button type="primary" htmlType="submit" loading={submitting}>
            确认修改
          </Button>
        </Space>
      </Form>
    </CenteredCard>
  );
}
