import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { detectPii } from '../../shared/quality/pii/detectors';
import { tempDir } from '../support/temp';

/**
 * Files built to make the engine do unbounded work. Each must finish inside the test's timeout
 * with sane figures; the sizes are the ones that took minutes or gigabytes before the fixes.
 */
describe('bounded work on hostile files', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('PII detectors take time linear in the cell length (16x the text, well under 48x the time; quadratic would be ~256x)', () => {
    const hostile = ['a.b-c_d%e+f1', 'ACGT', '1', '1.', 'AB12', 'a@', 'a@b.', '12 ', 'ab:'];
    // The best of several runs after a warm-up: a loaded machine only ever adds time, so the
    // minimum is the run least disturbed. A 16x step in length keeps the linear and quadratic
    // answers far apart (16x against 256x), so scheduling noise cannot cross the bound.
    const best = (s: string) => {
      detectPii(s);
      let t = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        detectPii(s);
        t = Math.min(t, performance.now() - t0);
      }
      return t;
    };
    for (const unit of hostile) {
      const small = best(unit.repeat(Math.ceil(16_384 / unit.length)));
      const large = best(unit.repeat(Math.ceil(262_144 / unit.length)));
      // Below a millisecond the timer's resolution dominates; the ratio only means something above.
      if (large > 1) expect(large / Math.max(small, 0.05), unit).toBeLessThan(48);
    }
  });

  it('a 200 KB cell of email-like characters and a 400 KB DNA line are scanned for PII in linear time', async () => {
    t = tempDir();
    const emailish = join(t.dir, 'emailish.csv');
    writeFileSync(emailish, `note,n\n${'a.b-c_d%e+f1'.repeat(17_000)},1\nhello,2\n`);
    const dna = join(t.dir, 'dna.csv');
    writeFileSync(dna, `sequence\n${'ACGT'.repeat(100_000)}\nACGTTGCA\n`);
    for (const file of [emailish, dna]) {
      const { report, profile } = await analyseAndCheck({ file });
      expect(profile.rows).toBe(2);
      expect(report.findings.filter((f) => f.id === 'pii')).toEqual([]);
    }
  }, 30_000);
});

describe('wide and long headers', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('parses a header longer than 64 KiB whole: 12,000 named columns, no false "has no name" or "repeats"', async () => {
    t = tempDir();
    const file = join(t.dir, 'wide.csv');
    const names = Array.from({ length: 12_000 }, (_, i) => `feature_number_${i}`);
    writeFileSync(file, `${names.join(',')}\n${names.map((_, i) => i % 7).join(',')}\n${names.map((_, i) => i % 5).join(',')}\n`);
    expect(names.join(',').length).toBeGreaterThan(200_000);
    const { profile, report } = await analyseAndCheck({ file });
    expect(profile.columns).toHaveLength(12_000);
    expect(profile.columns[12_000 - 1]!.name).toBe('feature_number_11999');
    expect(profile.rows).toBe(2);
    // Correlation compared a capped set of columns and says so (all 12,000 took minutes).
    expect(report.notes.map((n) => n.check)).toContain('high_correlation');
  }, 60_000);

  it('refuses a first line longer than 16 MiB with its file and line, instead of cutting it', async () => {
    t = tempDir();
    const file = join(t.dir, 'endless.csv');
    writeFileSync(file, 'x'.repeat(17 << 20));
    await expect(analyseAndCheck({ file })).rejects.toMatchObject({ code: 'PARSE_ERROR', location: { line: 1 }, message: expect.stringMatching(/the first line is longer than 16 MiB/) });
  }, 60_000);
});

describe('column cap', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('JSON Lines with a new key in every row stops at 20,000 columns, naming the line, in bounded memory', async () => {
    t = tempDir();
    const file = join(t.dir, 'keys.jsonl');
    writeFileSync(file, Array.from({ length: 25_000 }, (_, i) => JSON.stringify({ id: i, [`k${i}`]: i })).join('\n'));
    await expect(analyseAndCheck({ file })).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      location: { line: 20_000 },
      message: expect.stringMatching(/brings a 20,001th distinct key \("k19999"\); Tally reads at most 20,000 columns/),
    });
  }, 60_000);

  it('a CSV header with more than 20,000 columns is refused on line 1', async () => {
    t = tempDir();
    const file = join(t.dir, 'too-wide.csv');
    const names = Array.from({ length: 20_001 }, (_, i) => `c${i}`);
    writeFileSync(file, `${names.join(',')}\n${names.map(() => 1).join(',')}\n`);
    await expect(analyseAndCheck({ file })).rejects.toMatchObject({ code: 'PARSE_ERROR', location: { line: 1 }, message: expect.stringMatching(/has 20,001 columns; Tally reads at most 20,000/) });
  }, 60_000);
});

/** The README's bound: the analysis worker stays under 512 MB whatever one cell or one row group holds. */
const MEMORY_BOUND = 512 * 1024 * 1024;
const FULL = process.env.TALLY_RELIABILITY_FULL === '1';

describe('huge cells and row groups stay within the memory bound', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('a 50 MB CSV cell and a 30 MB JSON line: hashed and counted whole, kept cut, peak RSS under 512 MB', async () => {
    t = tempDir();
    const csv = join(t.dir, 'bigcell.csv');
    writeFileSync(csv, `a,b\n1,${'x'.repeat(50_000_000)}\n2,y\n3,${'x'.repeat(50_000_000)}\n`);
    const jsonl = join(t.dir, 'bigline.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ a: 1, b: 'é'.repeat(15_000_000) })}\n${JSON.stringify({ a: 2, b: 'y' })}\n`);
    for (const file of [csv, jsonl]) {
      const { profile, analysis } = await analyseAndCheck({ file });
      const b = profile.columns.find((c) => c.name === 'b')!;
      console.log(`${file.split('/').pop()}: peak RSS ${(analysis.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
      expect(analysis.peakRssBytes).toBeLessThan(MEMORY_BOUND);
      // Top values keep at most a kilobyte of a value and say it was cut.
      for (const v of b.topValues) expect(v.value.length).toBeLessThanOrEqual(1025);
      expect(b.topValues.some((v) => v.value.endsWith('…'))).toBe(true);
    }
    const { profile } = await analyseAndCheck({ file: csv });
    // The two equal 50 MB cells are one distinct value: counting uses the whole cell.
    expect(profile.columns.find((c) => c.name === 'b')!.distinct).toBe(2);
  }, 120_000);

  it(`a Parquet file in one row group (${FULL ? '2.5M' : '600k'} rows x 6 columns) is read in slices, peak RSS under 512 MB`, async () => {
    t = tempDir();
    const { parquetWriteFile } = await import('hyparquet-writer');
    const rows = FULL ? 2_500_000 : 600_000;
    const file = join(t.dir, 'onegroup.parquet');
    let x = 7;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x / 2 ** 32);
    parquetWriteFile({
      filename: file,
      columnData: Array.from({ length: 6 }, (_, c) => ({ name: `f${c}`, data: Array.from({ length: rows }, () => next() * 1000), type: 'DOUBLE' as const })),
      rowGroupSize: rows,
    });
    const { profile, analysis } = await analyseAndCheck({ file });
    console.log(`onegroup.parquet (${rows} rows, one row group): peak RSS ${(analysis.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
    expect(profile.rows).toBe(rows);
    expect(analysis.peakRssBytes).toBeLessThan(MEMORY_BOUND);
  }, 300_000);
});
