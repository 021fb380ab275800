import { describe, expect, it } from 'vitest';
import { type AppError } from '../../domain/errors';
import { evaluateGate, evaluateGates } from './gate-evaluate';
import { parseGate } from './gate-parser';

function errorOf(source: string): AppError {
  try {
    parseGate(source);
  } catch (e) {
    return e as AppError;
  }
  throw new Error(`"${source}" parsed`);
}

describe('gate parser', () => {
  it.each([
    ['f1>=0.8', { metric: 'f1', aggregate: 'value', comparator: '>=', bound: { kind: 'number', value: 0.8 } }],
    ['recall > 0.7', { metric: 'recall', aggregate: 'value', comparator: '>', bound: { kind: 'number', value: 0.7 } }],
    ['slice_min(recall)>=0.7', { metric: 'recall', aggregate: 'slice_min', comparator: '>=', bound: { kind: 'number', value: 0.7 } }],
    ['auc>=ref-0.02', { metric: 'rocAuc', aggregate: 'value', comparator: '>=', bound: { kind: 'reference', offset: -0.02 } }],
    ['logloss<=0.4', { metric: 'logLoss', aggregate: 'value', comparator: '<=', bound: { kind: 'number', value: 0.4 } }],
    ['Macro_F1 == 1', { metric: 'macroF1', aggregate: 'value', comparator: '==', bound: { kind: 'number', value: 1 } }],
    ['r2 > -0.5', { metric: 'r2', aggregate: 'value', comparator: '>', bound: { kind: 'number', value: -0.5 } }],
    ['SLICE_MAX( mae ) < ref + 3', { metric: 'mae', aggregate: 'slice_max', comparator: '<', bound: { kind: 'reference', offset: 3 } }],
    ['membership_advantage<.05', { metric: 'membershipAdvantage', aggregate: 'value', comparator: '<', bound: { kind: 'number', value: 0.05 } }],
  ])('parses %s', (source, expected) => {
    expect(parseGate(source)).toEqual({ source, ...expected });
  });

  it.each([
    ['f1>=', 'Gate "f1>=": expected a number or "ref" at position 5.'],
    ['fi>=0.8', 'Gate "fi>=0.8": unknown metric "fi" (known: accuracy, balancedAccuracy, precision, recall, f1, rocAuc, rocAucWeighted, averagePrecision, logLoss, brier, ece, macroPrecision, macroRecall, macroF1, microPrecision, microRecall, microF1, weightedPrecision, weightedRecall, weightedF1, mae, rmse, r2, mape, medianAe, membershipAdvantage) at position 1.'],
    ['f1=0.8', 'Gate "f1=0.8": "=" is not a comparison; use ">=", "<=" or "==" at position 3.'],
    ['f1 0.8', 'Gate "f1 0.8": expected a comparison (>=, >, <=, < or ==), found "0" at position 4.'],
    ['slice_avg(f1)>0.5', 'Gate "slice_avg(f1)>0.5": unknown function "slice_avg" (use slice_min or slice_max) at position 1.'],
    ['slice_min(f1>0.5', 'Gate "slice_min(f1>0.5": expected ")", found ">" at position 13.'],
    ['f1>=0.8 and', 'Gate "f1>=0.8 and": unexpected "a" at position 9.'],
    ['auc>=ref-', 'Gate "auc>=ref-": expected a number after "ref-" at position 10.'],
    ['', 'Gate "": expected a metric name at position 1.'],
  ])('explains where "%s" goes wrong', (source, message) => {
    const e = errorOf(source);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(message);
    expect(e.location?.column).toBe(Number(/position (\d+)/.exec(message)?.[1]));
  });
});

const result = {
  metrics: { f1: 0.83, recall: 0.78, rocAuc: 0.9, logLoss: 0.42, precision: null },
  reasons: { precision: 'Nothing was predicted positive.' },
  slices: [
    { column: 'age', value: '60+', metrics: { recall: 0.64 }, tooSmall: false },
    { column: 'age', value: '< 30', metrics: { recall: 0.85 }, tooSmall: false },
    { column: 'age', value: '90+', metrics: { recall: 0.1 }, tooSmall: true },
  ],
};
const reference = { metrics: { f1: 0.8, rocAuc: 0.93 } };

describe('gate evaluation', () => {
  it('passes and fails with the values and a sentence', () => {
    expect(evaluateGate('f1>=0.8', result)).toEqual({ gate: 'f1>=0.8', passed: true, actual: 0.83, bound: 0.8, detail: 'F1 is 0.83, meeting >= 0.8: pass.' });
    expect(evaluateGate('logloss<=0.4', result)).toMatchObject({ passed: false, actual: 0.42, bound: 0.4, detail: 'Log loss is 0.42, missing <= 0.4: fail.' });
  });

  it('takes the lowest slice that is large enough to judge', () => {
    expect(evaluateGate('slice_min(recall)>=0.7', result)).toEqual({ gate: 'slice_min(recall)>=0.7', passed: false, actual: 0.64, bound: 0.7, slice: 'age = 60+', detail: 'Recall (lowest on age = 60+) is 0.64, missing >= 0.7: fail.' });
  });

  it('compares with a reference evaluation', () => {
    const r = evaluateGate('auc>=ref-0.02', result, reference);
    expect(r.passed).toBe(false);
    expect(r.bound).toBeCloseTo(0.91, 15);
    expect(evaluateGate('f1>=ref', result, reference).passed).toBe(true);
    expect(evaluateGate('auc>=ref-0.02', result).detail).toBe('auc>=ref-0.02: not met, there is no reference evaluation to compare with.');
  });

  it('fails, saying why, when the value cannot be read', () => {
    expect(evaluateGate('precision>0.5', result).detail).toBe('precision>0.5: not met, Precision could not be computed: Nothing was predicted positive.');
    expect(evaluateGate('mae<3', result).detail).toBe('mae<3: not met, Mean absolute error is not reported for this kind of evaluation.');
    expect(evaluateGate('slice_min(recall)>0.5', { metrics: {} }).detail).toBe('slice_min(recall)>0.5: not met, the evaluation has no slices.');
    expect(evaluateGate('membership_advantage<0.05', { metrics: {}, membershipAdvantage: 0.01 }).passed).toBe(true);
  });

  it('passes a list only when every gate passes', () => {
    expect(evaluateGates(['f1>=0.8', 'auc>=0.85'], result).passed).toBe(true);
    const all = evaluateGates(['f1>=0.8', 'slice_min(recall)>=0.7'], result);
    expect(all.passed).toBe(false);
    expect(all.results.map((r) => r.passed)).toEqual([true, false]);
  });
});
