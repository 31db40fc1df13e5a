import { Button, Card, Col, Descriptions, Row, Tag, Tooltip, Typography } from "antd";
import { useNavigate } from "react-router";
import { canSee, NAV_ITEMS } from "../../components/nav.tsx";
import { ROLE_LABELS } from "../../components/labels.ts";
import { useUser } from "../../components/session.tsx";

/** 工作台: who is signed in and where to go. Progress and deadlines arrive with the plan capability. */
export function DashboardPage() {
  const user = useUser();
  const navigate = useNavigate();
  const entries = NAV_ITEMS.filter((item) => item.path !== "/" && canSee(item, user.roles));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        工作台
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="当前用户">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
              <Descriptions.Item label="角色">
                {user.roles.map((role) => (
                  <Tag key={role}>{ROLE_LABELS[role]}</Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="常用功能">
            <Row gutter={[12, 12]}>
              {entries.map((item) => (
                <Col key={item.path} xs={12} md={8}>
                  {item.upcoming ? (
                    <Tooltip title="后续版本提供">
                      <Button block size="large" icon={item.icon} disabled>
                        {item.label}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Button block size="large" icon={item.icon} onClick={() => void navigate(item.path)}>
                      {item.label}
                    </Button>
                  )}
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
