/**
 * The population-shares editor as data: rows of column -> group -> share, edited as text so a
 * half-typed "0." is not lost, validated into the `{ column: { group: share } }` object the
 * representativeness check reads. Pure; the component only renders rows and messages.
 */

export interface ShareRow {
  column: string;
  group: string;
  /** As typed: "0.4", "40%" or ".4". */
  share: string;
}

export type ShareErrors = Record<string, string>;

/** Shares of one column may be off by this much from 1 (rounded figures such as 0.333 x 3). */
export const SUM_TOLERANCE = 0.005;

export const emptyShareRow = (column = ''): ShareRow => ({ column, group: '', share: '' });

/** "40%" -> 0.4, "0.4" -> 0.4, "" or junk -> null. */
export function parseShare(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1).trim() : t);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** Error keys name the row and field (`rows.2.share`) or the column total (`column.region`). */
export function validateShares(rows: readonly ShareRow[], knownColumns: readonly string[]): ShareErrors {
  const errors: ShareErrors = {};
  const seen = new Set<string>();
  const sums = new Map<string, number>();
  rows.forEach((row, i) => {
    const column = row.column.trim();
    const group = row.group.trim();
    if (!column) errors[`rows.${i}.column`] = 'Choose the column this group belongs to';
    else if (knownColumns.length > 0 && !knownColumns.includes(column)) errors[`rows.${i}.column`] = `The file has no column "${column}"`;
    if (!group) errors[`rows.${i}.group`] = 'Name the group, e.g. north';
    else if (seen.has(`${column}\u0000${group}`)) errors[`rows.${i}.group`] = `"${group}" is listed twice for ${column}`;
    seen.add(`${column}\u0000${group}`);
    const share = parseShare(row.share);
    if (share === null) errors[`rows.${i}.share`] = 'Enter a share such as 0.4 or 40%';
    else if (share <= 0 || share > 1) errors[`rows.${i}.share`] = 'A share is more than 0 and at most 1 (100%)';
    else if (column) sums.set(column, (sums.get(column) ?? 0) + share);
  });
  for (const [column, sum] of sums) {
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      errors[`column.${column}`] = `The shares for ${column} add up to ${formatPercent(sum)}; they must add up to 100%`;
    }
  }
  return errors;
}

/** Sum of the valid shares per column, for the live "adds up to" line under each column. */
export function shareTotals(rows: readonly ShareRow[]): Array<{ column: string; total: number }> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const column = row.column.trim();
    const share = parseShare(row.share);
    if (!column || share === null) continue;
    sums.set(column, (sums.get(column) ?? 0) + share);
  }
  return [...sums].map(([column, total]) => ({ column, total }));
}

/** The object the check reads; call only after validateShares returned no errors. */
export function sharesToPopulation(rows: readonly ShareRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const share = parseShare(row.share);
    if (share === null) continue;
    (out[row.column.trim()] ??= {})[row.group.trim()] = share;
  }
  return out;
}

export function formatPercent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toString()}%`;
}
