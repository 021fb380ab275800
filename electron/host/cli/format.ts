import { formatMoney } from '../../../shared/domain/money';

/** A plain-text table with a header rule; columns padded to their widest cell. */
export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c == null ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Exact amounts in tables, in the app's money format ("€12,500.50", "-$20.00"). */
export function money(cents: number | null, currency: string): string {
  if (cents == null) return '-';
  return formatMoney(cents, currency, 'en-US');
}
