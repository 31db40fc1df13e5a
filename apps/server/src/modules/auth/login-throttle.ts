/**
 * Per-client login throttling: at most `limit` attempts per key (the client IP) in a fixed window. Kept in this
 * process's memory: with several server processes each throttles separately, which is acceptable because the
 * per-account lockout (login-policy.ts) lives in the database and holds across processes.
 */
export type LoginThrottle = {
  /** Counts one attempt; false when the key has used up its attempts in the current window. */
  tryAttempt: (key: string, now?: number) => boolean;
  /** Seconds until the key's window ends, for the Retry-After header. */
  retryAfterSeconds: (key: string, now?: number) => number;
};

// Beyond this many remembered clients, expired windows are swept so a spray of addresses cannot grow memory.
const SWEEP_AT = 10_000;

export function createLoginThrottle(options: { limit: number; windowMs?: number }): LoginThrottle {
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, { start: number; count: number }>();

  const sweep = (now: number) => {
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
  };

  return {
    tryAttempt(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size >= SWEEP_AT) sweep(now);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count <= options.limit;
    },
    retryAfterSeconds(key, now = Date.now()) {
      const w = windows.get(key);
      return w ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
  };
}
