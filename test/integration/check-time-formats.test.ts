/**
 * --time on dates that are not ISO 8601: month names (vega stocks.csv, "Jan 1 2000"), day-first
 * numbers whose first days cannot tell day from month, and epoch seconds all give date leakage
 * equal to pandas' reading; a value that is no time makes `tally check` exit 2 naming the column
 * and the value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { runCli } from '../support/cli';
import { python, vegaFile } from '../support/public-data';
import { tempDir } from '../support/temp';

/** pandas' count of checked rows not after the reference's latest time, as date_leakage counts them. */
const NOT_AFTER = (parse: string) => `import json,sys,pandas as pd
r=pd.read_csv(sys.argv[1]); c=pd.read_csv(sys.argv[2])
to=lambda s: ${parse}
print(json.dumps(int((to(c[sys.argv[3]]) <= to(r[sys.argv[3]]).max()).sum())))`;

describe('--time in the common formats', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  async function leakage(reference: string, file: string, time: string): Promise<number | undefined> {
    const { report } = await analyseAndCheck({ file, reference, time });
    return report.findings.find((f) => f.id === 'date_leakage')?.count;
  }

  it('month names ("Jan 1 2000", vega stocks.csv) split at 2005 with a half-year overlap', async () => {
    t = tempDir();
    const [header, ...lines] = readFileSync(vegaFile('stocks.csv'), 'utf8').trimEnd().split('\n');
    const year = (l: string) => Number(l.split(',')[1]!.slice(-4));
    const reference = join(t.dir, 'before.csv');
    const current = join(t.dir, 'after.csv');
    writeFileSync(reference, [header, ...lines.filter((l) => year(l) < 2005)].join('\n'));
    writeFileSync(current, [header, ...lines.filter((l) => year(l) >= 2004 && !l.startsWith('MSFT,Jan'))].join('\n'));
    const expected = python<number>(NOT_AFTER('pd.to_datetime(s, format="%b %d %Y")'), [reference, current, 'date']);
    expect(expected).toBeGreaterThan(0);
    expect(await leakage(reference, current, 'date')).toBe(expected);
  }, 60_000);

  it('day-first numbers starting on ambiguous days ("07/09/2000") and epoch seconds', async () => {
    t = tempDir();
    const days = (from: number, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1 + from + i)));
    const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const write = (name: string, dates: Date[], cell: (d: Date) => string | number) => {
      const path = join(t.dir, name);
      writeFileSync(path, ['when,x', ...dates.map((d, i) => `${cell(d)},${i % 17}`)].join('\n'));
      return path;
    };
    const refDates = days(0, 300);
    const curDates = days(250, 150);
    const [refDmy, curDmy] = [write('ref_dmy.csv', refDates, dmy), write('cur_dmy.csv', curDates, dmy)];
    expect(await leakage(refDmy, curDmy, 'when')).toBe(python<number>(NOT_AFTER('pd.to_datetime(s, format="%d/%m/%Y")'), [refDmy, curDmy, 'when']));
    const epoch = (d: Date) => d.getTime() / 1000;
    const [refEpoch, curEpoch] = [write('ref_epoch.csv', refDates, epoch), write('cur_epoch.csv', curDates, epoch)];
    expect(await leakage(refEpoch, curEpoch, 'when')).toBe(python<number>(NOT_AFTER('pd.to_datetime(s, unit="s")'), [refEpoch, curEpoch, 'when']));
  }, 60_000);

  it('a value that is no time: exit 2 naming the column and the value; day-first and month-first mixed: exit 2 naming both', async () => {
    t = tempDir();
    const bad = join(t.dir, 'bad.csv');
    writeFileSync(bad, ['when,x', 'Jan 3 2000,1', 'soon,2', 'Jan 5 2000,3'].join('\n'));
    const r = await runCli(['check', bad, '--time', 'when']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the --time column "when" holds "soon", which is not a date or time Tally can read');
    const mixed = join(t.dir, 'mixed.csv');
    writeFileSync(mixed, ['when,x', '13/01/2000,1', '01/14/2000,2'].join('\n'));
    const m = await runCli(['check', mixed, '--time', 'when']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('the --time column "when" mixes dates written day first ("13/01/2000") and month first ("01/14/2000")');
  }, 60_000);
});
