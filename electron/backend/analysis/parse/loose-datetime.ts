/**
 * Dates as people and spreadsheets write them, for the --time column only (the ISO forms go
 * through datetime-bytes.ts first): month names ("Jan 1 2000", "January 1, 2000", "1 Jan 2000",
 * "01-Jan-2000"), day and month as numbers with a four-digit year ("31/01/2000", "01/31/2000",
 * "31.01.2000"), each optionally followed by a time "13:45[:30[.250]]" with AM/PM and "Z"/"UTC".
 * Times without a zone are read as UTC, as the ISO reader does. Numbers are read by
 * numberAsTime: epoch seconds or milliseconds, YYYYMMDD, or a year.
 */
import { daysFromCivil } from './datetime-bytes';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([ap]\.?m\.?)?)?\s*(?:z|utc|gmt)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
/** "Jan 1 2000", "January 1, 2000", "Jan-01-2000". */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?[ -](\d{1,2})(?:st|nd|rd|th)?,?[ -](\d{4})${TIME}$`, 'i');
/** "1 Jan 2000", "01-Jan-2000", "1 January, 2000". */
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]{3,9})\.?,?[ -](\d{4})${TIME}$`, 'i');
/** "31/01/2000", "01/31/2000", "31.01.2000", "1-31-2000": which number is the day is decided per column. */
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`, 'i');

/** Month index of a name or its abbreviation (three or more leading letters: "Jan", "Sept"), else -1. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(w));
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return false;
  return !(mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

/** Epoch ms of the time part of a match (groups start at `g`), or NaN when out of range. */
function timeOfDay(m: RegExpExecArray, g: number): number {
  if (m[g] === undefined) return 0;
  let h = Number(m[g]);
  const min = Number(m[g + 1]);
  const s = m[g + 2] === undefined ? 0 : Number(m[g + 2]);
  const frac = m[g + 3] === undefined ? 0 : Math.floor(Number(`0.${m[g + 3]}`) * 1000);
  const ampm = m[g + 4]?.[0]?.toLowerCase();
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 60) return NaN;
  return h * 3_600_000 + min * 60_000 + s * 1000 + frac;
}

export const LOOSE_NONE = 0;
/** One reading: epoch ms in out[0]. */
export const LOOSE_DATE = 1;
/** Day and month as numbers: month-first reading in out[0], day-first in out[1] (NaN when impossible). */
export const LOOSE_NUMERIC = 2;

export function parseLooseDateTime(text: string, out: Float64Array): number {
  const t = text.trim();
  let m = MONTH_FIRST.exec(t);
  if (m) return named(Number(m[3]), monthOf(m[1]!), Number(m[2]), timeOfDay(m, 4), out);
  m = DAY_FIRST.exec(t);
  if (m) return named(Number(m[3]), monthOf(m[2]!), Number(m[1]), timeOfDay(m, 4), out);
  m = NUMERIC.exec(t);
  if (!m) return LOOSE_NONE;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = Number(m[4]);
  const time = timeOfDay(m, 5);
  if (Number.isNaN(time)) return LOOSE_NONE;
  out[0] = validDate(y, a, b) ? daysFromCivil(y, a, b) * 86_400_000 + time : NaN;
  out[1] = validDate(y, b, a) ? daysFromCivil(y, b, a) * 86_400_000 + time : NaN;
  return Number.isNaN(out[0]) && Number.isNaN(out[1]) ? LOOSE_NONE : LOOSE_NUMERIC;
}

function named(y: number, month: number, d: number, time: number, out: Float64Array): number {
  if (month < 0 || Number.isNaN(time) || !validDate(y, month + 1, d)) return LOOSE_NONE;
  out[0] = daysFromCivil(y, month + 1, d) * 86_400_000 + time;
  return LOOSE_DATE;
}

/**
 * A number in a time column as epoch ms, or NaN: a year (1000-2999), YYYYMMDD (a valid date from
 * 1000 to 2999), epoch seconds (1e8 to 1e11: 1973 to 5138) or epoch milliseconds (1e11 to 1e14).
 */
export function numberAsTime(x: number): number {
  const ax = Math.abs(x);
  if (Number.isInteger(x) && x >= 1000 && x <= 2999) return daysFromCivil(x, 1, 1) * 86_400_000;
  if (Number.isInteger(x) && x >= 10_000_101 && x <= 29_991_231) {
    const y = Math.floor(x / 10_000);
    const mo = Math.floor((x % 10_000) / 100);
    const d = x % 100;
    if (validDate(y, mo, d)) return daysFromCivil(y, mo, d) * 86_400_000;
  }
  if (ax >= 1e8 && ax < 1e11) return Math.round(x * 1000);
  if (ax >= 1e11 && ax < 1e14) return Math.round(x);
  return NaN;
}
