/**
 * How one column of a metric segment (steps, timestamps or values) is laid out in its blob. The
 * first byte names the layout; every layout gives back exactly the numbers it was given.
 *
 *   0  float64 array, native endian (little-endian on every platform Tally ships for): any values
 *   1  arithmetic progression: float64 first, float64 difference (steps 0, 1, 2 ...): 17 bytes
 *   2  float64 first, then int32 differences (timestamps a few ms apart): 4 bytes a point
 *
 * Steps and timestamps are whole numbers and usually regular, so a segment of a typical series
 * takes about 12 bytes a point instead of 24, and reading a long history moves half the bytes.
 *
 * Blobs written before these layouts existed are bare float64 arrays of exactly 8 bytes a point;
 * no layout above has that length for the same count (1 + 8n, 17, 4n + 5), so they are read as
 * they are and never rewritten.
 */
const RAW = 0;
const ARITHMETIC = 1;
const DELTA32 = 2;

const LIMIT = 2 ** 52;

/** Whole numbers within +/-2^52 (so every difference and running sum stays exact), no -0. */
function isWholeRun(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!Number.isInteger(x) || x > LIMIT || x < -LIMIT || (x === 0 && 1 / x < 0)) return false;
  }
  return true;
}

export function encodeColumn(a: Float64Array): Buffer {
  const n = a.length;
  if (n >= 3 && isWholeRun(a)) {
    const first = a[0]!;
    const step = a[1]! - first;
    let arithmetic = Number.isSafeInteger(step);
    for (let i = 2; i < n && arithmetic; i++) arithmetic = a[i]! - a[i - 1]! === step;
    if (arithmetic) {
      const out = Buffer.alloc(17);
      out[0] = ARITHMETIC;
      out.writeDoubleLE(first, 1);
      out.writeDoubleLE(step, 9);
      return out;
    }
    let fits = true;
    for (let i = 1; i < n && fits; i++) {
      const d = a[i]! - a[i - 1]!;
      fits = d >= -2147483648 && d <= 2147483647;
    }
    if (fits) {
      const out = Buffer.alloc(9 + 4 * (n - 1));
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      out[0] = DELTA32;
      view.setFloat64(1, first, true);
      for (let i = 1; i < n; i++) view.setInt32(9 + 4 * (i - 1), a[i]! - a[i - 1]!, true);
      return out;
    }
  }
  const out = Buffer.alloc(1 + 8 * n);
  out[0] = RAW;
  out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), 1);
  return out;
}

/** Decodes `n` numbers from a blob into `into` starting at `at`. */
export function decodeColumn(blob: Uint8Array, n: number, into: Float64Array, at: number): void {
  if (blob.length === 8 * n) {
    new Uint8Array(into.buffer, into.byteOffset + at * 8, n * 8).set(blob);
    return;
  }
  const kind = blob[0];
  if (kind === RAW) {
    new Uint8Array(into.buffer, into.byteOffset + at * 8, n * 8).set(blob.subarray(1, 1 + n * 8));
    return;
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const first = view.getFloat64(1, true);
  if (kind === ARITHMETIC) {
    const step = view.getFloat64(9, true);
    for (let i = 0; i < n; i++) into[at + i] = first + i * step;
    return;
  }
  if (kind === DELTA32) {
    let v = first;
    into[at] = v;
    for (let i = 1; i < n; i++) {
      v += view.getInt32(9 + 4 * (i - 1), true);
      into[at + i] = v;
    }
    return;
  }
  throw new Error(`unknown metric column layout ${String(kind)}`);
}
