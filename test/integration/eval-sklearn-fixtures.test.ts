/**
 * Every case in test/fixtures/eval/*.json against scikit-learn 1.2.1's answers, which
 * test/fixtures/eval/make_fixtures.py computed (run it with /usr/bin/python3 to regenerate).
 *
 * Tolerance: |tally - sklearn| <= 1e-9 * max(1, |sklearn|), i.e. absolute 1e-9 for values up to 1
 * (rates, AUC, losses) and relative 1e-9 above (MAE, RMSE on large targets, counts).
 * Where scikit-learn raised or returned nan the fixture holds null and Tally must return null with
 * a reason. Where scikit-learn warned about zero division Tally must carry a zero_division warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLabels, evaluateBinary, evaluateMulticlass, evaluateRegression, RESIDUAL_QUANTILES, wilsonInterval } from '../../shared/evaluation';

const dir = join(__dirname, '..', 'fixtures', 'eval');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const load = (name: string): Json[] => JSON.parse(readFileSync(join(dir, name), 'utf8')).cases;

const TOL = 1e-9;

function close(actual: unknown, expected: unknown, path: string): void {
  if (expected === null || expected === undefined) {
    expect(actual, `${path} should be null`).toBeNull();
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} should be a number, got ${String(actual)}`).toBe('number');
    const diff = Math.abs((actual as number) - expected);
    expect(diff, `${path}: ${String(actual)} vs scikit-learn ${expected}`).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => close((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'string') {
    expect(String(actual), path).toBe(expected);
    return;
  }
  expect(actual, `${path} should not be null`).not.toBeNull();
  for (const [k, v] of Object.entries(expected as Record<string, unknown>)) close((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
}

/** scikit-learn keeps numeric labels as numbers; Tally's labels are the strings read from the file. */
function stringLabels<T extends { labels: unknown[] } | null>(x: T): T {
  return x === null ? x : { ...x, labels: x.labels.map(String) };
}

function expectReason(reasons: Record<string, string>, key: string, value: unknown): void {
  if (value === null) expect(reasons[key], `reason for null ${key}`).toMatch(/\w/);
}

describe('binary metrics equal scikit-learn 1.2', () => {
  for (const c of load('binary.json')) {
    it(c.name, () => {
      const inp = c.input;
      const labels: (string | number)[] = inp.labels;
      const report = evaluateBinary(
        {
          isPositive: Uint8Array.from(labels.map((l) => (l === inp.positiveLabel ? 1 : 0))),
          scores: Float64Array.from(inp.scores),
          weights: inp.weights ? Float64Array.from(inp.weights) : null,
          positiveLabel: String(inp.positiveLabel),
          negativeLabel: String(inp.negativeLabel),
        },
        { threshold: inp.threshold, maxCurvePoints: 1e9 },
      );
      const e = c.expected;
      for (const m of ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier', 'ece'] as const) {
        close(report.metrics[m], e[m], m);
        expectReason(report.reasons, m, e[m]);
      }
      close(report.confusionMatrix, stringLabels(e.confusionMatrix), 'confusionMatrix');
      close(report.rocCurve, e.rocCurve, 'rocCurve');
      close(report.prCurve, e.prCurve, 'prCurve');
      close(report.reliability, e.reliability, 'reliability');
      for (const m of e.zeroDivision as string[]) expect(report.warnings.some((w) => w.code === 'zero_division' && w.metric === m), `zero_division warning on ${m}`).toBe(true);
      if (e.baseline) {
        for (const m of ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier', 'ece'] as const) {
          close(report.baseline[m], e.baseline[m], `baseline.${m}`);
          expectReason(report.reasons, `baseline.${m}`, e.baseline[m]);
        }
      }
    });
  }
});

const MULTICLASS_KEYS: Record<string, string> = {
  accuracy: 'accuracy', balancedAccuracy: 'balancedAccuracy',
  macroPrecision: 'macroPrecision', macroRecall: 'macroRecall', macroF1: 'macroF1',
  microPrecision: 'microPrecision', microRecall: 'microRecall', microF1: 'microF1',
  weightedPrecision: 'weightedPrecision', weightedRecall: 'weightedRecall', weightedF1: 'weightedF1',
  rocAucOvrMacro: 'rocAuc', rocAucOvrWeighted: 'rocAucWeighted', logLoss: 'logLoss', brier: 'brier', ece: 'ece',
};

describe('multiclass metrics equal scikit-learn 1.2', () => {
  for (const c of load('multiclass.json')) {
    it(c.name, () => {
      const inp = c.input;
      const classes: string[] = inp.classes.map(String);
      const index = new Map(classes.map((k, i) => [k, i]));
      const toIndex = (ys: unknown[]) => Int32Array.from(ys.map((y) => index.get(String(y)) as number));
      const report = evaluateMulticlass({
        classes,
        yTrue: toIndex(inp.yTrue),
        yPred: inp.yPred ? toIndex(inp.yPred) : null,
        probabilities: Float64Array.from((inp.probabilities as number[][]).flat()),
        weights: inp.weights ? Float64Array.from(inp.weights) : null,
      });
      const e = c.expected;
      for (const [sk, key] of Object.entries(MULTICLASS_KEYS)) {
        close(report.metrics[key as keyof typeof report.metrics], e[sk], key);
        expectReason(report.reasons, key, e[sk]);
        if ((e.zeroDivision as string[]).includes(sk)) expect(report.warnings.some((w) => w.code === 'zero_division' && w.metric === key), `zero_division warning on ${key}`).toBe(true);
      }
      close(report.confusionMatrix, stringLabels(e.confusionMatrix), 'confusionMatrix');
      const pc = e.perClass;
      expect(report.perClass.map((r) => r.label)).toEqual(pc.labels.map(String));
      close(report.perClass.map((r) => r.precision), pc.precision, 'perClass.precision');
      close(report.perClass.map((r) => r.recall), pc.recall, 'perClass.recall');
      close(report.perClass.map((r) => r.f1), pc.f1, 'perClass.f1');
      close(report.perClass.map((r) => r.support), pc.support, 'perClass.support');
      expect(report.rowsNotSummingToOne).toBe(e.rowsNotSummingToOne);
      for (const [sk, key] of Object.entries(MULTICLASS_KEYS)) {
        if (!(sk in e.baseline)) continue;
        close(report.baseline[key as keyof typeof report.baseline], e.baseline[sk], `baseline.${key}`);
        expectReason(report.reasons, `baseline.${key}`, e.baseline[sk]);
      }
    });
  }
});

describe('label encoding', () => {
  it('keeps first-seen order and maps every value', () => {
    const { classes, indices } = encodeLabels(['b', 'a', 'b', 3]);
    expect(classes).toEqual(['b', 'a', '3']);
    expect(Array.from(indices)).toEqual([0, 1, 0, 2]);
  });
});

describe('regression metrics equal scikit-learn 1.2 (MAPE on the non-zero targets)', () => {
  for (const c of load('regression.json')) {
    it(c.name, () => {
      const inp = c.input;
      const report = evaluateRegression({ yTrue: Float64Array.from(inp.yTrue), yPred: Float64Array.from(inp.yPred), weights: inp.weights ? Float64Array.from(inp.weights) : null });
      const e = c.expected;
      for (const m of ['mae', 'rmse', 'r2', 'mape', 'medianAe'] as const) {
        close(report.metrics[m], e[m], m);
        expectReason(report.reasons, m, e[m]);
        if (e.baseline && m in e.baseline) {
          close(report.baseline[m], e.baseline[m], `baseline.${m}`);
          expectReason(report.reasons, `baseline.${m}`, e.baseline[m]);
        }
      }
      expect(report.mapeZeroTargets).toBe(e.mapeZeroTargets);
      if (e.mapeZeroTargets > 0 && e.mape !== null) expect(report.warnings.map((w) => w.code)).toContain('zero_targets_ignored');
      expect(RESIDUAL_QUANTILES.length).toBe(e.residualQuantiles.length);
      close(report.residuals.quantiles, e.residualQuantiles, 'residuals.quantiles');
      close(report.residuals.histogram, e.residualHistogram, 'residuals.histogram');
      close(report.residuals.mean, e.residualMean, 'residuals.mean');
    });
  }
});

describe('Wilson intervals equal scipy 1.10 binomtest(...).proportion_ci(method="wilson")', () => {
  for (const c of load('wilson.json')) {
    it(`${c.successes} of ${c.n}`, () => {
      const ci = wilsonInterval(c.successes, c.n);
      close(ci?.low, c.low, 'low');
      close(ci?.high, c.high, 'high');
    });
  }
});
