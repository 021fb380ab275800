/**
 * Pearson chi-square tests with p-values from the regularized incomplete gamma function, and the
 * effect sizes that go next to them (Cohen's w, Cramér's V) so a huge sample with a tiny,
 * harmless difference does not read as an alarm.
 */
import { chiSquareSurvival } from './special-functions';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Goodness of fit: observed counts against expected counts (same total; scipy.stats.chisquare).
 * Categories with expected 0 and observed 0 are dropped; expected 0 with observed > 0 gives an
 * infinite statistic and p = 0 (a category the expectation says cannot happen did happen).
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expected: readonly number[]): ChiSquareResult {
  if (observed.length !== expected.length) throw new RangeError('observed and expected differ in length');
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < observed.length; i++) {
    const o = observed[i];
    const e = expected[i];
    if (e === 0 && o === 0) continue;
    categories++;
    statistic += e === 0 ? Infinity : ((o - e) * (o - e)) / e;
  }
  const df = Math.max(0, categories - 1);
  return { statistic, df, pValue: statistic === Infinity ? 0 : chiSquareSurvival(statistic, df) };
}

/**
 * Test of independence on an r x c contingency table, without Yates' correction
 * (scipy.stats.chi2_contingency(correction=False)). All-zero rows and columns are dropped.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareResult {
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const columnCount = table.reduce((max, row) => Math.max(max, row.length), 0);
  const columnTotals = new Array<number>(columnCount).fill(0);
  for (const row of table) row.forEach((v, j) => (columnTotals[j] += v));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const rows = rowTotals.filter((t) => t > 0).length;
  const cols = columnTotals.filter((t) => t > 0).length;
  if (total === 0 || rows < 2 || cols < 2) return { statistic: 0, df: 0, pValue: 1 };
  let statistic = 0;
  table.forEach((row, i) => {
    if (rowTotals[i] === 0) return;
    for (let j = 0; j < columnCount; j++) {
      if (columnTotals[j] === 0) continue;
      const e = (rowTotals[i] * columnTotals[j]) / total;
      const o = row[j] ?? 0;
      statistic += ((o - e) * (o - e)) / e;
    }
  });
  const df = (rows - 1) * (cols - 1);
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) };
}

/** Cramér's V of a contingency table (no bias correction), in [0, 1]. */
export function cramersV(table: readonly (readonly number[])[]): number {
  const { statistic, df } = chiSquareIndependence(table);
  if (df === 0) return 0;
  const total = table.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);
  const rows = table.filter((row) => row.some((v) => v > 0)).length;
  const columnCount = table.reduce((max, row) => Math.max(max, row.length), 0);
  let cols = 0;
  for (let j = 0; j < columnCount; j++) if (table.some((row) => (row[j] ?? 0) > 0)) cols++;
  return Math.min(1, Math.sqrt(statistic / (total * (Math.min(rows, cols) - 1))));
}

/** Cohen's w = sqrt(chi2 / n): effect size of a goodness-of-fit test (0.1 small, 0.3 medium, 0.5 large). */
export function cohensW(statistic: number, n: number): number {
  return n > 0 ? Math.sqrt(statistic / n) : 0;
}
