import { invalid } from '../input-checks';
import type { IsoDay } from './spend-types';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' days as whole day numbers (days since 1970-01-01), in the
 * proleptic Gregorian calendar. Parsing is plain arithmetic (Howard Hinnant's days_from_civil),
 * not Date, because a ledger is parsed entry by entry; Date serves only to print a day. No
 * function here reads a clock.
 */
const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Digits at [from, to) of s as a number, or -1 when any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a valid 'YYYY-MM-DD'; throws INVALID_INPUT naming the field otherwise. */
export function dayNumber(day: IsoDay, field = 'date'): number {
  if (typeof day === 'string' && day.length === 10 && day[4] === '-' && day[7] === '-') {
    const [y, m, d] = [digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10)];
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return daysFromCivil(y, m, d);
  }
  throw invalid(field, `must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

export function isoDay(n: number): IsoDay {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: IsoDay): string {
  return day.slice(0, 7);
}

export function firstOfMonth(day: IsoDay): IsoDay {
  return `${monthOf(day)}-01`;
}

export function lastOfMonth(day: IsoDay): IsoDay {
  return `${monthOf(day)}-${String(daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)))).padStart(2, '0')}`;
}

/** Calendar months from a's month to b's month (0 when the same month). */
export function monthsBetween(a: IsoDay, b: IsoDay): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** "10 April 2026": unambiguous in every English locale. */
export function dayLabel(day: IsoDay): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "April 2026". */
export function monthLabel(day: IsoDay): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}
