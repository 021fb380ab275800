/**
 * Plain-language number formatting for messages. Pure (Intl is part of the language, not the DOM);
 * always en-US so golden texts and CI logs are stable across machines.
 */

// Made on first use: the first NumberFormat of a process loads ICU's number data (about 9 ms),
// which `tally check --json` never needs in its own process.
let integerFormat: Intl.NumberFormat | undefined;

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  integerFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return integerFormat.format(n);
}

/**
 * A share in [0, 1] as a percentage people read at a glance: whole percents from 10%, one decimal
 * below, and "less than 0.1%" rather than a misleading "0%" when something was found.
 * Rounding never goes up onto a figure the share did not reach: rules fire at round shares ("an
 * error from 5%"), so 4.97% printed as "5%" would contradict the verdict beside it. When rounding
 * would go up, one more decimal is shown, cut rather than rounded where even that would go up, so
 * the printed figure never exceeds the share (4.97% -> "4.97%", 19.6% -> "19.6%", 4.9996% -> "4.99%").
 */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent === 0) return '0%';
  if (percent < 0.1) return 'less than 0.1%';
  if (percent >= 99.95 && percent < 100) return 'more than 99.9%';
  const decimals = percent < 10 ? 1 : 0;
  for (let d = decimals; d <= decimals + 1; d++) {
    const scale = 10 ** d;
    const rounded = Math.round(percent * scale) / scale;
    // A tiny tolerance keeps binary noise (0.07 * 100 = 7.000000000000001) from asking for digits.
    if (rounded <= percent + 1e-9) return `${rounded.toString()}%`;
  }
  const scale = 10 ** (decimals + 1);
  return `${(Math.floor(percent * scale) / scale).toString()}%`;
}

/** Smallest p-value worth printing: below it a double's arithmetic, not the data, sets the figure. */
export const P_VALUE_FLOOR = 1e-16;

/** A p-value for messages: "< 1e-16" when it underflows (a test never gives exactly 0). */
export function formatPValue(p: number): string {
  if (Number.isFinite(p) && p < P_VALUE_FLOOR) return `< ${P_VALUE_FLOOR.toExponential(0)}`;
  return formatNumber(p);
}

/** "p = 2.5e-9", or "p < 1e-16" when it underflows: the floor is said once, never "p = < 1e-16". */
export function pValueWords(p: number): string {
  const shown = formatPValue(p);
  return shown.startsWith('<') ? `p ${shown}` : `p = ${shown}`;
}

/** A statistic for details/messages: 3 significant digits, p-values in scientific form when tiny. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(1);
  return Number(x.toPrecision(3)).toString();
}

/** "1 row" / "3 rows". */
export function plural(n: number, singular: string, pluralForm: string = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** Names longer than this are cut in messages (a 10 MB header cell would otherwise fill the report). */
export const NAME_SHOWN_MAX = 80;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Quote a column name for messages: control and bidi characters shown as escapes (a name with
 * ESC or a line break cannot restyle a terminal or fake a line of a CI log) and long names cut.
 */
export function col(name: string): string {
  return `"${shownName(name)}"`;
}

/** A name as messages show it, unquoted: escaped and cut like col(). */
export function shownName(name: string): string {
  const safe = name.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > NAME_SHOWN_MAX ? `${safe.slice(0, NAME_SHOWN_MAX - 1)}…` : safe;
}

/** Round for details so JSON stays readable and stable (6 significant digits). */
export function round6(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}
