import { Alert, Button, Modal, Typography } from "antd";

/**
 * The one-time initial password (new user or reset): shown once in a copyable box. The server keeps only its
 * hash, so closing this dialog is the last chance to copy it.
 */
export function InitialPasswordModal({
  open,
  username,
  password,
  onClose,
}: {
  open: boolean;
  username: string;
  password: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={open}
      title="初始密码"
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下，关闭
        </Button>
      }
    >
      <Typography.Paragraph>
        用户 <Typography.Text strong>{username}</Typography.Text>{" "}
        的初始密码如下。请通过安全渠道告知本人，首次登录时须修改密码。
      </Typography.Paragraph>
      <div
        data-testid="initial-password"
        style={{
          background: "#fafafa",
          border: "1px dashed #d9d9d9",
          borderRadius: 6,
          padding: "12px 16px",
          marginBottom: 16,
        }}
      >
        <Typography.Text code copyable={{ text: password, tooltips: ["复制", "已复制"] }} style={{ fontSize: 18 }}>
          {password}
        </Typography.Text>
      </div>
      <Alert type="warning" showIcon title="初始密码只显示这一次，关闭后无法再次查看；如遗失，请重置密码。" />
    </Modal>
  );
}
