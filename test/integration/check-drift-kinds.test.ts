/**
 * Drift and new categories judge a column by one kind for both files, and categorical drift counts
 * every category: vega zipcodes' county column (categories in a large reference, text in a small
 * checked file) is compared, and a shift among categories beyond the 50 most frequent is seen.
 * scipy's Jensen-Shannon distance on all categories is the oracle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { python, vegaFile } from '../support/public-data';
import { tempDir } from '../support/temp';

describe('drift: one kind per column, every category', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('a county column that is categorical in the reference and text in the checked file still gets drift and new_categories, and skipped columns are named', async () => {
    t = tempDir();
    const [header, ...lines] = readFileSync(vegaFile('zipcodes.csv'), 'utf8').trimEnd().split('\n');
    const state = (l: string) => l.split(',')[4];
    const reference = join(t.dir, 'east.csv');
    const current = join(t.dir, 'west.csv');
    writeFileSync(reference, [header, ...lines.filter((l) => ['NY', 'PA', 'NJ', 'MA', 'CT'].includes(state(l)!))].join('\n'));
    // Every 12th Californian zip code: few repeats of each county, so the column reads as text there.
    writeFileSync(current, [header, ...lines.filter((l) => state(l) === 'CA').filter((_, i) => i % 12 === 0)].join('\n'));
    const { report, profile, referenceProfile } = await analyseAndCheck({ file: current, reference });
    expect(referenceProfile!.columns.find((c) => c.name === 'county')!.type).toBe('categorical');
    expect(profile.columns.find((c) => c.name === 'county')!.type).toBe('text');
    expect(report.drift?.columns.find((c) => c.column === 'county')).toMatchObject({ kind: 'categorical', drifted: true });
    expect(report.findings.find((f) => f.id === 'new_categories' && f.column === 'county')?.severity).toBe('warning');
    expect(report.notes).toContainEqual({ check: 'drift', message: expect.stringContaining('"zip_code" (identifiers, new in every file by nature)') });
  }, 60_000);

  it('a shift among categories beyond the 50 most frequent is measured on all categories (pooled they looked identical)', async () => {
    t = tempDir();
    // 200 shops: shop 0 holds 40.6%, shops 1-49 0.6% each in both files; the other 30% is spread over
    // shops 50-199 in the reference but over shops 50-124 only in the checked file.
    const rows = (n: number, tail: number) =>
      Array.from({ length: n }, (_, i) => {
        const u = (i + 0.5) / n;
        if (u < 0.406) return 'shop000';
        if (u < 0.7) return `shop${String(1 + Math.floor((u - 0.406) / 0.006)).padStart(3, '0')}`;
        return `shop${String(50 + Math.floor(((u - 0.7) / 0.3) * tail)).padStart(3, '0')}`;
      });
    const write = (name: string, shops: string[]) => {
      const path = join(t.dir, name);
      writeFileSync(path, ['shop,amount', ...shops.map((s, i) => `${s},${(i * 7919) % 1000}`)].join('\n'));
      return path;
    };
    const reference = write('reference.csv', rows(6000, 150));
    const current = write('current.csv', rows(6000, 75));
    const oracle = python<{ all: number; pooled: number }>(
      `import json,sys,pandas as pd
from scipy.spatial.distance import jensenshannon
r=pd.read_csv(sys.argv[1]).shop.value_counts(); c=pd.read_csv(sys.argv[2]).shop.value_counts()
keys=sorted(set(r.index)|set(c.index)); p=[r.get(k,0) for k in keys]; q=[c.get(k,0) for k in keys]
top=set(r.index[:50])&set(c.index[:50]); pp=[r.get(k,0) for k in sorted(top)]+[r.sum()-sum(r.get(k,0) for k in top)]; qq=[c.get(k,0) for k in sorted(top)]+[c.sum()-sum(c.get(k,0) for k in top)]
print(json.dumps({"all":float(jensenshannon(p,q)),"pooled":float(jensenshannon(pp,qq))}))`,
      [reference, current],
    );
    expect(oracle.pooled).toBeLessThan(0.1);
    expect(oracle.all).toBeGreaterThan(0.1);
    const { report } = await analyseAndCheck({ file: current, reference });
    const shop = report.drift!.columns.find((c) => c.column === 'shop')!;
    expect(shop).toMatchObject({ method: 'jensen_shannon', drifted: true, categories: 200 });
    expect(shop.pooled).toBeUndefined();
    expect(shop.statistic).toBeCloseTo(oracle.all, 12);
    expect(report.findings.find((f) => f.id === 'drift' && f.column === 'shop')?.message).toContain('Jensen-Shannon distance over all 200 categories');
  }, 60_000);
});
