/**
 * Recognise ISO-8601-like dates and timestamps in UTF-8 bytes and return epoch milliseconds (UTC),
 * without building strings or Date objects on the hot path.
 * Accepted: YYYY-MM-DD or YYYY/MM/DD, optionally followed by 'T' or ' ' and HH:MM[:SS[.fraction]],
 * optionally followed by 'Z' or +HH:MM / -HH:MM / +HHMM. Returns NaN for anything else,
 * including impossible dates (month 13, Feb 30).
 */

function digits(buf: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = buf[at + k]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last date part parsed (10 bytes) and its epoch ms: rows of a log share the same day. */
const lastDate = new Uint8Array(10);
let lastDateMs = NaN;

function sameAsLastDate(buf: Uint8Array, start: number): boolean {
  for (let k = 0; k < 10; k++) if (buf[start + k] !== lastDate[k]) return false;
  return lastDateMs === lastDateMs;
}

/** Where scanDateTimeBytes leaves epoch ms (see parsedValue in number-bytes.ts for why). */
export const parsedTime = new Float64Array(1);

/** Cold-path form: epoch ms or NaN. */
export function parseDateTimeBytes(buf: Uint8Array, start: number, end: number): number {
  return scanDateTimeBytes(buf, start, end) ? parsedTime[0]! : NaN;
}

/** True when the bytes are a date/time; its epoch ms is then in parsedTime[0]. */
export function scanDateTimeBytes(buf: Uint8Array, start: number, end: number): boolean {
  const len = end - start;
  if (len < 10 || len > 35) return false;
  const sep = buf[start + 4];
  if ((sep !== 45 && sep !== 47) || buf[start + 7] !== sep) return false;
  let ms: number;
  if (sameAsLastDate(buf, start)) ms = lastDateMs;
  else {
    const y = digits(buf, start, 4);
    const mo = digits(buf, start + 5, 2);
    const d = digits(buf, start + 8, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return false;
    if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
    ms = daysFromCivil(y, mo, d) * 86400000;
    lastDate.set(buf.subarray(start, start + 10));
    lastDateMs = ms;
  }
  let i = start + 10;
  if (i === end) return setTime(ms);
  const t = buf[i];
  if (t !== 84 && t !== 32 /* 'T' or ' ' */) return false;
  i++;
  if (end - i < 5 || buf[i + 2] !== 58) return false;
  const hh = digits(buf, i, 2);
  const mi = digits(buf, i + 3, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return false;
  ms += hh * 3600000 + mi * 60000;
  i += 5;
  if (i < end && buf[i] === 58) {
    const ss = digits(buf, i + 1, 2);
    if (i + 3 > end || ss < 0 || ss > 60) return false;
    ms += ss * 1000;
    i += 3;
    if (i < end && (buf[i] === 46 || buf[i] === 44)) {
      i++;
      let scale = 100;
      let frac = 0;
      const fracStart = i;
      while (i < end && buf[i]! >= 48 && buf[i]! <= 57) {
        frac += (buf[i]! - 48) * scale;
        scale /= 10;
        i++;
      }
      if (i === fracStart) return false;
      ms += Math.floor(frac);
    }
  }
  if (i === end) return setTime(ms);
  const z = buf[i];
  if (z === 90 /* Z */ && i + 1 === end) return setTime(ms);
  if (z === 43 || z === 45) {
    const oh = digits(buf, i + 1, 2);
    let om: number;
    if (end - i === 6 && buf[i + 3] === 58) om = digits(buf, i + 4, 2);
    else if (end - i === 5) om = digits(buf, i + 3, 2);
    else if (end - i === 3) om = 0;
    else return false;
    if (oh < 0 || om < 0) return false;
    const offset = (oh * 60 + om) * 60000;
    return setTime(z === 43 ? ms - offset : ms + offset);
  }
  return false;
}

function setTime(ms: number): boolean {
  parsedTime[0] = ms;
  return true;
}
