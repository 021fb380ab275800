/**
 * Outliers on real zero-heavy, skewed and bounded data: Seattle's daily rain (vega
 * seattle-weather.csv: 8.9% of days were "far out" on the plain scale), flight delays (vega
 * flights-20k.json: 3.7%) and scikit-learn's digits (pixel intensities 0-16). None is a typo; a
 * planted 9999 sentinel still is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { PYTHON, vegaFile } from '../support/public-data';
import { tempDir } from '../support/temp';
import { execFileSync } from 'node:child_process';

describe('outliers on real data', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('rain: no day of Seattle rain is an outlier; 15 days of 9999 planted into it are', async () => {
    t = tempDir();
    const file = vegaFile('seattle-weather.csv');
    const { report } = await analyseAndCheck({ file });
    expect(report.findings.filter((f) => f.id === 'outliers')).toEqual([]);
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const planted = join(t.dir, 'weather-sentinel.csv');
    writeFileSync(planted, [header, ...lines.map((l, i) => (i % 100 === 5 ? l.replace(/^([^,]+),[^,]+,/, '$1,9999,') : l))].join('\n'));
    const f = (await analyseAndCheck({ file: planted })).report.findings.find((x) => x.id === 'outliers' && x.column === 'precipitation');
    expect(f).toMatchObject({ count: 15, details: { scale: 'log-positive' } });
  }, 60_000);

  it('flight delays: the long tail of late flights is not a list of typos', async () => {
    const { report } = await analyseAndCheck({ file: vegaFile('flights-20k.json') });
    expect(report.findings.filter((f) => f.id === 'outliers' && f.column === 'delay')).toEqual([]);
  }, 60_000);

  it('digits: pixel intensities on the 0-16 scale are never outliers, and the report says why', async () => {
    t = tempDir();
    const file = join(t.dir, 'digits.csv');
    execFileSync(PYTHON, ['-c', 'import sys; from sklearn.datasets import load_digits; load_digits(as_frame=True).frame.to_csv(sys.argv[1], index=False)', file]);
    const { report } = await analyseAndCheck({ file });
    expect(report.findings.filter((f) => f.id === 'outliers')).toEqual([]);
    const note = report.notes.find((n) => n.check === 'outliers');
    expect(note?.message).toMatch(/^Not judged on 65 columns of whole numbers on a short scale, where every value is a point of the scale and none is far out: "pixel_0_0" \(0 to 0\), /);
  }, 60_000);
});
