import { assumptionName } from '../../../../shared/budget/assumption-words';
import { formatAmount } from '../../../../shared/domain/money-format';
import type { Assumptions, SensitivityEntry } from './estimate-format-types';

/**
 * Human-readable pieces of `tally estimate` output: numbers with units and sensible precision,
 * a figures table (best guess, P10-P90, one-line meaning), the assumptions with their sources
 * and dates, and what moves the result most. --json bypasses all of this.
 */
/** Plain names of the estimator's keys, shared with the app (shared/budget/assumption-words.ts). */
export const words = (name: string): string => assumptionName(name);

/** "12 days", "5 months", "1.8 years": how old a dated figure is. */
export function ageText(days: number): string {
  if (days < 0) return 'dated in the future';
  if (days < 45) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 730) return `${Math.round(days / 30.44)} months old`;
  return `${(days / 365.25).toFixed(1)} years old`;
}

/**
 * The age of the price a cost was figured at, to print next to the cost: "prices as of
 * 2025-02-28, 21 months old". Null when the price was typed in (it has no date).
 */
export function priceAge(a: Assumptions[string] | undefined): string | null {
  if (!a?.asOf) return null;
  return `prices as of ${a.asOf}${a.ageDays === undefined ? '' : `, ${ageText(a.ageDays)}`}`;
}

/** Warnings first (the estimate ran, but check these), then notes. */
export function warningLines(warnings: readonly string[] | undefined, notes: readonly string[] | undefined = []): string[] {
  return [...(warnings ?? []).map((w) => `Warning: ${w}`), ...notes.map((n) => `Note: ${n}`)];
}

/** 3 significant digits, thousands separators; e-notation beyond a trillion or below 0.001. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e13 || a < 1e-3)) return x.toExponential(2).replace('e+', 'e');
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Counts of parameters or tokens as people say them: 67.9B, 1.41T, 350M. */
export function short(x: number): string {
  const units: Array<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [f, u] of units) if (Math.abs(x) >= f && Math.abs(x) < f * 1000) return `${Number((x / f).toPrecision(3))}${u}`;
  return num(x);
}

/** Tally's one money format (shared/domain/money-format.ts); `-` for no figure. */
export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined) return '-';
  return formatAmount(x);
}

export function hours(h: number): string {
  if (h >= 48) return `${num(h)} h (${num(h / 24)} days)`;
  if (h < 1) return `${num(h * 60)} min`;
  return `${num(h)} h`;
}

export interface FigureRow {
  label: string;
  best: string;
  range: string;
  meaning: string;
}

export function figureTable(rows: FigureRow[]): string {
  const head: FigureRow = { label: '', best: 'best guess', range: 'likely range (P10-P90)', meaning: 'what it means' };
  const all = [head, ...rows];
  const w = (k: keyof FigureRow) => Math.max(...all.map((r) => r[k].length));
  return all.map((r) => `  ${r.label.padEnd(w('label'))}  ${r.best.padEnd(w('best'))}  ${r.range.padEnd(w('range'))}  ${r.meaning}`.trimEnd()).join('\n');
}

export function rangeOf(p10: number, p90: number, fmt: (x: number) => string): string {
  return fmt(p10) === fmt(p90) ? 'certain' : `${fmt(p10)} - ${fmt(p90)}`;
}

function assumptionValue(a: Assumptions[string]): string {
  const v = typeof a.value === 'number' ? num(a.value) : a.value;
  const range = a.range ? ` (${num(a.range.p10)} - ${num(a.range.p90)})` : '';
  return `${v}${a.unit ? ` ${a.unit}` : ''}${range}`;
}

/** Assumptions the sensitivity ranks first, then the rest; each with source and as-of date. */
export function assumptionLines(assumptions: Assumptions, ranked: readonly SensitivityEntry[], limit = 8): string {
  const order = [...new Set([...ranked.map((s) => s.input), ...Object.keys(assumptions)])].filter((k) => assumptions[k]);
  const shown = order.slice(0, limit);
  const lines = shown.map((k) => {
    const a = assumptions[k] as Assumptions[string];
    return `  ${words(k)}: ${assumptionValue(a)}\n      source: ${a.source}${a.asOf ? ` (as of ${a.asOf}${a.ageDays === undefined ? '' : `, ${ageText(a.ageDays)}`})` : ''}`;
  });
  const more = order.length - shown.length;
  return ['Assumptions (most influential first):', ...lines, ...(more > 0 ? [`  ... and ${more} more in --json`] : [])].join('\n');
}

export function sensitivityLines(title: string, ranked: readonly SensitivityEntry[], fmtOut: (x: number) => string, limit = 3): string {
  if (ranked.length === 0) return `${title}: nothing uncertain moves it.`;
  const lines = ranked.slice(0, limit).map((s, i) => `  ${i + 1}. ${words(s.input)} from ${num(s.inputLow)} to ${num(s.inputHigh)}: ${fmtOut(s.outputAtInputLow)} to ${fmtOut(s.outputAtInputHigh)}`);
  return [`${title}:`, ...lines].join('\n');
}
