/**
 * Top values of a column with too many different values to count each one exactly come from a
 * heavy-hitter summary that counts every cell, with a guaranteed bound: on vega zipcodes.csv (city:
 * about 19,000 names in 42,049 rows, sorted by zip code so Texas comes late) each listed count is
 * at most the stated bound below pandas' value_counts, and the report says the bound. Before, the
 * counts were those at the moment the column stopped being counted exactly ("El Paso" 81 of 158).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { runCli } from '../support/cli';
import { python, vegaFile } from '../support/public-data';
import { tempDir } from '../support/temp';

describe('estimated top values carry a guaranteed bound', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('vega zipcodes: every listed city count is within the bound of pandas value_counts, and the top four are the true top four', async () => {
    const file = vegaFile('zipcodes.csv');
    const truth = python<Record<string, number>>(
      `import json,sys,pandas as pd; d=pd.read_csv(sys.argv[1],dtype=str,keep_default_na=False); print(json.dumps({k:int(v) for k,v in d.city.value_counts().items()}))`,
      [file],
    );
    const { profile } = await analyseAndCheck({ file });
    const city = profile.columns.find((c) => c.name === 'city')!;
    expect(city.topValuesAreEstimates).toBe(true);
    const bound = city.topValuesMaxError!;
    expect(bound).toBeGreaterThan(0);
    // 4096 counters over 42,049 cells: the bound is a few rows, not half a count.
    expect(bound).toBeLessThan(20);
    expect(city.topValues.length).toBe(20);
    for (const v of city.topValues) {
      expect(v.count, v.value).toBeLessThanOrEqual(truth[v.value]!);
      expect(truth[v.value]! - v.count, v.value).toBeLessThanOrEqual(bound);
    }
    const top4 = Object.entries(truth).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k]) => k);
    expect(city.topValues.slice(0, 4).map((v) => v.value)).toEqual(top4);
    const elPaso = city.topValues.find((v) => v.value === 'El Paso')!;
    expect(truth['El Paso']).toBe(158);
    expect(elPaso.count).toBeGreaterThan(158 - bound - 1);
    // Exactly counted columns say so: no bound.
    expect(profile.columns.find((c) => c.name === 'state')!.topValuesMaxError).toBe(0);
  }, 60_000);

  it('the HTML report states the bound under the estimated top values', async () => {
    t = tempDir();
    const out = join(t.dir, 'zip.html');
    const r = await runCli(['check', vegaFile('zipcodes.csv'), '--html', out], { cwd: t.dir, env: { TALLY_DATA_DIR: join(t.dir, 'never-created') } });
    expect(r.code, r.stderr).not.toBe(2);
    const html = readFileSync(out, 'utf8');
    const card = html.slice(html.indexOf('id="col-city"'), html.indexOf('id="col-state"'));
    expect(card).toMatch(/Counts are approximate: too many different values to count each one exactly\. Each true count is between the count shown and \d+ more\./);
  }, 60_000);
});
