/**
 * The words a column card puts next to its figures, as pure functions so the "exact or estimated"
 * wording is tested without a browser. The engine keeps every value only up to a limit: beyond
 * SAMPLE_VALUES values, quantiles and the histogram's shape come from a uniform sample of that
 * many, and beyond 16,384 different values top values' counts are no longer exact. SAMPLE_VALUES
 * mirrors the engine's NUMERIC_SAMPLE_CAP (the renderer cannot import the engine); it only feeds
 * the sentences, the flags themselves come from the profile.
 */
import type { ColumnProfile } from '../../../../shared/contract/datasets';
import { formatCount, formatNumber } from '../../../../shared/quality/format';

export const SAMPLE_VALUES = 32_768;

export interface FactText {
  label: string;
  value: string;
  meaning: string;
}

type Numeric = NonNullable<ColumnProfile['numeric']>;

/** Median: exact, or "≈" with a plain note on the sample it came from and how close it is. */
export function medianFact(n: Numeric): FactText {
  const value = formatNumber(n.quantiles.p50);
  if (!n.quantilesAreEstimates) return { label: 'Median', value, meaning: 'Half the values are below this.' };
  return {
    label: 'Median (estimated)',
    value: `≈ ${value}`,
    meaning: `Half the values are below this; estimated from a random sample of ${formatCount(SAMPLE_VALUES)} values, within about half a percentile.`,
  };
}

/** Caption under the histogram; an estimated histogram's bars still add up to every value read. */
export function histogramCaption(n: Numeric): string {
  const base = 'How many rows fall in each range of values.';
  if (!n.quantilesAreEstimates) return base;
  const values = n.histogram.counts.reduce((sum, k) => sum + k, 0);
  return `${base} The shape comes from a random sample of ${formatCount(SAMPLE_VALUES)} values, scaled up to all ${formatCount(values)} values.`;
}

/** Caption under the top values; approximate, with the guaranteed bound, when the column had too many different values. */
export function topValuesCaption(c: Pick<ColumnProfile, 'topValuesAreEstimates' | 'topValuesMaxError'>): string {
  if (!c.topValuesAreEstimates) return 'The most frequent values and how many rows hold each.';
  const base = 'The most frequent values and about how many rows hold each: the counts are approximate, as the column has too many different values to count each one exactly.';
  const bound = c.topValuesMaxError;
  if (bound === undefined) return base;
  return `${base} Each true count is between the count shown and ${formatCount(bound)} more.`;
}
