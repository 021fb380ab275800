/**
 * Slices split over two threads give exactly the slices evaluated one after another here, for
 * each task; and the evaluation's slices (which reuse the report as the overall subset) equal
 * evaluateSlices run afresh on the same columns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../../shared/budget/seeded-rng';
import { evaluateSlices, evaluateSubset, planSlices, type SliceColumn, type SliceEvaluation } from '../../../../shared/evaluation';
import { binaryPredictions, toCsv } from '../../../../test/fixtures/predictions/generate';
import { tempDir } from '../../../../test/support/temp';
import { evaluateRequest } from './evaluate-request';
import { evaluatePlannedSlices } from './slice-threads';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-slice-threads-');
});
afterEach(() => t.cleanup());

function tasks(n: number): Array<{ evaluation: SliceEvaluation; columns: SliceColumn[] }> {
  const rng = createSeededRng(5);
  const group = Int32Array.from({ length: n }, () => Math.floor(rng.next() * 3));
  const age = Float64Array.from({ length: n }, () => 18 + Math.floor(rng.next() * 60));
  const columns: SliceColumn[] = [{ name: 'shop', kind: 'categorical', codes: group, categories: ['a', 'b', 'c'] }, { name: 'age', kind: 'numeric', values: age }];
  const isPositive = Uint8Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
  const scores = Float64Array.from(isPositive, (y) => Math.min(1, Math.max(0, (y ? 0.65 : 0.35) + rng.normal() * 0.2)));
  const yTrue = Int32Array.from({ length: n }, () => Math.floor(rng.next() * 3));
  const probabilities = new Float64Array(n * 3);
  yTrue.forEach((y, i) => {
    const p = 0.4 + rng.next() * 0.4;
    for (let k = 0; k < 3; k++) probabilities[i * 3 + k] = k === y ? p : (1 - p) / 2;
  });
  const target = Float64Array.from({ length: n }, () => rng.normal() * 10 + 50);
  const predicted = target.map((v) => v + rng.normal() * 3);
  return [
    { evaluation: { task: 'binary', input: { isPositive, scores }, options: { threshold: 0.5 } }, columns },
    { evaluation: { task: 'multiclass', input: { classes: ['x', 'y', 'z'], yTrue, probabilities } }, columns },
    { evaluation: { task: 'regression', input: { yTrue: target, yPred: predicted } }, columns },
  ];
}

describe('evaluatePlannedSlices', () => {
  it('gives on two threads what one thread gives, for binary, multiclass and regression slices', async () => {
    for (const { evaluation, columns } of tasks(3000)) {
      const plan = planSlices(evaluation, columns, { bootstrap: { resamples: 60 } });
      const split = await evaluatePlannedSlices(evaluation, plan, { threads: 2, minWork: 1, spareCore: true });
      expect(split.onThread).toBeGreaterThan(0);
      const here = plan.columns.map((c) => c.slices.map((s) => evaluateSubset(evaluation, s.rows, s.boot)));
      expect(split.results).toEqual(here);
      const small = await evaluatePlannedSlices(evaluation, plan, { threads: 2, spareCore: true });
      expect(small.onThread).toBe(0);
      expect(small.results).toEqual(here);
      const busy = await evaluatePlannedSlices(evaluation, plan, { threads: 2, minWork: 1, spareCore: false });
      expect(busy.onThread).toBe(0);
      expect(busy.results).toEqual(here);
    }
  });
});

describe('evaluation slices', () => {
  it('equal evaluateSlices on the same columns, the report reused as the whole and slices on a thread', async () => {
    const file = join(t.dir, 'p.csv');
    const rows = binaryPredictions(6000);
    writeFileSync(file, toCsv(rows));
    const roles = { label: 'label', score: 'score', slices: ['region'] };
    const options = { bootstrapSamples: 80, labelIssues: false };
    const split = await evaluateRequest({ kind: 'evaluate', file, roles, options, sliceThreadMinWork: 1 }, () => {});
    const one = await evaluateRequest({ kind: 'evaluate', file, roles, options, threads: 1 }, () => {});
    expect(split.result.slices).toEqual(one.result.slices);
    const regions = [...new Set(rows.map((r) => r.region))];
    const direct = evaluateSlices(
      { task: 'binary', input: { isPositive: Uint8Array.from(rows, (r) => r.label), scores: Float64Array.from(rows, (r) => r.score), positiveLabel: '1', negativeLabel: '0' }, options: { threshold: 0.5 } },
      [{ name: 'region', kind: 'categorical', codes: Int32Array.from(rows, (r) => regions.indexOf(r.region)), categories: regions }],
      { bootstrap: { resamples: 80 } },
    );
    expect(one.result.slices.map((s) => [s.value, s.n, s.metrics.f1, s.ci.f1?.low, s.ci.f1?.high, s.verdict, s.note])).toEqual(
      direct.slices.map((s) => [s.value, s.n, s.metrics.f1, s.ci.f1?.low, s.ci.f1?.high, s.judgements[0]!.verdict, s.message]),
    );
  });
});
