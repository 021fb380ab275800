/**
 * Distinct values of a column, each given a small integer code as the file streams in. CSV cells
 * are looked up by their bytes (no string per cell): the last hit first, then a linear scan while
 * there are few values (labels usually have two to a dozen), then a hash table. Each value keeps
 * the line it first appeared on, so a message can point at it.
 */

const LINEAR_MAX = 16;
/** Returned when the dictionary is full (more distinct values than its cap). */
export const DICTIONARY_FULL = -1;

const utf8 = new TextDecoder('utf-8');

function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

export class ValueDictionary {
  readonly values: string[] = [];
  readonly firstLine: number[] = [];
  private readonly encoded: Uint8Array[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byHash = new Map<number, number[]>();
  private last = -1;

  constructor(readonly cap: number) {}

  get size(): number {
    return this.values.length;
  }

  /** Code of the value with these bytes; adds it (remembering `line`) unless the dictionary is full. */
  codeOfBytes(buf: Uint8Array, start: number, end: number, line: number): number {
    const len = end - start;
    const last = this.last;
    if (last >= 0 && this.equals(this.encoded[last]!, buf, start, len)) return last;
    const n = this.encoded.length;
    if (n <= LINEAR_MAX) {
      for (let k = 0; k < n; k++) {
        if (this.equals(this.encoded[k]!, buf, start, len)) return (this.last = k);
      }
    } else {
      const bucket = this.byHash.get(hashBytes(buf, start, end));
      if (bucket) for (const k of bucket) if (this.equals(this.encoded[k]!, buf, start, len)) return (this.last = k);
    }
    return this.add(utf8.decode(buf.subarray(start, end)), buf.slice(start, end), line);
  }

  /** Code of a value given as text (JSON and Parquet records). */
  codeOfText(text: string, line: number): number {
    const k = this.byText.get(text);
    if (k !== undefined) return k;
    return this.add(text, new TextEncoder().encode(text), line);
  }

  /** Code of a value already present, or undefined (no insertion). */
  find(text: string): number | undefined {
    return this.byText.get(text);
  }

  private add(text: string, bytes: Uint8Array, line: number): number {
    const existing = this.byText.get(text);
    if (existing !== undefined) return existing;
    if (this.values.length >= this.cap) return DICTIONARY_FULL;
    const k = this.values.length;
    this.values.push(text);
    this.firstLine.push(line);
    this.encoded.push(bytes);
    this.byText.set(text, k);
    if (k === LINEAR_MAX) {
      // Lookups leave the linear range from now on: index every value so far by hash.
      for (let j = 0; j <= k; j++) this.index(j);
    } else if (k > LINEAR_MAX) this.index(k);
    this.last = k;
    return k;
  }

  private index(k: number): void {
    const b = this.encoded[k]!;
    const h = hashBytes(b, 0, b.length);
    const bucket = this.byHash.get(h);
    if (bucket) bucket.push(k);
    else this.byHash.set(h, [k]);
  }

  private equals(entry: Uint8Array, buf: Uint8Array, start: number, len: number): boolean {
    if (entry.length !== len) return false;
    for (let i = 0; i < len; i++) if (entry[i] !== buf[start + i]) return false;
    return true;
  }
}
