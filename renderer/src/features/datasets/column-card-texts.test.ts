import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../../shared/contract/datasets';
import { histogramCaption, medianFact, topValuesCaption } from './column-card-texts';

type Numeric = NonNullable<ColumnProfile['numeric']>;

const numeric = (quantilesAreEstimates: boolean): Numeric => ({
  min: 0,
  max: 1,
  mean: 0.5,
  std: 0.29,
  zeros: 0,
  negatives: 0,
  skewness: 0,
  quantiles: { p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.4987, p75: 0.75, p95: 0.95, p99: 0.99 },
  histogram: { edges: [0, 0.5, 1], counts: [20_000, 20_000] },
  quantilesAreEstimates,
});

describe('column card texts', () => {
  it('labels an exact median plainly, with no "≈" and no sample note', () => {
    const f = medianFact(numeric(false));
    expect(f).toEqual({ label: 'Median', value: '0.499', meaning: 'Half the values are below this.' });
    expect(histogramCaption(numeric(false))).toBe('How many rows fall in each range of values.');
  });

  it('marks an estimated median and histogram with the sample they come from', () => {
    const f = medianFact(numeric(true));
    expect(f.label).toBe('Median (estimated)');
    expect(f.value).toBe('≈ 0.499');
    expect(f.meaning).toContain('estimated from a random sample of 32,768 values, within about half a percentile');
    // The bars add up to every value read (40,000), not the sample's 32,768.
    expect(histogramCaption(numeric(true))).toBe(
      'How many rows fall in each range of values. The shape comes from a random sample of 32,768 values, scaled up to all 40,000 values.',
    );
  });

  it('says top values are approximate only when they are', () => {
    expect(topValuesCaption({ topValuesAreEstimates: false })).toBe('The most frequent values and how many rows hold each.');
    expect(topValuesCaption({ topValuesAreEstimates: true, topValuesMaxError: 1234 })).toContain('Each true count is between the count shown and 1,234 more.');
    const approx = topValuesCaption({ topValuesAreEstimates: true });
    expect(approx).toContain('about how many rows');
    expect(approx).toContain('the counts are approximate, as the column has too many different values to count each one exactly');
  });
});
