/**
 * How a row of the joint row sample is kept: as cell strings, or (CSV) as the row's text with
 * field offsets, split into cells only once the sample is final.
 */
import { CellKind } from './cell-kind';
import { KEPT_TEXT_BYTES, keptText } from './kept-text';

/** Raw cell text of a sampled row; null for real or disguised missing. */
export type RawRow = (string | null)[];

/**
 * A sampled CSV row kept as ONE string (the row's bytes decoded once) plus field offsets into
 * it; -1 marks a missing cell. Most sampled rows are replaced later in the pass, so splitting
 * into per-cell strings waits until the sample is final (unpackRow): one decode per sampled row
 * instead of one per cell cut the decode and GC share of the profile.
 */
export interface PackedRow {
  text: string;
  at: number[];
}

export type SampledRow = RawRow | PackedRow;

export function unpackRow(row: SampledRow): RawRow {
  if (Array.isArray(row)) return row;
  const out: RawRow = new Array(row.at.length / 2);
  for (let c = 0; c < out.length; c++) out[c] = row.at[2 * c]! < 0 ? null : row.text.slice(row.at[2 * c], row.at[2 * c + 1]);
  return out;
}

const utf8 = new TextDecoder('utf-8');

/**
 * The sample entry of a CSV row: cells [first, first + n) of starts/ends, bytes in buf; kinds[c]
 * is the CellKind column c's cell was added as (missing and disguised cells are kept as null).
 */
export function sampleCsvRow(buf: Uint8Array, starts: Int32Array, ends: Int32Array, first: number, n: number, kinds: Uint8Array): SampledRow {
  const from = starts[first]!;
  const to = ends[first + n - 1]!;
  // A very long row is kept cell by cell, each cut (kept-text.ts), not as one string of its bytes.
  if (to - from > KEPT_TEXT_BYTES * 16) {
    const cut: RawRow = new Array(n);
    for (let c = 0; c < n; c++) cut[c] = kinds[c]! <= CellKind.Disguised ? null : keptText(buf, starts[first + c]!, ends[first + c]!);
    return cut;
  }
  const text = utf8.decode(buf.subarray(from, to));
  if (text.length === to - from) {
    // ASCII row: byte offsets are character offsets.
    const at = new Array<number>(2 * n);
    for (let c = 0; c < n; c++) {
      const missing = kinds[c]! <= CellKind.Disguised;
      at[2 * c] = missing ? -1 : starts[first + c]! - from;
      at[2 * c + 1] = missing ? -1 : ends[first + c]! - from;
    }
    return { text, at };
  }
  const raw: RawRow = new Array(n);
  for (let c = 0; c < n; c++) raw[c] = kinds[c]! <= CellKind.Disguised ? null : utf8.decode(buf.subarray(starts[first + c]!, ends[first + c]!));
  return raw;
}
