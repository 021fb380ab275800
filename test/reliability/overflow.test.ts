import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { renderHtmlReport } from '../../electron/backend/reports/html-report';
import { runCli } from '../support/cli';
import { tempDir, testBackend } from '../support/temp';

/** Absurd numbers once printed "Infinity FLOPs", "$∞" and "NaN" with exit 0, and null where the contract says number. */
describe('numbers that overflow are refused or flagged, never printed as Infinity or NaN', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('tally estimate refuses inputs whose results overflow, naming the figure, exit 2', async () => {
    t = tempDir();
    for (const args of [
      ['training', '--params', '1e300', '--tokens', '1T', '--hardware', 'h100-sxm', '--gpus', '8'],
      ['training', '--params', '7B', '--tokens', '1e300', '--hardware', 'h100-sxm', '--gpus', '8', '--json'],
      ['pilot', '--items', '1e-300', '--seconds', '50', '--hardware', 't4', '--full-items', '10M'],
    ]) {
      const r = await runCli(['estimate', ...args], { dataDir: t.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/These inputs give (a|an) [a-z -]+ too large or too small to compute: [\w.[\]]+ would be (Infinity|-Infinity|NaN)\./);
      expect(r.stdout).toBe('');
    }
  });

  it('a catalog device with 1e-300 TFLOPS cannot produce an infinite estimate', async () => {
    const b = testBackend();
    try {
      const device = { id: 'tiny', name: 'Tiny', vendor: 'X', kind: 'datacenter-gpu', bf16Tflops: 1e-300, memoryGb: 80, bandwidthGbs: 1000, tdpW: 500, source: 'test', asOf: '2026-10-01', confidence: 'verified' };
      expect((await b.backend.dispatch('catalog.upsert', { kind: 'hardware', row: device })).ok).toBe(true);
      const r = await b.backend.dispatch('estimate.training', { params: 7e9, tokens: 1e12, hardware: 'tiny', gpus: 8, pricePerGpuHourUsd: 2 });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/would be Infinity/) } });
    } finally {
      b.cleanup();
    }
  });

  it('a cell of 1e400 is flagged as a mixed-type value; min, max and mean stay finite, the HTML shows no NaN', async () => {
    t = tempDir();
    const file = join(t.dir, 'over.csv');
    writeFileSync(file, 'x,y\n1,2\n1e400,3\n5,4\n7,5\n-1e400,6\n');
    const { report, profile } = await analyseAndCheck({ file });
    const x = profile.columns.find((c) => c.name === 'x')!;
    expect(report.findings.find((f) => f.id === 'mixed_types' && f.column === 'x')?.count).toBe(2);
    const html = renderHtmlReport({
      datasetName: 'over.csv',
      referenceName: null,
      createdAt: '2026-12-05T00:00:00.000Z',
      verdict: report.verdict,
      summary: report.summary,
      findings: report.findings,
      profile,
      referenceProfile: null,
      drift: null,
      options: { target: null, id: null, time: null, population: null, thresholds: {}, failOn: 'error' },
      counts: report.counts,
      gateFailed: false,
      notes: report.notes,
    });
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(x)).not.toMatch(/null,"max"|NaN|Infinity/);
  });
});
