import { ArrowLeftOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { DocumentDetail, PlanSummary } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../components/labels.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { PlanStatusTag } from "../../components/plan-tags.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useApiError } from "../../components/use-api-error.ts";
import { useRemote } from "../../components/use-remote.ts";
import { formatSize } from "../plans/read-file.ts";
import { DocumentLinks } from "./document-links.tsx";

const list = (values: readonly string[]) => (values.length > 0 ? values.join("、") : "—");

function metadata(doc: DocumentDetail): DescriptionsProps["items"] {
  return [
    { key: "docNumber", label: "文号", children: doc.docNumber ?? "（无文号）" },
    { key: "date", label: "成文日期", children: doc.date ?? "—" },
    { key: "title", label: "标题", span: 2, children: doc.title ?? "（无标题）" },
    { key: "issuer", label: "发文机关", children: doc.issuer ?? "—" },
    { key: "disclosure", label: "公开方式", children: doc.disclosure ?? "—" },
    { key: "recipients", label: "主送", span: 2, children: list(doc.recipients) },
    { key: "cc", label: "抄送", span: 2, children: list(doc.cc) },
    {
      key: "printed",
      label: "印发",
      span: 2,
      children: doc.printed
        ? [doc.printed.by, doc.printed.date ? `${doc.printed.date} 印发` : null].filter(Boolean).join(" ")
        : "—",
    },
    { key: "attachments", label: "附件", span: 2, children: list(doc.attachments) },
    {
      key: "deadlines",
      label: "文中时限",
      span: 2,
      children: doc.deadlines.length > 0 ? doc.deadlines.map((d) => d.text).join("；") : "—",
    },
    {
      key: "source",
      label: "原文件",
      span: 2,
      children: `${doc.sourceFile.filename}（${formatSize(doc.sourceFile.size)}，${formatDateTime(doc.sourceFile.uploadedAt)} 导入）`,
    },
  ];
}

/** 公文详情: metadata as the 版头/版记 print it, upstream and downstream by 文号, versions, plans, the original. */
export function DocumentPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const showError = useApiError();
  const doc = useRemote(() => api.documents.get(id), `document:${id}`, "加载公文失败");
  const [downloading, setDownloading] = useState(false);
  const data = doc.data;

  const download = async () => {
    if (!data) return;
    setDownloading(true);
    try {
      await api.documents.downloadSource(data.id, data.sourceFile.filename);
    } catch (error) {
      showError(error, "下载原文件失败");
    } finally {
      setDownloading(false);
    }
  };

  if (!data) {
    return doc.loading ? (
      <Spin description="正在加载公文…" style={{ display: "block", marginTop: 48 }} />
    ) : (
      <Empty description="公文不存在或无权访问" />
    );
  }

  return (
    <>
      <PageHeader
        title={data.docNumber ? `公文 ${data.docNumber}` : "公文"}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate("/plans")}>
              返回计划
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
              下载原文件
            </Button>
          </Space>
        }
      />
      {!data.isCurrent ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是该文号的旧版本，已有更新的版本导入，见下方“版本”。"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={2} items={metadata(data)} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title="上游文件（本文引用的文号）" style={{ marginBottom: 16 }}>
            <DocumentLinks links={data.upstream} empty="本文没有引用其他文号" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="下游文件（引用本文的文件）" style={{ marginBottom: 16 }}>
            <DocumentLinks links={data.downstream} empty="尚无已导入的文件引用本文" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="方案" style={{ marginBottom: 16 }}>
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.plans}
          locale={{ emptyText: "本文没有识别出方案" }}
          columns={[
            {
              title: "方案",
              dataIndex: "title",
              render: (title: string | null, plan) => <Link to={`/plans/${plan.id}`}>{title ?? "（无标题方案）"}</Link>,
            },
            { title: "任务数", dataIndex: "itemCount", width: 90, align: "right" },
            { title: "状态", key: "status", width: 220, render: (_, plan) => <PlanStatusTag plan={plan} /> },
          ]}
        />
      </Card>
      <Card size="small" title="版本">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.versions.map((v, index) => ({ ...v, number: index + 1 }))}
          columns={[
            { title: "版本", dataIndex: "number", width: 80, render: (n: number) => `第 ${n} 版` },
            { title: "导入时间", dataIndex: "createdAt", render: formatDateTime },
            {
              title: "状态",
              key: "state",
              render: (_, v) => (
                <Space>
                  {v.isCurrent ? <StatusTag tone="green">现行</StatusTag> : <StatusTag tone="grey">已被替代</StatusTag>}
                  {v.id === data.id ? (
                    <Typography.Text>（当前查看）</Typography.Text>
                  ) : (
                    <Link to={`/documents/${v.id}`}>查看</Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
