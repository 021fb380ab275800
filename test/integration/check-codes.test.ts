/**
 * Codes that look like numbers stay the text they are: airport codes "0E0" and "0E8" (vega
 * airports.csv) are two values, not two zeros, and zip codes with leading zeros are codes, not
 * integers. pandas reading the same files as strings is the oracle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { python, vegaFile } from '../support/public-data';
import { tempDir } from '../support/temp';

describe('codes written like numbers', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('airport codes: "0E0" and "0E8" count as two values, and splitting airports by code finds no shared entity', async () => {
    t = tempDir();
    const file = vegaFile('airports.csv');
    const oracle = python<{ rows: number; distinct: number }>(
      `import json,sys,pandas as pd; d=pd.read_csv(sys.argv[1],dtype=str,keep_default_na=False); print(json.dumps({"rows":len(d),"distinct":int(d.iata.nunique())}))`,
      [file],
    );
    const { profile } = await analyseAndCheck({ file });
    const iata = profile.columns.find((c) => c.name === 'iata')!;
    expect(profile.rows).toBe(oracle.rows);
    expect(iata.distinct).toBe(oracle.distinct);
    expect(iata.type).toBe('identifier');

    // One file holds 0E0 and every other code, the other 0E8: no airport is in both.
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const current = join(t.dir, 'current.csv');
    const reference = join(t.dir, 'reference.csv');
    writeFileSync(current, [header, ...lines.filter((l) => !l.startsWith('0E8,'))].join('\n'));
    writeFileSync(reference, [header, ...lines.filter((l) => l.startsWith('0E8,'))].join('\n'));
    const { report } = await analyseAndCheck({ file: current, reference, id: 'iata' });
    expect(report.findings.filter((f) => f.id === 'group_leakage')).toEqual([]);
  }, 60_000);

  it('zip codes with leading zeros are codes: identifier type, values kept as written, no mixed-types warning', async () => {
    const file = vegaFile('zipcodes.csv');
    const oracle = python<{ distinct: number; top: string[] }>(
      `import json,sys,pandas as pd; d=pd.read_csv(sys.argv[1],dtype=str); print(json.dumps({"distinct":int(d.zip_code.nunique()),"top":sorted(d.zip_code)[:3]}))`,
      [file],
    );
    const { profile, report } = await analyseAndCheck({ file });
    const zip = profile.columns.find((c) => c.name === 'zip_code')!;
    expect(zip.type).toBe('identifier');
    expect(zip.numeric).toBeNull();
    expect(zip.typeVotes.integer).toBe(0);
    // Distinct above 16,384 is a HyperLogLog estimate (about 1%).
    expect(Math.abs(zip.distinct - oracle.distinct) / oracle.distinct).toBeLessThan(0.02);
    expect(report.findings.filter((f) => f.id === 'mixed_types' && f.column === 'zip_code')).toEqual([]);
    expect(oracle.top[0]).toMatch(/^00/);
  }, 60_000);

  it('JSON Lines rows give the same codes as the CSV (strings stay strings whatever the format)', async () => {
    t = tempDir();
    const rows = ['0E0', '0E8', '00M', '007', '7', 'ABQ'].map((code, i) => ({ code, n: i }));
    const file = join(t.dir, 'codes.jsonl');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { profile } = await analyseAndCheck({ file });
    const code = profile.columns.find((c) => c.name === 'code')!;
    expect(code.distinct).toBe(6);
    expect(code.topValues.map((v) => v.value).sort()).toEqual(['007', '00M', '0E0', '0E8', '7', 'ABQ']);
  }, 60_000);
});
