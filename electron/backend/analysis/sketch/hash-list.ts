import { sortHashWords } from './hash-sort';

/**
 * A growable list of 64-bit hashes stored as (low, high) 32-bit word pairs in one ArrayBuffer, so
 * that a BigUint64Array view over the same memory sorts them natively with no BigInt per item.
 * 5M rows cost 40 MB. Used for duplicate rows, train/test row overlap and entity-id overlap.
 */
export class HashList {
  words: Uint32Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.words = new Uint32Array(capacity * 2);
  }

  push(hi: number, lo: number): void {
    if (this.length * 2 === this.words.length) {
      const bigger = new Uint32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    const at = this.length * 2;
    this.words[at] = lo; // little-endian: the low word first makes the u64 view (hi << 32 | lo)
    this.words[at + 1] = hi;
    this.length++;
  }

  isSorted = false;

  /** The hashes as an ascending u64 array (sorts in place once; read-only afterwards). */
  sorted(): BigUint64Array {
    const view = new BigUint64Array(this.words.buffer, 0, this.length);
    if (!this.isSorted) sortHashWords(this.words, this.length);
    this.isSorted = true;
    return view;
  }

  /** A sorted copy of the hashes, the list itself left in row order. */
  sortedCopy(): BigUint64Array {
    const copy = this.words.slice(0, this.length * 2);
    sortHashWords(copy, this.length);
    return new BigUint64Array(copy.buffer);
  }

  static revive(plain: HashList): HashList {
    return Object.setPrototypeOf(plain, HashList.prototype) as HashList;
  }
}

/**
 * A growable list of 32-bit words: the per-row label hashes only need telling a row's label from
 * the other labels of its feature group (a handful of values), so 4 bytes a row do, not 8.
 */
export class WordList {
  words: Uint32Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.words = new Uint32Array(capacity);
  }

  push(w: number): void {
    if (this.length === this.words.length) {
      const bigger = new Uint32Array(Math.max(16, this.words.length * 2));
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words[this.length++] = w;
  }

  static revive(plain: WordList): WordList {
    return Object.setPrototypeOf(plain, WordList.prototype) as WordList;
  }
}

/** Merge sorted u64 arrays into one sorted array. */
export function mergeSorted(parts: BigUint64Array[]): BigUint64Array {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new BigUint64Array(total);
  // Two-way merges on 32-bit word views avoid creating BigInts for every comparison.
  let acc = parts[0]!;
  for (let k = 1; k < parts.length; k++) {
    const b = parts[k]!;
    const dest = k === parts.length - 1 ? out : new BigUint64Array(acc.length + b.length);
    mergeTwo(acc, b, dest);
    acc = dest;
  }
  return out;
}

function mergeTwo(a: BigUint64Array, b: BigUint64Array, out: BigUint64Array): void {
  const aw = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const bw = new Uint32Array(b.buffer, b.byteOffset, b.length * 2);
  const ow = new Uint32Array(out.buffer, out.byteOffset, out.length * 2);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const ah = aw[2 * i + 1]!;
    const bh = bw[2 * j + 1]!;
    const takeA = ah < bh || (ah === bh && aw[2 * i]! <= bw[2 * j]!);
    if (takeA) {
      ow[2 * k] = aw[2 * i]!;
      ow[2 * k + 1] = ah;
      i++;
    } else {
      ow[2 * k] = bw[2 * j]!;
      ow[2 * k + 1] = bh;
      j++;
    }
    k++;
  }
  for (; i < a.length; i++, k++) {
    ow[2 * k] = aw[2 * i]!;
    ow[2 * k + 1] = aw[2 * i + 1]!;
  }
  for (; j < b.length; j++, k++) {
    ow[2 * k] = bw[2 * j]!;
    ow[2 * k + 1] = bw[2 * j + 1]!;
  }
}
