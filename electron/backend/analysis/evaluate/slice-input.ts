/**
 * Slice columns as read, turned into what the slice analysis takes: a categorical column by
 * value (empty and "NA"-like values folded into missing, code -1), or, when every value is a
 * number and there are many different ones, a numeric column to be binned. A text column with
 * more than SLICE_MAX_VALUES different values (an id, free text) cannot be sliced, and says so.
 * A column given bins (another file's, see SliceColumn.fixed) is binned with them whenever it
 * holds numbers only, however few values it has, so that the slices of the two files compare.
 */
import type { NumericBins } from '../../../../shared/evaluation/slices';
import { isMissingText } from './cell-problem';
import { MISSING_SLICE_VALUE, SLICE_MAX_VALUES } from './context-cells';
import type { SliceData } from './prediction-readers';

const isMissing = (v: string) => v === MISSING_SLICE_VALUE || isMissingText(v);

/** A numeric column with at most this many different values is sliced by value (ratings, counts). */
export const NUMERIC_BY_VALUE_MAX = 12;

export type SliceInput =
  | { name: string; kind: 'categorical'; codes: Int32Array; categories: readonly string[] }
  | { name: string; kind: 'numeric'; values: Float64Array; fixed?: NumericBins };

export function sliceInputs(cells: readonly SliceData[], fixed: Readonly<Record<string, NumericBins>> = {}): { columns: SliceInput[]; skipped: Array<{ column: string; reason: string }> } {
  const columns: SliceInput[] = [];
  const skipped: Array<{ column: string; reason: string }> = [];
  for (const c of cells) {
    const values = c.values;
    const present = values.filter((v) => !isMissing(v));
    const bins = Object.hasOwn(fixed, c.column) ? fixed[c.column] : undefined;
    if (c.numbers !== null && bins !== undefined) {
      columns.push({ name: c.column, kind: 'numeric', values: c.numbers, fixed: bins });
      continue;
    }
    if (c.numbers !== null && (c.overflow || present.length > NUMERIC_BY_VALUE_MAX)) {
      columns.push({ name: c.column, kind: 'numeric', values: c.numbers });
      continue;
    }
    if (c.overflow) {
      skipped.push({ column: c.column, reason: `"${c.column}" has more than ${SLICE_MAX_VALUES.toLocaleString('en-US')} different values (like an id or free text), so it was not sliced.` });
      continue;
    }
    // Fold missing spellings into -1 and renumber the rest in first-seen order.
    const remap = new Int32Array(values.length);
    const categories: string[] = [];
    values.forEach((v, k) => {
      if (isMissing(v)) remap[k] = -1;
      else {
        remap[k] = categories.length;
        categories.push(v);
      }
    });
    const codes = c.codes.map((k) => (k < 0 ? -1 : remap[k]!));
    columns.push({ name: c.column, kind: 'categorical', codes, categories });
  }
  return { columns, skipped };
}
