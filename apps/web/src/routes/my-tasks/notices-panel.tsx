import { App, Button, Card, Empty, Space, Typography } from "antd";
import { useState } from "react";
import type { UnitNotice } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../components/labels.ts";
import { StatusTag } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { ChangeTable } from "../plans/versions-panel.tsx";

/** 变更通知: one per published version that concerns the unit, newest first; the liaison marks them read. */
export function NoticesPanel({
  notices,
  loading,
  canMarkRead,
  onChanged,
}: {
  notices: UnitNotice[];
  loading: boolean;
  canMarkRead: boolean;
  onChanged: () => void;
}) {
  const showError = useApiError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();

  const markRead = async (ids: string[]) => {
    setBusy(ids.length === 1 ? ids[0] : "all");
    try {
      for (const id of ids) await api.notices.markRead(id);
      void message.success(ids.length === 1 ? "已标为已读" : `已将 ${ids.length} 条通知标为已读`);
      onChanged();
    } catch (error) {
      showError(error, "标记已读失败");
    } finally {
      setBusy(undefined);
    }
  };

  if (notices.length === 0) return <Empty description={loading ? "正在加载…" : "暂无变更通知"} />;
  const unread = notices.filter((n) => !n.readAt).map((n) => n.id);
  const newestFirst = [...notices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {canMarkRead && unread.length > 1 ? (
        <Button loading={busy === "all"} onClick={() => void markRead(unread)}>
          全部标为已读（{unread.length}）
        </Button>
      ) : null}
      {newestFirst.map((notice) => (
        <Card
          key={notice.id}
          size="small"
          title={
            <Space wrap>
              <span>
                《{notice.planTitle ?? "方案"}》第 {notice.versionNumber} 版
              </span>
              {notice.readAt ? <StatusTag tone="grey">已读</StatusTag> : <StatusTag tone="orange">未读</StatusTag>}
            </Space>
          }
          extra={
            <Space>
              <Typography.Text type="secondary">{formatDateTime(notice.createdAt)}</Typography.Text>
              {canMarkRead && !notice.readAt ? (
                <Button size="small" loading={busy === notice.id} onClick={() => void markRead([notice.id])}>
                  标为已读
                </Button>
              ) : null}
            </Space>
          }
        >
          {notice.note ? <Typography.Paragraph>版本说明：{notice.note}</Typography.Paragraph> : null}
          {notice.versionNumber === 1 || notice.changes.length === 0 ? (
            <Typography.Text>
              {notice.versionNumber === 1 ? "方案首次发布" : "方案发布新版本"}，本单位共 {notice.assignmentCount}{" "}
              项任务，请在“任务清单”中查看。
            </Typography.Text>
          ) : (
            <>
              <Typography.Paragraph>
                与上一版相比，涉及本单位的变化 {notice.changes.length} 项；本版本单位共 {notice.assignmentCount}{" "}
                项任务。
              </Typography.Paragraph>
              <ChangeTable changes={notice.changes} />
            </>
          )}
        </Card>
      ))}
    </Space>
  );
}
