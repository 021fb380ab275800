/**
 * The shape of a published figure the estimator is checked against (published-runs.ts holds the
 * rows) and how a row's estimate is judged against it.
 */
export type PublishedKind = 'training throughput' | 'training run' | 'energy and CO2' | 'decode speed' | 'first token' | 'serving throughput' | 'memory';

export interface PublishedRow {
  id: string;
  kind: PublishedKind;
  /** What is compared, with its unit. */
  figure: string;
  source: string;
  /** What the estimator is given and what Tally has to assume. */
  assumptions: string;
  published: number;
  /** Allowed: published / (1 + tolerance) <= estimate <= published × (1 + tolerance). */
  tolerance: number;
  /** The estimator's best guess (P50) for the same figure, and its P10-P90 range where it has one. */
  estimate: () => Estimated;
}

export interface Estimated {
  p50: number;
  /** Low and high ends of the likely range, in the figure's own direction (low <= high). */
  low?: number;
  high?: number;
}

/** A figure without a range, and one with its P10-P90 ends in either order. */
export const point = (p50: number): Estimated => ({ p50 });
export const ranged = (p50: number, a: number, b: number): Estimated => ({ p50, low: Math.min(a, b), high: Math.max(a, b) });

export interface PublishedResult {
  row: PublishedRow;
  estimate: number;
  /** estimate / published. */
  ratio: number;
  within: boolean;
  /** Whether the published value lies inside the estimate's P10-P90 range; null without a range. */
  inRange: boolean | null;
}

/** Where each row's estimate lands against its published value and tolerance. */
export function checkPublishedRuns(rows: readonly PublishedRow[]): PublishedResult[] {
  return rows.map((row) => {
    const e = row.estimate();
    const ratio = e.p50 / row.published;
    const within = row.tolerance === 0 ? e.p50 === row.published : ratio <= 1 + row.tolerance + 1e-12 && ratio >= 1 / (1 + row.tolerance) - 1e-12;
    const inRange = e.low === undefined || e.high === undefined ? null : row.published >= e.low && row.published <= e.high;
    return { row, estimate: e.p50, ratio, within, inRange };
  });
}
