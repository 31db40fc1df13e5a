import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { useApiError } from "./use-api-error.ts";

export type Remote<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

type Settled<T> = { forKey: string; data: T | undefined; error: unknown };

/**
 * Loads data for a screen and reloads when `key` changes or reload() is called. Enough for an admin UI with a
 * handful of lists; the previous data stays visible while reloading, and an answer for an older key is dropped.
 * A failure is shown to the user as "<what>：<server message>".
 */
export function useRemote<T>(load: () => Promise<T>, key: string, what: string): Remote<T> {
  const showError = useApiError();
  const [tick, setTick] = useState(0);
  const requestKey = `${key}#${tick}`;
  const [settled, setSettled] = useState<Settled<T>>({ forKey: "", data: undefined, error: undefined });
  const run = useEffectEvent(() => load());
  const fail = useEffectEvent((error: unknown) => showError(error, what));

  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setSettled({ forKey: requestKey, data, error: undefined }),
      (error: unknown) => {
        if (!current) return;
        fail(error);
        setSettled((s) => ({ forKey: requestKey, data: s.data, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.forKey !== requestKey, reload };
}
