/**
 * Gates of an evaluation: conditions such as "f1>=0.8", "slice_min(recall)>=0.7" or
 * "rocAuc>=ref-0.02", judged by shared/evaluation's gate language on the result (and a reference
 * evaluation's result for `ref`). A condition that does not parse is INVALID_INPUT naming it.
 */
import type { EvaluationResult, GateResult } from '../../../shared/contract/evaluation-result';
import { AppError, isAppError } from '../../../shared/domain/errors';
import { evaluateGates, type GateSubject, parseGate } from '../../../shared/evaluation/gates';

export type GateReference = Pick<EvaluationResult, 'metrics' | 'slices'> & Partial<Pick<EvaluationResult, 'reasons' | 'membershipInference'>>;

function subjectOf(r: GateReference): GateSubject {
  return { metrics: r.metrics, reasons: r.reasons ?? {}, slices: r.slices, membershipAdvantage: r.membershipInference?.advantage ?? null };
}

/** Refuses a condition that does not parse, before any file is read. */
export function checkGates(expressions: readonly string[]): void {
  expressions.forEach((g, i) => {
    try {
      parseGate(g);
    } catch (e) {
      throw new AppError('INVALID_INPUT', e instanceof Error ? e.message : String(e), { location: { field: `options.gates.${i}` } });
    }
  });
}

export function judgeGates(result: GateReference, expressions: readonly string[], reference: GateReference | null): GateResult[] {
  if (expressions.length === 0) return [];
  checkGates(expressions);
  try {
    return evaluateGates(expressions, subjectOf(result), reference ? subjectOf(reference) : null).results.map((g) => ({
      expression: g.gate,
      passed: g.passed,
      actual: g.actual,
      bound: g.bound,
      slice: g.slice ?? null,
      message: g.detail,
    }));
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('INVALID_INPUT', e instanceof Error ? e.message : String(e));
  }
}
