/**
 * The typed columns of consecutive byte ranges joined in file order: numbers concatenated, codes
 * renumbered into one list of values (first seen first). Lines where values first appeared are
 * known for the first range only (0 for the others: a caller that needs one reads on one thread).
 * Scores the ranges sorted per label keep their parts (in file order), with codes renumbered.
 * The label codes, predicted codes and scores are joined when first read (lazyField).
 */
import { SLICE_MAX_VALUES } from './context-cells';
import { lazyField } from './lazy-field';
import type { PredictionColumns, SliceData, ValueList } from './prediction-readers';

function concat<T extends Float64Array | Int32Array | Uint8Array>(parts: Array<T | null>, make: (n: number) => T): T | null {
  if (parts.some((p) => p === null)) return null;
  const out = make(parts.reduce((s, p) => s + p!.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p!, at);
    at += p!.length;
  }
  return out;
}

/** One value list for all parts and, per part, old code -> new code (-1 when over `cap`). */
function unite(lists: ReadonlyArray<Pick<ValueList, 'values'> & { firstLine?: readonly number[] }>, cap: number): { values: string[]; firstLine: number[]; remaps: Int32Array[]; overflow: boolean } {
  const values: string[] = [];
  const firstLine: number[] = [];
  const index = new Map<string, number>();
  let overflow = false;
  const remaps = lists.map((list, part) =>
    Int32Array.from(list.values, (v, k) => {
      let to = index.get(v);
      if (to === undefined) {
        if (values.length >= cap) {
          overflow = true;
          return -1;
        }
        to = values.length;
        values.push(v);
        firstLine.push(part === 0 ? (list.firstLine?.[k] ?? 0) : 0);
        index.set(v, to);
      }
      return to;
    }),
  );
  return { values, firstLine, remaps, overflow };
}

function remapped(parts: Array<Int32Array | null>, remaps: Int32Array[]): Int32Array | null {
  if (parts.some((p) => p === null)) return null;
  // Ranges that met the values in the same order keep their codes: copied, not looked up.
  if (remaps.every((map) => map.every((to, from) => to === from))) return concat(parts, (n) => new Int32Array(n));
  const out = new Int32Array(parts.reduce((s, p) => s + p!.length, 0));
  let at = 0;
  parts.forEach((p, i) => {
    const map = remaps[i]!;
    for (let r = 0; r < p!.length; r++) {
      const c = p![r]!;
      out[at + r] = c < 0 ? -1 : map[c]!;
    }
    at += p!.length;
  });
  return out;
}

function mergeSlices(parts: PredictionColumns[], s: number): SliceData {
  const columns = parts.map((p) => p.slices[s]!);
  const u = unite(columns, SLICE_MAX_VALUES);
  return {
    column: columns[0]!.column,
    values: u.values,
    codes: remapped(columns.map((c) => c.codes), u.remaps)!,
    numbers: concat(columns.map((c) => c.numbers), (n) => new Float64Array(n)),
    overflow: u.overflow || columns.some((c) => c.overflow),
  };
}

export function mergeColumns(parts: PredictionColumns[]): PredictionColumns {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const classes = first.classes ? unite(parts.map((p) => p.classes!), Number.MAX_SAFE_INTEGER) : null;
  const f64 = (n: number) => new Float64Array(n);
  const merged: PredictionColumns = {
    roles: first.roles,
    n: parts.reduce((s, p) => s + p.n, 0),
    classes: classes ? { values: classes.values, firstLine: classes.firstLine } : null,
    labelCodes: null,
    labelNumbers: concat(parts.map((p) => p.labelNumbers), f64),
    predictionCodes: null,
    predictionNumbers: concat(parts.map((p) => p.predictionNumbers), f64),
    score: null,
    probabilities: concat(parts.map((p) => p.probabilities), f64),
    weights: concat(parts.map((p) => p.weights), f64),
    time: concat(parts.map((p) => p.time), f64),
    trainFlag: concat(parts.map((p) => p.trainFlag), (n) => new Uint8Array(n)),
    slices: first.slices.map((_, s) => mergeSlices(parts, s)),
    renormalizedRows: parts.reduce((s, p) => s + p.renormalizedRows, 0),
    ranked: classes && parts.every((p) => p.ranked !== null) ? parts.flatMap((p, i) => p.ranked!.map((r) => ({ ...r, code: classes.remaps[i]![r.code]! }))) : null,
  };
  // Joined on first read (lazy-field.ts); each holds only its own parts' arrays until then.
  const labelParts = parts.map((p) => p.labelCodes);
  const predictionParts = parts.map((p) => p.predictionCodes);
  const scoreParts = parts.map((p) => p.score);
  lazyField(merged, 'labelCodes', () => (classes ? remapped(labelParts, classes.remaps) : null));
  lazyField(merged, 'predictionCodes', () => (classes ? remapped(predictionParts, classes.remaps) : null));
  lazyField(merged, 'score', () => concat(scoreParts, f64));
  return merged;
}
