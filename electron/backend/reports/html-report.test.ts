import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../shared/contract/datasets';
import { renderHtmlReport, type ReportInput } from './html-report';

const column = (over: Partial<ColumnProfile>): ColumnProfile => ({
  name: 'c',
  type: 'float',
  count: 5_000_000,
  missing: 0,
  disguisedMissing: 0,
  distinct: 4_000_000,
  distinctIsEstimate: true,
  typeVotes: { integer: 0, float: 5_000_000, boolean: 0, datetime: 0, text: 0 },
  topValues: [],
  otherCount: 5_000_000,
  topValuesAreEstimates: true,
  disguisedTokens: [],
  numeric: null,
  textLength: null,
  timeRange: null,
  redacted: false,
  ...over,
});

function input(columns: ColumnProfile[]): ReportInput {
  return {
    datasetName: 'big <train>.csv',
    referenceName: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    verdict: 'warn',
    summary: 'Usable, but review first: "x" & <y>.',
    findings: [{ id: 'outliers', severity: 'warning', column: 'amount', details: { raw: 'secret@example.com' }, message: '2% far-out values.', advice: 'Check units.' }],
    profile: { file: '/d/big.csv', format: 'csv', encoding: 'utf-8', sizeBytes: 650_000_000, rows: 5_000_000, duplicateRows: 12, memoryBytes: 1, columns },
    referenceProfile: null,
    drift: null,
    options: { target: null, id: null, time: null, population: null, thresholds: {}, failOn: 'error' },
    counts: { error: 0, warning: 1, info: 0 },
    gateFailed: false,
    notes: [],
  };
}

describe('renderHtmlReport', () => {
  it('stays small for millions of rows: histograms and counts, no rows, no scripts, no network', () => {
    const histogram = { edges: Array.from({ length: 21 }, (_, i) => i * 10), counts: Array.from({ length: 20 }, () => 250_000) };
    const numeric = { min: 0, max: 200, mean: 100, std: 57.7, zeros: 3, negatives: 0, skewness: 0, quantiles: { p1: 2, p5: 10, p25: 50, p50: 100, p75: 150, p95: 190, p99: 198 }, histogram, quantilesAreEstimates: true };
    const cols = Array.from({ length: 12 }, (_, i) => column({ name: `amount_${i}`, numeric }));
    const html = renderHtmlReport(input(cols));
    expect(html).toContain('5,000,000 rows × 12 columns');
    expect(html.match(/<svg /g)).toHaveLength(12);
    expect(Buffer.byteLength(html)).toBeLessThan(60_000);
    expect(html).not.toMatch(/<script|https?:\/\/|src=|<link/i);
    // Landmarks for screen readers: everything but the footer sits in the one <main>.
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toMatch(/<body>\n<main>\n<h1>[\s\S]*<\/main>\n<footer>[^<]*<\/footer>\n<\/body>/);
    // Sampled figures say so: the median is marked "≈" and each histogram names its sample.
    expect(html.match(/<dt>median<\/dt><dd>≈ 100 \(estimated from a sample\)<\/dd>/g)).toHaveLength(12);
    expect(html.match(/Histogram shape from a random sample of 32,768 values, scaled to all rows\./g)).toHaveLength(12);
    // Exact figures stay exact: min/max and mean are never marked.
    expect(html).toContain('<dt>min / max</dt><dd>0 / 200</dd>');
  });

  it('marks estimated top values as approximate, and prints exact figures without any mark', () => {
    const histogram = { edges: [0, 100, 200], counts: [600, 400] };
    const numeric = { min: 0, max: 200, mean: 90, std: 50, zeros: 0, negatives: 0, skewness: 0, quantiles: { p1: 2, p5: 10, p25: 50, p50: 88.5, p75: 150, p95: 190, p99: 198 }, histogram, quantilesAreEstimates: false };
    const top = [{ value: 'paris', count: 700 }, { value: 'lyon', count: 300 }];
    const exact = renderHtmlReport(
      input([
        column({ name: 'amount', count: 1000, distinct: 900, distinctIsEstimate: false, topValuesAreEstimates: false, numeric }),
        column({ name: 'city', type: 'categorical', count: 1000, distinct: 2, distinctIsEstimate: false, topValuesAreEstimates: false, topValues: top, otherCount: 0 }),
      ]),
    );
    expect(exact).toContain('<dt>median</dt><dd>88.5</dd>');
    expect(exact).not.toContain('≈');
    expect(exact).not.toContain('estimated from a sample');
    expect(exact).not.toContain('random sample');
    expect(exact).not.toContain('approximate');
    expect(exact).toContain('aria-label="Most frequent values of city"');

    const sketched = renderHtmlReport(input([column({ name: 'city', type: 'categorical', count: 1_000_000, distinct: 40_000, topValuesAreEstimates: true, topValues: top, otherCount: 999_000 })]));
    expect(sketched).toContain('Counts are approximate: too many different values to count each one exactly.');
    const bounded = renderHtmlReport(input([column({ name: 'city', type: 'categorical', count: 1_000_000, distinct: 40_000, topValuesAreEstimates: true, topValuesMaxError: 1234, topValues: top, otherCount: 999_000 })]));
    expect(bounded).toContain('Counts are approximate: too many different values to count each one exactly. Each true count is between the count shown and 1,234 more.');
  });

  it('never rounds a missing share up onto a threshold it did not reach', () => {
    const html = renderHtmlReport(input([column({ name: 'income', count: 4_751_500, missing: 248_500 })]));
    // 248,500 of 5,000,000 rows: 4.97%, not "5.0%" beside a rule that warns from 5%.
    expect(html).toContain('<dt>missing</dt><dd>248,500 (4.97%)</dd>');
  });

  it('escapes every value and never prints finding details or a flagged column\'s values', () => {
    const html = renderHtmlReport(input([column({ name: 'email', type: 'text', redacted: true, topValues: [] }), column({ name: 'city', type: 'categorical', topValues: [{ value: '<b>Paris</b>', count: 10 }], count: 10 })]));
    expect(html).toContain('Data check: big &lt;train&gt;.csv');
    expect(html).toContain('Usable, but review first: &quot;x&quot; &amp; &lt;y&gt;.');
    expect(html).toContain('&lt;b&gt;Paris&lt;/b&gt;');
    expect(html).not.toContain('<b>Paris');
    expect(html).not.toContain('secret@example.com');
    expect(html).toContain('Values not shown: this column holds personal data.');
  });
});
