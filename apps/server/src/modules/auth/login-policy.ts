/** Lockout after repeated failures: 5 wrong passwords lock the account for 15 minutes. Pure, for testing. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil) > now;
}

export function afterFailedLogin(
  failedLogins: number,
  now: Date,
): { failedLogins: number; lockedUntil: string | null } {
  const count = failedLogins + 1;
  if (count < MAX_FAILED_LOGINS) return { failedLogins: count, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
}
