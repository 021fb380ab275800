/**
 * The plain-row fast lane reads exactly what the general path reads: the same columns from files
 * that mix plain rows with quoted ones, CRLF and lone-CR line ends, blank lines, padded and
 * exponent numbers and labels, at every chunk size, and the same error (message, line, column)
 * for a bad cell or a ragged row wherever it falls.
 */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../../shared/budget/seeded-rng';
import { isAppError } from '../../../../shared/domain/errors';
import type { ByteSource } from '../read/byte-source';
import { CsvScanner, type RowSink } from '../read/csv-scanner';
import { PredictionReaders, type PredictionColumns } from './prediction-readers';
import { predictionRowSink } from './prediction-rows';
import type { ResolvedRoles } from './resolve-roles';

class Bytes implements ByteSource {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}
  read(buf: Uint8Array, offset: number, length: number): number {
    const n = Math.min(length, this.data.length - this.at);
    buf.set(this.data.subarray(this.at, this.at + n), offset);
    this.at += n;
    return n;
  }
  close(): void {}
}

const roles: ResolvedRoles = { task: 'binary', label: 'label', score: 'score', probabilityColumns: [], probabilityPrefix: null, prediction: null, weight: 'w', slices: ['region'], time: null, trainFlag: null, rawScores: false };

/** Rows the fast lane took in the last read. */
let laneRows = 0;

/** Reads `text` with the fast lane or without it (a sink that has only row()). */
function read(text: string, fast: boolean, chunkSize: number, as: ResolvedRoles = roles): PredictionColumns | string {
  const names = ['id', 'label', 'score', 'w', 'region'];
  const readers = new PredictionReaders(as, 16);
  const sink = predictionRowSink('p.csv', names, readers, true, 44);
  laneRows = 0;
  let inLane = false;
  const endRow = readers.endRow.bind(readers);
  readers.endRow = () => {
    endRow();
    if (inLane) laneRows++;
  };
  const used: RowSink = fast
    ? {
        row: sink.row.bind(sink),
        plainRows(buf, from, to, line, fields, done) {
          inLane = true;
          try {
            sink.plainRows!(buf, from, to, line, fields, done);
          } finally {
            inLane = false;
          }
        },
      }
    : { row: sink.row.bind(sink) };
  try {
    new CsvScanner({ file: 'p.csv', dialect: { delimiter: 44, quote: 34 }, expectedFields: null, firstLine: 1, validateUtf8: true, chunkSize }).scan(new Bytes(Buffer.from(text, 'utf8')), used);
    return readers.finish();
  } catch (e) {
    if (isAppError(e)) return `${e.message} @ ${JSON.stringify(e.location)}`;
    throw e;
  }
}

function plainData(c: PredictionColumns | string): unknown {
  if (typeof c === 'string') return c;
  return {
    n: c.n,
    labels: Array.from(c.labelCodes!, (k) => c.classes!.values[k]),
    score: Array.from(c.score!),
    w: Array.from(c.weights!),
    region: Array.from(c.slices[0]!.codes, (k) => c.slices[0]!.values[k]),
  };
}

const body = [
  '1,1,0.25,1,north',
  '2,0,0.5,2,south',
  '"3",1,0.75,1,"east, far"',
  '4,yes,1e-1,1.5,west',
  '5, 0 , 0.125 ,1,north',
  '',
  '6,1,-0,0,south\r',
  '7,0,0.000000000000001,3,north',
  '8,0,.5,1,n"orth',
  '9,1,1.,1,north',
  '10,0,0.1234567890123456,1,north',
];

const variants: Record<string, string> = {
  lf: ['id,label,score,w,region', ...body].join('\n') + '\n',
  crlf: ['id,label,score,w,region', ...body].join('\r\n') + '\r\n',
  'lone cr in the middle': ['id,label,score,w,region', ...body.slice(0, 3), '11,1,0.5,1,a\r12,0,0.5,1,b', ...body.slice(3)].join('\n'),
  'no final newline': ['id,label,score,w,region', ...body].join('\n'),
};

describe('the plain-row fast lane', () => {
  for (const [name, text] of Object.entries(variants)) {
    it(`reads the same values as the general path (${name})`, () => {
      const expected = plainData(read(text, false, 1 << 16));
      expect(typeof expected).not.toBe('string');
      for (const chunk of [8, 13, 32, 64, 1 << 16]) {
        expect(plainData(read(text, true, chunk)), `chunk ${chunk}`).toEqual(expected);
        if (chunk >= 64) expect(laneRows).toBeGreaterThanOrEqual(4);
      }
    });
  }

  it('reports the same error for a bad cell, a ragged row or a bad label, wherever it falls', () => {
    const header = 'id,label,score,w,region';
    const good = Array.from({ length: 40 }, (_, i) => `${i},${i % 2},0.${i % 10}5,1,r${i % 3}`);
    const faults = ['41,1,NaN,1,north', '41,1,0.5.5,1,north', '41,1,1e400,1,north', '41,1,-0.25,1,north', '41,1,0.5 x,1,north', '41,1,0.5', '41,1,0.123456789012345678,1,north,extra', '41,1,high,1,north', '41,1,0.5,1', '41,1,0.5,1,north,extra', '41,1,1.5,1,north', '41,,0.5,1,north', '41,1,0.5,-2,north', '41,NA,0.5,1,north'];
    for (const fault of faults) {
      for (const at of [0, 17, 39]) {
        const rows = [...good];
        rows.splice(at, 0, fault);
        const text = [header, ...rows].join('\n') + '\n';
        const expected = read(text, false, 1 << 16);
        expect(typeof expected, fault).toBe('string');
        for (const chunk of [16, 64, 1 << 16]) expect(read(text, true, chunk), `${fault} at ${at}, chunk ${chunk}`).toBe(expected);
        if (at > 0) expect(laneRows).toBeGreaterThan(0);
      }
    }
  });

  it('reads every digit of a double as Number() does, in the lane (read while splitting) and out of it', () => {
    // Raw scores: any sign and size. Ties, negative zero, exponents, 16 to 19 significant digits
    // and more, cells in long rows at every offset, and a row that turns out not to be plain
    // (too many fields) right after a scanned score, which must not be counted twice.
    const { next } = createSeededRng(11);
    const f64 = new Float64Array(1);
    const u32 = new Uint32Array(f64.buffer);
    const texts = ['-0', '-0.0', '0', '0.0', '1', '1.0', '0.5', '0.5', '0.5', '.5', '1.', '1e-5', '2.5E+3', '-1.5e-300', '0.12345678901234567890123', '12345678901234567890', '0.1000000000000000055511151231257827', '-0.30000000000000004', '0.00000000000000000000001', '123456789012345.6789', '0.0000000001234567890123'];
    for (let i = 0; i < 30_000; i++) {
      let x: number;
      if (i % 3 === 0) x = next();
      else {
        do {
          u32[0] = Math.floor(next() * 2 ** 32);
          u32[1] = Math.floor(next() * 2 ** 32);
        } while (!Number.isFinite(f64[0]!));
        x = f64[0]!;
      }
      texts.push(i % 4 === 0 ? String(x) : i % 4 === 1 ? x.toPrecision(16 + (i % 5)) : i % 4 === 2 ? String(-x) : texts[i % texts.length]!);
    }
    const rows = texts.map((t, i) => `${i},${i % 2},${t},1,r${i % 3}`);
    rows.splice(500, 0, '500,1,0.123456789012345678,1,north,extra');
    const raw: ResolvedRoles = { ...roles, rawScores: true };
    const text = ['id,label,score,w,region', ...rows].join('\n') + '\n';
    const general = read(text, false, 1 << 16, raw);
    expect(typeof general).toBe('string');
    for (const chunk of [64, 1000, 1 << 16]) expect(read(text, true, chunk, raw)).toBe(general);
    rows.splice(500, 1);
    const good = ['id,label,score,w,region', ...rows].join('\n') + '\n';
    for (const chunk of [64, 1000, 1 << 16]) {
      const c = read(good, true, chunk, raw);
      if (typeof c === 'string') throw new Error(c);
      expect(laneRows).toBeGreaterThan(texts.length / 2);
      expect(c.n).toBe(texts.length);
      const wrong = texts.filter((t, i) => !Object.is(c.score![i], Number(t)));
      expect(wrong).toEqual([]);
    }
    expect(plainData(read(good, false, 1 << 16, raw))).toEqual(plainData(read(good, true, 1000, raw)));
  });
});
