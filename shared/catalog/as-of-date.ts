/**
 * As-of dates are ISO `yyyy-mm` or `yyyy-mm-dd` strings. A month-only date means "some time in
 * that month"; for age we take its first day, so the age shown is the largest it could be.
 */
const AS_OF_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an as-of date, or null when it is not valid. */
export function asOfDayNumber(asOf: string): number | null {
  const m = AS_OF_PATTERN.exec(asOf);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over to March; reject instead of guessing.
  if (new Date(ms).getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function isValidAsOf(asOf: string): boolean {
  return asOfDayNumber(asOf) !== null;
}

/**
 * Whole days from `asOf` to `today` (both ISO dates; `today` may also be a full ISO timestamp,
 * whose date part is used). Pure: the caller passes today. Negative when asOf is in the future.
 */
export function ageInDays(asOf: string, today: string): number {
  const from = asOfDayNumber(asOf);
  const to = asOfDayNumber(today.slice(0, 10));
  if (from === null) throw new RangeError(`not an ISO as-of date (yyyy-mm or yyyy-mm-dd): ${asOf}`);
  if (to === null) throw new RangeError(`not an ISO date: ${today}`);
  return to - from;
}
