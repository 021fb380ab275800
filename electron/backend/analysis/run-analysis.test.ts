import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import type { AnalysisProgress } from './analysis-types';
import { runAnalysis } from './run-analysis';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-run-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Rows id, region, amount, label, ts; ids and times start at `from`. */
function csv(name: string, from: number, rows: number, regions = ['north', 'south']): string {
  const lines = ['id,region,amount,label,ts'];
  for (let i = from; i < from + rows; i++) {
    const ts = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    lines.push(`${i},${regions[i % regions.length]},${(i * 37) % 1000},${i % 3 === 0 ? 1 : 0},${ts}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('runAnalysis (worker process)', () => {
  it('profiles, checks and reports progress with phases, rows and bytes', async () => {
    const file = csv('data.csv', 0, 200_000);
    const progress: AnalysisProgress[] = [];
    const result = await runAnalysis({ file, target: 'label' }, { onProgress: (p) => progress.push(p) });
    expect(result.checkInput.rows).toBe(200_000);
    expect(result.current).toMatchObject({ format: 'csv', rows: 200_000, columns: 5 });
    expect(result.checkInput.columns.map((c) => c.type)).toEqual(['identifier', 'categorical', 'integer', 'integer', 'datetime']);
    expect(result.report).toMatchObject({ verdict: expect.any(String) });
    expect(progress.some((p) => p.phase === 'reading' && p.rows > 0 && p.bytes > 0 && p.totalBytes > 0)).toBe(true);
    expect(progress.map((p) => p.phase)).toContain('checking');
    expect(result.peakRssBytes).toBeGreaterThan(0);
  });

  it('leaves the row sample out when asked, with the same report and summaries', async () => {
    const file = csv('data.csv', 0, 3000);
    const whole = await runAnalysis({ file, target: 'label' });
    const lean = await runAnalysis({ file, target: 'label', omitRowSample: true });
    expect(whole.checkInput.rowSample?.rows.length).toBe(3000);
    expect(lean.checkInput.rowSample).toBeUndefined();
    expect(lean.report).toEqual(whole.report);
    expect({ ...lean.checkInput }).toEqual({ ...whole.checkInput, rowSample: undefined });
  });

  it('compares with a reference: shared rows, shared ids, times not after it, new categories', async () => {
    const reference = csv('train.csv', 0, 1000);
    const file = csv('test.csv', 900, 300, ['north', 'south', 'east']);
    const result = await runAnalysis({ file, reference, id: 'id', time: 'ts' });
    const ref = result.checkInput.reference!;
    expect(ref.rows).toBe(1000);
    expect(ref.file).toBe('train.csv');
    // Rows 900..999 are in both files; with three regions instead of two their region differs
    // unless i % 3 and i % 2 pick the same name, so count overlap on ids, not rows.
    expect(ref.idOverlap).toEqual({ column: 'id', currentDistinct: 300, referenceDistinct: 1000, sharedIds: 100, currentRowsWithSharedId: 100 });
    expect(ref.time).toMatchObject({ column: 'ts', currentRowsNotAfterReference: 100, referenceMax: new Date(Date.UTC(2024, 0, 1) + 999 * 60_000).toISOString() });
    const region = ref.categoryDifferences.find((d) => d.column === 'region')!;
    expect(region).toMatchObject({ unseenDistinct: 1, unseenRows: 100, unseenValues: [{ value: 'east', count: 100 }], vanishedValues: [] });
    const same = await runAnalysis({ file: reference, reference });
    expect(same.checkInput.reference!.overlapRows).toBe(1000);
  });

  it('is cancelled mid-run by the signal', async () => {
    const file = csv('big.csv', 0, 400_000);
    const controller = new AbortController();
    let seen = 0;
    const error = await failure(
      runAnalysis({ file }, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'reading' && p.rows > 0 && seen++ === 0) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(seen).toBeGreaterThan(0);
  });

  it('turns a worker that exits or throws into WORKER_CRASHED, and the caller goes on', async () => {
    const file = csv('data.csv', 0, 100);
    const exited = await failure(runAnalysis({ file }, { env: { TALLY_ANALYSIS_TEST_CRASH: 'exit' } }));
    expect(exited.code).toBe('WORKER_CRASHED');
    expect(exited.message).toMatch(/^The analysis stopped unexpectedly: it exited with code 137, most likely because it ran out of memory\./);
    const threw = await failure(runAnalysis({ file }, { env: { TALLY_ANALYSIS_TEST_CRASH: 'throw' } }));
    expect(threw.code).toBe('WORKER_CRASHED');
    expect(threw.message).toMatch(/exited with code 1\b/);
    const fine = await runAnalysis({ file });
    expect(fine.checkInput.rows).toBe(100);
  });

  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(runAnalysis({ file: join(dir, 'x.csv') }, { signal: controller.signal }))).code).toBe('CANCELLED');
  });
});
