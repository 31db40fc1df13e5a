/** Pure helpers of the audit view: time bounds, display times, and spreadsheet-safe cells. */

// 政务 users think in Beijing time; China has had no daylight saving time since 1991, so a fixed offset is exact.
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A filter bound as an ISO instant comparable with stored `at` values. A date alone means that whole day in
 * Beijing time: `from` starts at its midnight, `to` ends at the next midnight (exclusive), so `to=2026-11-30`
 * includes 30 November. Undefined when the value is not a date or timestamp.
 */
export function auditTimeBound(value: string, side: "from" | "to"): string | undefined {
  if (DATE_ONLY.test(value)) {
    const midnight = new Date(`${value}T00:00:00+08:00`);
    // Round-trips only for real calendar days (2026-02-30 would roll over into March).
    if (Number.isNaN(midnight.getTime()) || formatBeijingTime(midnight.toISOString()).slice(0, 10) !== value) {
      return undefined;
    }
    return new Date(midnight.getTime() + (side === "to" ? 86_400_000 : 0)).toISOString();
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** `2026-11-22 20:05:09` in Beijing time, for people reading an export. */
export function formatBeijingTime(isoInstant: string): string {
  const shifted = new Date(new Date(isoInstant).getTime() + BEIJING_OFFSET_MS);
  return shifted.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A text cell that a spreadsheet will not run as a formula: values starting with = + - @ (or a tab or carriage
 * return, which some programs strip first) get a leading apostrophe (OWASP CSV injection guidance).
 */
export function sanitizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
