/**
 * Seeded byte mutations of small valid data files, for the input fuzz suite. A case is fully
 * determined by (format, seed, case number): `fuzzCase` draws its mutation plan with fast-check
 * from a seed derived from both, so any case the suite reports can be rebuilt byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';

export const FUZZ_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function csvSeeds(): Uint8Array[] {
  const numeric = `x,y,group,when\n${Array.from({ length: 40 }, (_, i) => `${i * 1.5},${(i * 7919) % 101},${['a', 'b', 'c'][i % 3]},2025-${String((i % 12) + 1).padStart(2, '0')}-15`).join('\n')}\n`;
  return [
    text('id,name,score,joined,flag\n1,Ann,3.5,2024-01-02,true\n2,"Bo, Jr.",-1e3,2024-02-30,false\n3,,NaN,,\n4,"multi\nline ""quoted""",7,2024-03-01T10:00:00Z,TRUE\n5,Ann,3.5,2024-01-02,true\n'),
    text('a;b;c\r\n1;2;3\r\n4;5;6\r\n;;\r\n'),
    text(numeric),
    text('\ufeffnom,ville,email\nÉmile,Zürich,emile@example.com\nZoë,Kraków,+41 44 123 45 67\n'),
    // UTF-16 with its byte-order mark: the encoding detector's path.
    Uint8Array.from([0xff, 0xfe, ...[...'k,v\n1,2\n3,4\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
  ];
}

function jsonlSeeds(): Uint8Array[] {
  const rows = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: i, name: `n${i % 4}`, v: i % 5 === 0 ? null : i / 3, ok: i % 2 === 0, at: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }));
  return [
    text('{"id":1,"name":"a","v":1.5,"tags":["x","y"],"nested":{"k":null}}\n{"id":2,"name":"b","v":null}\n{"id":3,"name":"\\u00e9\\n","v":-0.0,"extra":true}\n'),
    text(`${rows.join('\n')}\n`),
    text('{"a": 1e308, "b": "2024-01-01T00:00:00Z"}\r\n{"a": -1e-308, "b": ""}\r\n\r\n{"a": 12345678901234567890, "b": "x"}\r\n'),
  ];
}

function parquetSeeds(): Uint8Array[] {
  const n = 60;
  const generated = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: Int32Array.from({ length: n }, (_, i) => i), type: 'INT32' },
      { name: 'score', data: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i / 4)), type: 'DOUBLE' },
      { name: 'label', data: Array.from({ length: n }, (_, i) => ['yes', 'no', null][i % 3]), type: 'STRING' },
      { name: 'flag', data: Array.from({ length: n }, (_, i) => i % 2 === 0), type: 'BOOLEAN' },
      { name: 'big', data: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 1_000_000_007n), type: 'INT64' },
    ],
    rowGroupSize: 25,
  });
  const plain = parquetWriteBuffer({
    columnData: [
      { name: 'a', data: Array.from({ length: 20 }, (_, i) => i * 3), type: 'DOUBLE' },
      { name: 'b', data: Array.from({ length: 20 }, (_, i) => `v${i % 5}`), type: 'STRING' },
    ],
    codec: 'UNCOMPRESSED',
    statistics: false,
  });
  const committed = readFileSync(join(import.meta.dirname, '../../../electron/backend/analysis/testdata/simple.parquet'));
  return [new Uint8Array(generated), new Uint8Array(plain), new Uint8Array(committed)];
}

export function seedFiles(format: FuzzFormat): Uint8Array[] {
  return format === 'csv' ? csvSeeds() : format === 'jsonl' ? jsonlSeeds() : parquetSeeds();
}

/** Bytes that matter to the binary readers: zero, sign bits, magic and varint bytes. */
const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x15, 0x16, 0x18, 0x19, 0x1c, 0x26, 0x29, 0x2c, 0x50, 0x41, 0x52, 0x31];
const binaryByteArb = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...INTERESTING));

/**
 * Text formats: mostly printable bytes and the ones that carry structure (delimiters, quotes, line
 * ends, brackets, number syntax, UTF-8 lead and continuation bytes), so that most mutants get past
 * the binary-data refusal and into the parsers; now and then any byte.
 */
const TEXT_BYTES = [...' ,;\t\n\r"\'{}[]:-+.eE0123456789aZ_\\/'].map((c) => c.charCodeAt(0)).concat([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xef, 0xbb, 0xbf]);
const textByteArb = fc.oneof({ arbitrary: fc.constantFrom(...TEXT_BYTES), weight: 6 }, { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 });

/** Whole tokens a text reader treats specially. */
const TOKENS = ['"', '""', ',', '\n', '\r\n', '1e400', '-1e-400', 'NaN', '-0', 'null', 'true', '{"a":', '}', '[', ']', '\\u0000', '\ufeff', '2024-02-30', '99999999999999999999', 'é', '😀', '\t'].map((t) => Array.from(new TextEncoder().encode(t)));

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; times: number }
  | { op: 'splice'; at: number; from: number; length: number; other: number };

/** Positions are fractions of the current length (so one plan fits any seed), spread evenly over it. */
const at = fc.integer({ min: 0, max: 0xffff }).map((n) => n / 0x10000);
const mutationArb = (text: boolean): fc.Arbitrary<Mutation> => {
  const byteArb = text ? textByteArb : binaryByteArb;
  const inserted = text ? fc.oneof(fc.array(byteArb, { minLength: 1, maxLength: 16 }), fc.constantFrom(...TOKENS)) : fc.array(byteArb, { minLength: 1, maxLength: 16 });
  return fc.oneof(
    // Text: low bits only, so a flipped character mostly stays a printable one.
    fc.record({ op: fc.constant<'flip'>('flip'), at, bit: fc.integer({ min: 0, max: text ? 4 : 7 }) }),
    fc.record({ op: fc.constant<'set'>('set'), at, byte: byteArb }),
    fc.record({ op: fc.constant<'insert'>('insert'), at, bytes: inserted }),
    fc.record({ op: fc.constant<'delete'>('delete'), at, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant<'duplicate'>('duplicate'), at, length: fc.integer({ min: 1, max: 256 }), times: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant<'splice'>('splice'), at, from: at, length: fc.integer({ min: 1, max: 512 }), other: fc.nat() }),
  );
};

export interface FuzzPlan {
  seedIndex: number;
  mutations: Mutation[];
}

const planArb = (seeds: number, text: boolean): fc.Arbitrary<FuzzPlan> =>
  fc.record({ seedIndex: fc.integer({ min: 0, max: seeds - 1 }), mutations: fc.array(mutationArb(text), { minLength: 1, maxLength: 8 }) });

function apply(bytes: Uint8Array, m: Mutation, seeds: readonly Uint8Array[]): Uint8Array {
  const pos = Math.floor(m.at * bytes.length);
  const cat = (...parts: ArrayLike<number>[]) => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  switch (m.op) {
    case 'flip':
    case 'set': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[pos] = m.op === 'flip' ? out[pos]! ^ (1 << m.bit) : m.byte;
      return out;
    }
    case 'insert':
      return cat(bytes.subarray(0, pos), m.bytes, bytes.subarray(pos));
    case 'delete':
      return cat(bytes.subarray(0, pos), bytes.subarray(pos + m.length));
    case 'duplicate': {
      const chunk = bytes.subarray(pos, pos + m.length);
      return cat(bytes.subarray(0, pos + chunk.length), ...Array.from({ length: m.times }, () => chunk), bytes.subarray(pos + chunk.length));
    }
    case 'splice': {
      // A chunk of another seed (or of this one) over this position: a structurally plausible graft.
      const other = seeds[m.other % seeds.length]!;
      const from = Math.floor(m.from * other.length);
      return cat(bytes.subarray(0, pos), other.subarray(from, from + m.length), bytes.subarray(pos + m.length));
    }
  }
}

/** The fast-check seed of one case: different for every (seed, case), the same every time. */
const caseSeed = (seed: number, index: number): number => (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(index + 1, 0x85ebca6b)) | 0;

/** The bytes a plan makes from the seeds (regression tests keep a plan the suite printed). */
export function applyPlan(plan: FuzzPlan, seeds: readonly Uint8Array[]): Uint8Array {
  let bytes = seeds[plan.seedIndex]!;
  for (const m of plan.mutations) bytes = apply(bytes, m, seeds);
  return bytes;
}

export function fuzzCase(format: FuzzFormat, seed: number, index: number, seeds = seedFiles(format)): { plan: FuzzPlan; bytes: Uint8Array } {
  const [plan] = fc.sample(planArb(seeds.length, format !== 'parquet'), { seed: caseSeed(seed, index), numRuns: 1 });
  return { plan: plan!, bytes: applyPlan(plan!, seeds) };
}
