/**
 * Placeholders decided by their column, on public data: "None" is the commonest answer of
 * birdstrikes' damage column (a category, not 89% missing), "." is SAS's missing value in
 * penguins' sex column. pandas with and without its default NA words is the oracle.
 */
import { describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { python, vegaFile } from '../support/public-data';

describe('placeholders by context', () => {
  it('birdstrikes: "None" damage is a category (top value, counted, not missing), with a note saying so', async () => {
    const file = vegaFile('birdstrikes.csv');
    const column = 'Effect Amount of damage';
    const oracle = python<{ counts: Record<string, number>; empty: number }>(
      `import json,sys,pandas as pd; d=pd.read_csv(sys.argv[1],keep_default_na=False,dtype=str); c=d[sys.argv[2]]; print(json.dumps({"counts":{k:int(v) for k,v in c[c!=""].value_counts().items()},"empty":int((c=="").sum())}))`,
      [file, column],
    );
    const { profile, report } = await analyseAndCheck({ file });
    const damage = profile.columns.find((c) => c.name === column)!;
    expect(damage.type).toBe('categorical');
    expect(Object.fromEntries(damage.topValues.map((v) => [v.value, v.count]))).toEqual(oracle.counts);
    expect(damage.topValues[0]).toEqual({ value: 'None', count: oracle.counts.None });
    expect(damage.disguisedMissing).toBe(0);
    expect(damage.missing).toBe(oracle.empty);
    expect(report.findings.filter((f) => f.column === column && (f.id === 'missing_values' || f.id === 'disguised_missing'))).toEqual([]);
    expect(report.notes).toContainEqual({ check: 'disguised_missing', message: expect.stringContaining(`Column "${column}": "None" is read as a category, not as a missing value`) });
  }, 60_000);

  it('penguins: the lone "." in the sex column is a placeholder, counted with the nulls as missing', async () => {
    const file = vegaFile('penguins.json');
    const oracle = python<{ nulls: number; dots: number; male: number }>(
      `import json,sys; d=json.load(open(sys.argv[1])); s=[r["Sex"] for r in d]; print(json.dumps({"nulls":s.count(None),"dots":s.count("."),"male":s.count("MALE")}))`,
      [file],
    );
    const { profile, report } = await analyseAndCheck({ file });
    const sex = profile.columns.find((c) => c.name === 'Sex')!;
    expect(sex.disguisedMissing).toBe(oracle.dots);
    expect(sex.missing).toBe(oracle.nulls);
    expect(sex.topValues.map((v) => v.value)).not.toContain('.');
    const f = report.findings.find((x) => x.id === 'disguised_missing' && x.column === 'Sex');
    expect(f?.details.tokens).toEqual([{ value: '.', count: oracle.dots }]);
    expect(report.findings.find((x) => x.id === 'missing_values' && x.column === 'Sex')?.count).toBe(oracle.nulls + oracle.dots);
  }, 60_000);
});
