import { App } from "antd";
import { useCallback } from "react";
import { ApiError } from "../api/client.ts";

/**
 * Shows a failed call to the user in Chinese: the server's own message (it is written for the UI), or a
 * generic one for anything unexpected. Session problems are handled by the session guard, not here.
 */
export function useApiError(): (error: unknown, what?: string) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, what?: string) => {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") return;
      const text = error instanceof ApiError ? error.message : "操作失败，请稍后重试";
      if (!(error instanceof ApiError)) console.error(error);
      void message.error(what ? `${what}：${text}` : text);
    },
    [message],
  );
}
