import { Alert, AutoComplete, Button, Card, DatePicker, Flex, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { ResolveDeadlineResponse } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { useApiError } from "../../components/use-api-error.ts";
import { readDeadline, weekdayOf } from "./calendar-format.ts";

const PRESETS = ["5个工作日内", "20个工作日内", "30个工作日内", "1个月内", "年底前", "8月底前"];

/**
 * 期限推算: what date a deadline written in a plan comes to on this calendar — “5个工作日内” counted from a date
 * (the day after it, skipping weekends and holidays, counting 调休上班 days), “年底前” in the date's year.
 */
export function DeadlineBox({ defaultYear }: { defaultYear: number }) {
  const [text, setText] = useState("5个工作日内");
  const [from, setFrom] = useState<Dayjs | null>(() =>
    dayjs().year() === defaultYear ? dayjs() : dayjs(`${defaultYear}-09-28`),
  );
  const [answer, setAnswer] = useState<{ asked: string; response: ResolveDeadlineResponse }>();
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  const deadline = readDeadline(text);

  const resolve = async () => {
    if (!deadline) return;
    setBusy(true);
    try {
      const eventDate = from?.format("YYYY-MM-DD");
      const response = await api.calendar.resolve({
        deadline,
        context: { planYear: from?.year() ?? defaultYear, ...(eventDate ? { eventDate } : {}) },
      });
      setAnswer({ asked: `${eventDate ?? defaultYear + "年"} 起 “${deadline.text}”`, response });
    } catch (error) {
      showError(error, "推算失败");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="期限推算" style={{ marginBottom: 16 }}>
      <Form layout="inline" onFinish={() => void resolve()} style={{ rowGap: 8 }}>
        <Form.Item
          label="时限"
          htmlFor="deadline-text"
          validateStatus={text && !deadline ? "error" : undefined}
          help={text && !deadline ? "可填写“5个工作日内”“1个月内”“年底前”“8月底前”等" : undefined}
        >
          <AutoComplete
            id="deadline-text"
            style={{ width: 200 }}
            value={text}
            onChange={(v: string) => setText(v)}
            options={PRESETS.map((value) => ({ value }))}
          />
        </Form.Item>
        <Form.Item label="起算日期" htmlFor="deadline-from">
          <DatePicker id="deadline-from" value={from} onChange={(d) => setFrom(d)} allowClear={false} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} disabled={!deadline}>
            推算
          </Button>
        </Form.Item>
      </Form>
      {answer ? (
        <Flex style={{ marginTop: 12 }}>
          {answer.response.ok && answer.response.date ? (
            <Alert
              type="success"
              showIcon
              role="status"
              title={`${answer.asked}：截止 ${answer.response.date}（${weekdayOf(answer.response.date)}）`}
            />
          ) : (
            <Alert
              type={answer.response.ok ? "info" : "warning"}
              showIcon
              role="status"
              title={`${answer.asked}：${"message" in answer.response ? answer.response.message : ""}`}
            />
          )}
        </Flex>
      ) : null}
    </Card>
  );
}
