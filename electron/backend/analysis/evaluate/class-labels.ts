/**
 * The classes of a classification file once it is read: numeric labels spelled differently
 * ("1" and "1.0") are one class, as pandas reads them; a binary file must hold at most two; the
 * positive label is the one given, or guessed with a reason.
 */
import { AppError } from '../../../../shared/domain/errors';
import type { PredictionColumns } from './prediction-readers';
import { choosePositiveLabel } from './positive-label';
import { parseError } from '../read/parse-error';
import { lazyField } from './lazy-field';

export interface ClassLabels {
  /** Class names; codes index into this. */
  values: string[];
  labelCodes: Int32Array;
  predictionCodes: Int32Array | null;
  /** Rows per class (true labels). */
  counts: number[];
  /** Class of each value the reader saw (columns.classes codes -> codes into `values`). */
  classOf: Int32Array;
}

function isNumeric(v: string): boolean {
  return v.trim() !== '' && Number.isFinite(Number(v));
}

/**
 * Merge classes whose values are the same number when every value is a number. The codes are
 * renumbered when first read (lazy-field.ts); the rows per class come from the parts the range
 * threads sorted when there are some, so a binary report from them never builds the codes.
 */
export function canonicalClasses(columns: PredictionColumns): ClassLabels {
  const dict = columns.classes!;
  let values = [...dict.values];
  let classOf = Int32Array.from(values, (_, k) => k);
  let remap: Int32Array | null = null;
  const closed = columns.roles.probabilityColumns.length > 0;
  if (!closed && values.length > 0 && values.every(isNumeric)) {
    const canonical = values.map((v) => String(Number(v)));
    const merged: string[] = [];
    const toMerged = new Int32Array(values.length);
    const index = new Map<string, number>();
    canonical.forEach((c, k) => {
      let to = index.get(c);
      if (to === undefined) {
        to = merged.length;
        merged.push(c);
        index.set(c, to);
      }
      toMerged[k] = to;
    });
    if (merged.length !== values.length || merged.some((m, k) => m !== values[k])) {
      remap = toMerged;
      classOf = toMerged;
    }
    values = merged;
  }
  const counts = new Array<number>(values.length).fill(0);
  const out: ClassLabels = { values, labelCodes: new Int32Array(0), predictionCodes: null, counts, classOf };
  const renumbered = (codes: Int32Array | null) => (codes && remap ? codes.map((c) => remap[c]!) : codes);
  lazyField(out, 'labelCodes', () => renumbered(columns.labelCodes)!);
  lazyField(out, 'predictionCodes', () => renumbered(columns.predictionCodes));
  if (columns.ranked !== null) {
    for (const part of columns.ranked) counts[classOf[part.code]!]! += part.sorted !== undefined ? part.sorted.length : part.rows!;
  } else {
    const labelCodes = out.labelCodes;
    for (let i = 0; i < labelCodes.length; i++) counts[labelCodes[i]!]!++;
  }
  return out;
}

const NEGATIVE_OF: Record<string, string> = { '1': '0', true: 'false', yes: 'no', y: 'n', positive: 'negative', pos: 'neg' };
const POSITIVE_OF: Record<string, string> = Object.fromEntries(Object.entries(NEGATIVE_OF).map(([p, n]) => [n, p]));

export interface BinaryClasses {
  positive: string;
  negative: string;
  positiveCode: number;
  reason: string;
}

/** The two classes of a binary file; a third value is refused at the first line it appears on. */
export function binaryClasses(file: string, columns: PredictionColumns, classes: ClassLabels, positiveGiven: string | undefined): BinaryClasses {
  const dict = columns.classes!;
  if (classes.values.length > 2) {
    const third = classes.values[2]!;
    const k = dict.values.findIndex((v) => v === third || (isNumeric(v) && String(Number(v)) === third));
    const col = columns.roles.prediction !== null && classes.counts[2] === 0 ? `predicted label column "${columns.roles.prediction}"` : `label column "${columns.roles.label}"`;
    throw parseError(
      file,
      `the ${col} holds a third class, ${JSON.stringify(third)}, after ${JSON.stringify(classes.values[0])} and ${JSON.stringify(classes.values[1])}; a binary evaluation needs two classes. Evaluate it as multiclass.`,
      dict.firstLine[k] || undefined,
    );
  }
  const values = classes.values;
  if (positiveGiven !== undefined) {
    const k = values.findIndex((v) => v === positiveGiven || (isNumeric(v) && isNumeric(positiveGiven) && Number(v) === Number(positiveGiven)));
    if (k < 0 && values.length === 2) {
      throw new AppError('INVALID_INPUT', `The positive label "${positiveGiven}" is not one of the labels in the file (${values.map((v) => `"${v}"`).join(', ')}).`, { location: { field: 'positiveLabel' } });
    }
    if (k >= 0) return { positive: values[k]!, negative: values[1 - k] ?? otherLabel(values[k]!, false), positiveCode: k, reason: 'given' };
    // The file holds one class and the positive label is the other one.
    return { positive: positiveGiven, negative: values[0]!, positiveCode: -1, reason: 'given' };
  }
  if (values.length === 2) {
    const chosen = choosePositiveLabel(values, classes.counts);
    const k = values.indexOf(chosen.value);
    return { positive: values[k]!, negative: values[1 - k]!, positiveCode: k, reason: chosen.reason };
  }
  // One class only: it is the positive class unless it reads as a negative word.
  const only = values[0]!;
  const word = only.trim().toLowerCase();
  if (POSITIVE_OF[word] !== undefined) return { positive: POSITIVE_OF[word], negative: only, positiveCode: -1, reason: `only "${only}" occurs, which reads as the negative class` };
  return { positive: only, negative: otherLabel(only, true), positiveCode: 0, reason: `only "${only}" occurs` };
}

function otherLabel(label: string, labelIsPositive: boolean): string {
  const word = label.trim().toLowerCase();
  const other = labelIsPositive ? NEGATIVE_OF[word] : POSITIVE_OF[word];
  return other ?? (labelIsPositive ? `not ${label}` : `not ${label}`);
}
