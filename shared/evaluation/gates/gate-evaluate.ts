/**
 * Evaluates gates against an evaluation result (and a reference evaluation for `ref` bounds):
 * pass or fail with the values behind the decision and a sentence. A gate fails, saying why, when
 * its value cannot be read: the metric does not apply or could not be computed, no slice is large
 * enough to judge, or there is no reference to compare with. Slice aggregates ignore slices marked
 * too small to judge.
 */
import { type GateComparator, type ParsedGate, parseGate } from './gate-parser';
import { metricLabel } from '../slices/slice-text';

export interface GateSubject {
  metrics: Record<string, number | null>;
  reasons?: Record<string, string>;
  slices?: ReadonlyArray<{ column: string; value: string; metrics: Record<string, number | null>; tooSmall: boolean }>;
  membershipAdvantage?: number | null;
}

export interface GateResult {
  gate: string;
  passed: boolean;
  /** The value compared (null when it could not be read). */
  actual: number | null;
  /** The bound it was compared with (null when it could not be read). */
  bound: number | null;
  /** For slice_min / slice_max: which slice gave the value. */
  slice?: string;
  detail: string;
}

function compare(a: number, op: GateComparator, b: number): boolean {
  return op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : op === '<' ? a < b : a === b;
}

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

function read(s: GateSubject, g: ParsedGate): { value: number | null; slice?: string; why?: string } {
  if (g.metric === 'membershipAdvantage' && g.aggregate === 'value') {
    return s.membershipAdvantage == null ? { value: null, why: 'no membership-inference result (the file has no training/held-out column)' } : { value: s.membershipAdvantage };
  }
  if (g.aggregate === 'value') {
    if (!(g.metric in s.metrics)) return { value: null, why: `${metricLabel(g.metric)} is not reported for this kind of evaluation` };
    const v = s.metrics[g.metric] ?? null;
    return v === null ? { value: null, why: `${metricLabel(g.metric)} could not be computed${s.reasons?.[g.metric] ? `: ${s.reasons[g.metric].replace(/\.$/, '')}` : ''}` } : { value: v };
  }
  const judged = (s.slices ?? []).filter((x) => !x.tooSmall && typeof x.metrics[g.metric] === 'number');
  if (judged.length === 0) return { value: null, why: s.slices?.length ? 'no slice is large enough to judge' : 'the evaluation has no slices' };
  const pickMin = g.aggregate === 'slice_min';
  const best = judged.reduce((a, b) => ((pickMin ? (b.metrics[g.metric] as number) < (a.metrics[g.metric] as number) : (b.metrics[g.metric] as number) > (a.metrics[g.metric] as number)) ? b : a));
  return { value: best.metrics[g.metric] as number, slice: `${best.column} = ${best.value}` };
}

export function evaluateGate(gate: string | ParsedGate, subject: GateSubject, reference?: GateSubject | null): GateResult {
  const g = typeof gate === 'string' ? parseGate(gate) : gate;
  const got = read(subject, g);
  const fail = (why: string, actual: number | null = got.value): GateResult => ({ gate: g.source, passed: false, actual, bound: null, detail: `${g.source}: not met, ${why}.` });
  if (got.value === null) return fail(got.why ?? 'no value');
  let bound: number;
  if (g.bound.kind === 'number') bound = g.bound.value;
  else {
    if (!reference) return fail('there is no reference evaluation to compare with');
    const ref = read(reference, g);
    if (ref.value === null) return fail(`the reference has no value (${ref.why ?? 'missing'})`);
    bound = ref.value + g.bound.offset;
  }
  const passed = compare(got.value, g.comparator, bound);
  const where = got.slice ? ` (lowest/highest on ${got.slice})`.replace('lowest/highest', g.aggregate === 'slice_min' ? 'lowest' : 'highest') : '';
  const detail = `${metricLabel(g.metric)}${where} is ${fmt(got.value)}, ${passed ? 'meeting' : 'missing'} ${g.comparator} ${fmt(bound)}: ${passed ? 'pass' : 'fail'}.`;
  return { gate: g.source, passed, actual: got.value, bound, ...(got.slice ? { slice: got.slice } : {}), detail };
}

export function evaluateGates(gates: ReadonlyArray<string | ParsedGate>, subject: GateSubject, reference?: GateSubject | null): { passed: boolean; results: GateResult[] } {
  const results = gates.map((g) => evaluateGate(g, subject, reference));
  return { passed: results.every((r) => r.passed), results };
}
