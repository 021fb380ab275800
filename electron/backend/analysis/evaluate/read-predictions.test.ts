/**
 * The predictions reader on its own: a split read over two threads gives the same columns as one
 * thread (and the same evaluation), a bad cell or a third class in the second range still names
 * its exact line, and the counts-only Wilson intervals equal the core's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binaryPredictions, toCsv } from '../../../../test/fixtures/predictions/generate';
import { tempDir } from '../../../../test/support/temp';
import { AppError } from '../../../../shared/domain/errors';
import { COUNTING_MIN } from '../../../../shared/evaluation/stats/decimal-counts';
import { evaluateColumns } from './evaluate-columns';
import { evaluateRequest } from './evaluate-request';
import { readPredictions } from './read-predictions';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-read-predictions-');
});
afterEach(() => t.cleanup());

const roles = { label: 'label', score: 'score', slices: ['region', 'age'], trainFlag: 'in_train' };

describe('readPredictions', () => {
  it('reads the same columns on one thread and split over two', async () => {
    const file = join(t.dir, 'p.csv');
    writeFileSync(file, toCsv(binaryPredictions(20_000)));
    const one = await readPredictions(file, roles, { threads: 1 });
    const two = await readPredictions(file, roles, { threads: 2, parallelMinBytes: 1 });
    expect(two.columns.n).toBe(20_000);
    expect(Array.from(two.columns.score!)).toEqual(Array.from(one.columns.score!));
    const labels = (c: typeof one.columns) => Array.from(c.labelCodes!, (k) => c.classes!.values[k]);
    expect(labels(two.columns)).toEqual(labels(one.columns));
    expect(Array.from(two.columns.trainFlag!)).toEqual(Array.from(one.columns.trainFlag!));
    for (const s of [0, 1]) {
      const decode = (c: typeof one.columns) => Array.from(c.slices[s]!.codes, (k) => c.slices[s]!.values[k]);
      expect(decode(two.columns)).toEqual(decode(one.columns));
      expect(two.columns.slices[s]!.numbers === null).toBe(one.columns.slices[s]!.numbers === null);
    }
    const a = await evaluateRequest({ kind: 'evaluate', file, roles, options: { bootstrapSamples: 50 }, threads: 1 }, () => {});
    const b = await evaluateRequest({ kind: 'evaluate', file, roles, options: { bootstrapSamples: 50 }, threads: 2, parallelMinBytes: 1 }, () => {});
    expect(b.result).toEqual(a.result);
  });

  it('joins label codes of ranges that met the classes in a different order', async () => {
    // The first range meets "b" first, the second "a": the second's codes are renumbered; in
    // the same order they are copied. Either way the labels are the one-thread read's.
    for (const flip of [true, false]) {
      const file = join(t.dir, `order-${flip}.csv`);
      const label = (i: number) => (i < 1000 ? (i >= 990 ? 'a' : 'b') : flip ? (i >= 1990 ? 'b' : 'a') : i === 1000 ? 'b' : 'a');
      writeFileSync(file, `label,score\n${Array.from({ length: 2000 }, (_, i) => `${label(i)},0.${String(i).padStart(4, '0')}`).join('\n')}\n`);
      const one = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 1 });
      const two = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 });
      const labels = (c: typeof one.columns) => Array.from(c.labelCodes!, (k) => c.classes!.values[k]);
      expect(labels(two.columns)).toEqual(labels(one.columns));
      expect(two.columns.classes!.values).toEqual(['b', 'a']);
    }
  });

  it('ranges large enough to count their six-decimal scores give the one-thread result, also when one range must sort', async () => {
    // Each range holds more than COUNTING_MIN rows, so the range threads count instead of sorting.
    const rows = binaryPredictions(2 * COUNTING_MIN + 20_000).map((r) => ({ label: r.label, score: r.score }));
    const file = join(t.dir, 'large.csv');
    const request = (threads: number) => ({ kind: 'evaluate' as const, file, roles: { label: 'label', score: 'score' }, options: { bootstrapSamples: 0, labelIssues: false }, threads, parallelMinBytes: 1 });
    writeFileSync(file, toCsv(rows));
    const read = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 });
    expect(read.columns.ranked?.map((p) => p.counts !== undefined)).toEqual([true, true, true, true]);
    expect((await evaluateRequest(request(2), () => {})).result).toEqual((await evaluateRequest(request(1), () => {})).result);
    // A seven-decimal score near the end: the last range sorts by radix, the first still counts.
    rows[rows.length - 10]!.score = 0.1234567;
    writeFileSync(file, toCsv(rows));
    const mixed = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 });
    expect(mixed.columns.ranked?.map((p) => p.counts !== undefined)).toEqual([true, true, false, false]);
    expect((await evaluateRequest(request(2), () => {})).result).toEqual((await evaluateRequest(request(1), () => {})).result);
  });

  it('a report from thread-sorted scores joins no rows until the extras read them', async () => {
    const file = join(t.dir, 'lazy.csv');
    writeFileSync(file, toCsv(binaryPredictions(6000).map((r) => ({ label: r.label, score: r.score }))));
    const one = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 1 });
    const two = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 });
    const built = (key: 'score' | 'labelCodes' | 'predictionCodes') => Object.getOwnPropertyDescriptor(two.columns, key)!.get === undefined;
    expect(two.columns.ranked).not.toBeNull();
    const a = evaluateColumns(file, one.columns, { bootstrapSamples: 0 });
    const b = evaluateColumns(file, two.columns, { bootstrapSamples: 0 });
    expect(b.result).toEqual(a.result);
    expect([built('score'), built('labelCodes'), built('predictionCodes')]).toEqual([false, false, false]);
    // Read now (as slices and label issues read them): the one-thread rows, built once.
    expect(Array.from(b.core.binary!.scores!)).toEqual(Array.from(a.core.binary!.scores!));
    expect(Array.from(b.core.binary!.isPositive)).toEqual(Array.from(a.core.binary!.isPositive));
    expect([built('score'), built('labelCodes')]).toEqual([true, true]);
    expect(b.core.binary!.scores).toBe(two.columns.score);
    two.columns.predictionCodes = new Int32Array([7]);
    expect(Array.from(two.columns.predictionCodes)).toEqual([7]);
  });

  it('a bad cell or a third class in the second range names its exact line', async () => {
    const rows = binaryPredictions(4000).map((r) => ({ label: String(r.label), score: String(r.score) }));
    rows[3500]!.score = 'oops';
    const file = join(t.dir, 'bad.csv');
    writeFileSync(file, toCsv(rows));
    const e = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe('bad.csv, line 3502, column 3: column "score" holds "oops", which is not a number; expected a probability between 0 and 1.');
    rows[3500]!.score = '0.5';
    rows[3700]!.label = '7';
    writeFileSync(file, toCsv(rows));
    const read = await readPredictions(file, { label: 'label', score: 'score' }, { threads: 2, parallelMinBytes: 1 });
    const third = (() => {
      try {
        evaluateColumns(file, read.columns);
      } catch (x) {
        return x as AppError;
      }
      return null;
    })();
    expect(third?.message).toBe('bad.csv, line 3702: the label column "label" holds a third class, "7", after "1" and "0"; a binary evaluation needs two classes. Evaluate it as multiclass.');
  });

  it("counts-only Wilson intervals equal the core's (with unit weights, which take the core's path)", async () => {
    const rows = binaryPredictions(5000);
    const file = join(t.dir, 'w.csv');
    writeFileSync(file, toCsv(rows.map((r) => ({ ...r, w: 1 }))));
    const plain = evaluateColumns(file, (await readPredictions(file, { label: 'label', score: 'score' })).columns, { bootstrapSamples: 0 }).result;
    const weighted = evaluateColumns(file, (await readPredictions(file, { label: 'label', score: 'score', weight: 'w' })).columns, { bootstrapSamples: 0 }).result;
    expect(Object.keys(plain.ci).sort()).toEqual(['accuracy', 'precision', 'recall']);
    for (const k of ['accuracy', 'precision', 'recall']) {
      expect(plain.ci[k]!.low).toBeCloseTo(weighted.ci[k]!.low, 14);
      expect(plain.ci[k]!.high).toBeCloseTo(weighted.ci[k]!.high, 14);
    }
  });
});
