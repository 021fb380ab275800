/**
 * Gates: conditions a user sets on an evaluation, in a tiny language:
 *
 *   gate      := operand comparator bound
 *   operand   := metric | ("slice_min" | "slice_max") "(" metric ")"
 *   comparator:= ">=" | ">" | "<=" | "<" | "=="
 *   bound     := number | "ref" [("+" | "-") number]
 *
 * e.g. `f1>=0.8`, `recall > 0.7`, `slice_min(recall)>=0.7`, `auc>=ref-0.02` (no worse than the
 * reference evaluation by more than 0.02), `logloss<=0.4`, `membership_advantage<0.05`.
 * Metric names are case-insensitive, underscores optional, with a few aliases (auc, ap, logloss).
 * A syntax error is an AppError('INVALID_INPUT') naming the gate and the 1-based position.
 */
import { AppError } from '../../domain/errors';

export type GateComparator = '>=' | '>' | '<=' | '<' | '==';
export type GateAggregate = 'value' | 'slice_min' | 'slice_max';

export interface ParsedGate {
  source: string;
  metric: string;
  aggregate: GateAggregate;
  comparator: GateComparator;
  bound: { kind: 'number'; value: number } | { kind: 'reference'; offset: number };
}

const CANONICAL = [
  'accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'rocAuc', 'rocAucWeighted', 'averagePrecision', 'logLoss', 'brier', 'ece',
  'macroPrecision', 'macroRecall', 'macroF1', 'microPrecision', 'microRecall', 'microF1', 'weightedPrecision', 'weightedRecall', 'weightedF1',
  'mae', 'rmse', 'r2', 'mape', 'medianAe', 'membershipAdvantage',
];
const ALIASES: Record<string, string> = {
  auc: 'rocAuc', ap: 'averagePrecision', medae: 'medianAe', medianabsoluteerror: 'medianAe', brierscore: 'brier',
  mia: 'membershipAdvantage', miaadvantage: 'membershipAdvantage', weightedauc: 'rocAucWeighted',
};
const LOOKUP = new Map<string, string>([...CANONICAL.map((c) => [c.toLowerCase(), c] as [string, string]), ...Object.entries(ALIASES)]);

/** The metric key a user's name stands for, or null. */
export function resolveMetricName(name: string): string | null {
  return LOOKUP.get(name.toLowerCase().replace(/_/g, '')) ?? null;
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new AppError('INVALID_INPUT', `Gate "${this.text}": ${message} at position ${at + 1}.`, { location: { field: 'gate', column: at + 1 } });
  }

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  word(): { text: string; at: number } {
    this.skip();
    const at = this.pos;
    const m = /^[A-Za-z][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail(this.pos >= this.text.length ? 'expected a metric name' : `expected a metric name, found "${this.text[this.pos]}"`);
    this.pos += m[0].length;
    return { text: m[0], at };
  }

  number(what: string): number {
    this.skip();
    const m = /^\d+(\.\d+)?([eE][+-]?\d+)?|^\.\d+/.exec(this.text.slice(this.pos));
    if (!m) this.fail(this.pos >= this.text.length ? `expected ${what}` : `expected ${what}, found "${this.text[this.pos]}"`);
    this.pos += m[0].length;
    return Number(m[0]);
  }

  expect(ch: string, what: string): void {
    if (this.peek() !== ch) this.fail(this.pos >= this.text.length ? `expected ${what}` : `expected ${what}, found "${this.text[this.pos]}"`);
    this.pos++;
  }
}

function metric(c: Cursor, w: { text: string; at: number }): string {
  const key = resolveMetricName(w.text);
  if (key === null) c.fail(`unknown metric "${w.text}" (known: ${CANONICAL.join(', ')})`, w.at);
  return key;
}

export function parseGate(source: string): ParsedGate {
  const c = new Cursor(source);
  const first = c.word();
  let aggregate: GateAggregate = 'value';
  let name: string;
  if (c.peek() === '(') {
    const fn = first.text.toLowerCase();
    if (fn !== 'slice_min' && fn !== 'slice_max') c.fail(`unknown function "${first.text}" (use slice_min or slice_max)`, first.at);
    aggregate = fn as GateAggregate;
    c.pos++;
    name = metric(c, c.word());
    c.expect(')', '")"');
  } else name = metric(c, first);

  c.skip();
  const at = c.pos;
  const op = /^(>=|<=|==|>|<|=)/.exec(c.text.slice(c.pos))?.[0] ?? '';
  if (op === '') c.fail(c.pos >= c.text.length ? 'expected a comparison (>=, >, <=, < or ==)' : `expected a comparison (>=, >, <=, < or ==), found "${c.text[c.pos]}"`);
  if (op === '=') c.fail('"=" is not a comparison; use ">=", "<=" or "=="', at);
  c.pos += op.length;

  let bound: ParsedGate['bound'];
  c.skip();
  if (/^ref\b/i.test(c.text.slice(c.pos))) {
    c.pos += 3;
    const sign = c.peek();
    if (sign === '+' || sign === '-') {
      c.pos++;
      const v = c.number('a number after "ref' + sign + '"');
      bound = { kind: 'reference', offset: sign === '-' ? -v : v };
    } else bound = { kind: 'reference', offset: 0 };
  } else {
    const negative = c.peek() === '-';
    if (negative) c.pos++;
    const v = c.number('a number or "ref"');
    bound = { kind: 'number', value: negative ? -v : v };
  }
  if (c.peek() !== '') c.fail(`unexpected "${c.text[c.pos]}"`);
  return { source, metric: name, aggregate, comparator: op as GateComparator, bound };
}
