import { ArrowLeftOutlined, DeleteOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Progress, Space, Table, Typography, Upload } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { DocumentDetail, ImportResult } from "@luoshi/contract";
import { api, ApiError } from "../../api/client.ts";
import { JurisdictionPicker, useJurisdictionChoice } from "../../components/jurisdiction-picker.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ImportResultCard } from "./import-result-card.tsx";
import { formatSize, IMPORT_ACCEPT, MAX_IMPORT_BYTES, readAsBase64 } from "./read-file.ts";

type Status = "waiting" | "reading" | "uploading" | "processing" | "done" | "failed";

type Job = {
  uid: string;
  file: File;
  status: Status;
  /** 0..100 of the current phase. */
  percent: number;
  result?: ImportResult;
  /** Details of the imported documents (for their 上游文件 links), by document id. */
  details?: Record<string, DocumentDetail>;
  error?: string;
};

const STATUS_TEXT: Record<Status, string> = {
  waiting: "等待导入",
  reading: "读取文件",
  uploading: "上传中",
  processing: "服务器解析中…",
  done: "完成",
  failed: "失败",
};

function progressOf(job: Job): { percent: number; status: "normal" | "active" | "success" | "exception" } {
  switch (job.status) {
    case "waiting":
      return { percent: 0, status: "normal" };
    case "reading":
      return { percent: Math.round(job.percent * 0.1), status: "active" };
    case "uploading":
      return { percent: 10 + Math.round(job.percent * 0.8), status: "active" };
    case "processing":
      return { percent: 95, status: "active" };
    case "done":
      return { percent: 100, status: "success" };
    case "failed":
      return { percent: 100, status: "exception" };
  }
}

/**
 * 导入文件: pick the jurisdiction, drop one or several files (txt, md, html, docx, pdf, doc, wps), import them one
 * after the other with progress per file, then read what the server found in each: documents, plans, names the
 * registry does not know.
 */
export function ImportPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const choice = useJurisdictionChoice();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [running, setRunning] = useState(false);

  const patch = (uid: string, change: Partial<Job>) =>
    setJobs((list) => list.map((job) => (job.uid === uid ? { ...job, ...change } : job)));

  const add = (file: File & { uid?: string }) => {
    if (file.size > MAX_IMPORT_BYTES) {
      void message.error(`“${file.name}”超过 ${formatSize(MAX_IMPORT_BYTES)}，无法导入`);
      return;
    }
    if (file.size === 0) {
      void message.error(`“${file.name}”是空文件`);
      return;
    }
    const uid = file.uid ?? `${file.name}:${file.size}:${file.lastModified}`;
    setJobs((list) =>
      list.some((job) => job.uid === uid) ? list : [...list, { uid, file, status: "waiting", percent: 0 }],
    );
  };

  const importOne = async (job: Job, jurisdictionId: string) => {
    try {
      patch(job.uid, { status: "reading", percent: 0, error: undefined });
      const contentBase64 = await readAsBase64(job.file, (f) => patch(job.uid, { percent: f * 100 }));
      patch(job.uid, { status: "uploading", percent: 0 });
      const result = await api.imports.upload(
        { jurisdictionId, filename: job.file.name, contentBase64 },
        ({ loaded, total }) => {
          patch(
            job.uid,
            loaded >= total ? { status: "processing", percent: 100 } : { percent: (loaded / total) * 100 },
          );
        },
      );
      // The 上游文件 links (by 文号) come with each document's detail.
      const details: Record<string, DocumentDetail> = {};
      for (const doc of result.documents) {
        details[doc.id] = await api.documents.get(doc.id);
      }
      patch(job.uid, { status: "done", percent: 100, result, details });
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      const text = error instanceof ApiError ? error.message : "导入失败，请稍后重试";
      patch(job.uid, { status: "failed", error: text });
    }
  };

  const start = async () => {
    const jurisdictionId = choice.value;
    if (!jurisdictionId) return;
    setRunning(true);
    try {
      for (const job of jobs) {
        if (job.status === "waiting" || job.status === "failed") await importOne(job, jurisdictionId);
      }
    } finally {
      setRunning(false);
    }
  };

  const pending = jobs.filter((j) => j.status === "waiting" || j.status === "failed").length;
  const finished = jobs.filter((j) => j.result);

  const columns: TableColumnsType<Job> = [
    { title: "文件", key: "name", render: (_, job) => job.file.name },
    { title: "大小", key: "size", width: 100, render: (_, job) => formatSize(job.file.size) },
    {
      title: "进度",
      key: "progress",
      width: 320,
      render: (_, job) => {
        const progress = progressOf(job);
        return (
          <Flex vertical gap={2}>
            <Progress
              percent={progress.percent}
              status={progress.status}
              size="small"
              aria-label={`${job.file.name} 导入进度`}
            />
            <Typography.Text type={job.status === "failed" ? "danger" : "secondary"} style={{ fontSize: 12 }}>
              {job.status === "failed" ? `失败：${job.error ?? ""}` : STATUS_TEXT[job.status]}
              {job.result?.duplicate ? "（此前已导入，未重复保存）" : ""}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: "操作",
      key: "actions",
      width: 90,
      render: (_, job) =>
        job.status === "waiting" || job.status === "failed" ? (
          <Button
            type="link"
            size="small"
            icon={<DeleteOutlined />}
            disabled={running}
            onClick={() => setJobs((list) => list.filter((j) => j.uid !== job.uid))}
          >
            移除
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="导入文件"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate("/plans")}>
            返回计划
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <Space wrap align="center">
            <Typography.Text strong>导入到：</Typography.Text>
            {choice.jurisdictions.length > 1 ? (
              <JurisdictionPicker choice={choice} label="导入到的行政区划" />
            ) : (
              <Typography.Text>{choice.name(choice.value)}</Typography.Text>
            )}
          </Space>
          <Upload.Dragger
            multiple
            accept={IMPORT_ACCEPT}
            showUploadList={false}
            disabled={running}
            beforeUpload={(file) => {
              add(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择或将文件拖到此处（可一次选择多个文件）</p>
            <p className="ant-upload-hint">
              支持 txt、md、html、docx、pdf、doc、wps 等格式，单个文件不超过 35 MB。同一文件重复导入不会重复保存；
              同一文号内容有变化时保存为新版本。
            </p>
          </Upload.Dragger>
          {jobs.length > 0 ? (
            <Table<Job> rowKey="uid" size="small" columns={columns} dataSource={jobs} pagination={false} />
          ) : null}
          <Space>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={pending === 0 || !choice.value}
              loading={running}
              onClick={() => void start()}
            >
              {running ? "正在导入…" : `开始导入${pending > 0 ? `（${pending} 个文件）` : ""}`}
            </Button>
            {jobs.length > 0 && !running ? (
              <Button onClick={() => setJobs([])} disabled={running}>
                清空列表
              </Button>
            ) : null}
          </Space>
        </Space>
      </Card>
      {finished.length === 0 && jobs.some((j) => j.status === "failed") ? (
        <Alert type="error" showIcon title="部分文件未能导入，请查看上表中的原因。" />
      ) : null}
      {finished.map((job) =>
        job.result ? (
          <ImportResultCard key={job.uid} filename={job.file.name} result={job.result} details={job.details ?? {}} />
        ) : null,
      )}
    </>
  );
}
