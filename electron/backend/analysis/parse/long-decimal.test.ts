/**
 * The long-decimal parse against Number() (V8's correctly rounded strtod), bit for bit, on
 * millions of printed doubles: every digit of a double as String() and Python's repr print it, 16
 * to 19 significant digits, and decimals a hair either side of the points halfway between two
 * doubles, where a sloppy rounding shows first. Also that the fast lane is what takes them (a
 * parse that fell back to Number() on every value would pass the equality tests and be as slow
 * as before), and that a predictions column parses them the same way.
 */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../../shared/budget/seeded-rng';
import { GrowableFloat64 } from '../evaluate/growable';
import { NumberCells } from '../evaluate/number-cells';
import { decimalParts, longDecimal, longDecimalValue } from './long-decimal';
import { parseNumberBytes } from './number-bytes';

const encoder = new TextEncoder();
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const u64 = new BigUint64Array(f64.buffer);

/** A double from 53 random bits in [0, 1): the shape of model scores. */
function uniform(next: () => number): number {
  return Math.floor(next() * 2 ** 21) * 2 ** -21 + Math.floor(next() * 2 ** 32) * 2 ** -53;
}

/** Any finite double: random bits. */
function anyDouble(next: () => number): number {
  for (;;) {
    u32[0] = Math.floor(next() * 2 ** 32);
    u32[1] = Math.floor(next() * 2 ** 32);
    if (Number.isFinite(f64[0]!)) return f64[0]!;
  }
}

/** Python's repr of a double: the same shortest digits as String(), laid out as Python does. */
function pythonRepr(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const e = Number(exponent);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (e < -4 || e >= 16) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.padEnd(e + 1, '0');
  return `${sign}${whole.slice(0, e + 1)}.${whole.slice(e + 1) || '0'}`;
}

/** Checks parseNumberBytes(text) === Number(text) bit for bit; counts mismatches. */
function mismatches(texts: Iterable<string>): { checked: number; wrong: string[] } {
  const wrong: string[] = [];
  let checked = 0;
  for (const text of texts) {
    const b = encoder.encode(text);
    checked++;
    if (!Object.is(parseNumberBytes(b, 0, b.length), Number(text)) && wrong.length < 5) wrong.push(text);
  }
  return { checked, wrong };
}

function* printed(count: number, seed: number, draw: (next: () => number) => number, print: (x: number) => string[]): Generator<string> {
  const { next } = createSeededRng(seed);
  for (let i = 0; i < count; i++) yield* print(draw(next));
}

describe('long decimals equal Number() bit for bit', () => {
  it('scores in [0, 1) printed by String(), Python repr and toPrecision(16..19)', () => {
    const r = mismatches(printed(250_000, 1, uniform, (x) => [String(x), pythonRepr(x), x.toPrecision(16), x.toPrecision(17), x.toPrecision(18), x.toPrecision(19)]));
    expect(r.wrong).toEqual([]);
    expect(r.checked).toBe(1_500_000);
  }, 90_000);

  it('any finite double printed by String() and Python repr', () => {
    const r = mismatches(printed(400_000, 2, anyDouble, (x) => [String(x), pythonRepr(x), (x / 2 ** 40).toPrecision(17)]));
    expect(r.wrong).toEqual([]);
    expect(r.checked).toBe(1_200_000);
  }, 90_000);

  it('decimals just below, at and above the point halfway between two doubles', () => {
    // The exact midpoint of x and the next double up, as a decimal (BigInt), cut to 16..19
    // significant digits and moved by one unit in the last digit either way.
    const texts: string[] = [];
    const { next } = createSeededRng(3);
    for (let k = 0; k < 60_000; k++) {
      const x = uniform(next) * (k % 3 === 0 ? 1000 : 1) + 2 ** -20;
      f64[0] = x;
      const bits = u64[0]!;
      const e = Number((bits >> 52n) & 0x7ffn) - 1075;
      const m = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
      // midpoint = (2m + 1) * 2^(e - 1) = (2m + 1) * 5^(1 - e) / 10^(1 - e)
      const scaled = ((2n * m + 1n) * 5n ** BigInt(1 - e)).toString();
      const point = scaled.length - (1 - e);
      for (const keep of [16, 17, 18, 19]) {
        for (const delta of [-1n, 0n, 1n]) {
          const d = (BigInt(scaled.slice(0, keep)) + delta).toString();
          texts.push(point > 0 ? `${d.slice(0, point)}.${d.slice(point)}` : `0.${'0'.repeat(-point)}${d}`);
        }
      }
    }
    const r = mismatches(texts);
    expect(r.wrong).toEqual([]);
    expect(r.checked).toBe(720_000);
  }, 60_000);

  it('leaves to Number() only what it cannot round for certain, and takes 17-digit scores itself', () => {
    const { next } = createSeededRng(4);
    let fellBack = 0;
    for (let i = 0; i < 200_000; i++) {
      const b = encoder.encode(String(uniform(next)));
      const fraction = b.length - b.indexOf(46) - 1;
      if (b.indexOf(101) < 0 && !longDecimal(b, 0, b.length, -fraction)) fellBack++;
    }
    expect(fellBack).toBeLessThan(10);
    // 20 significant digits, an exponent past 22, a result that is a power of two: Number()'s.
    expect(decimalParts(123456789012345, 12345, 5, -19)).toBe(false);
    expect(decimalParts(123456789012345, 12, 2, -40)).toBe(false);
    expect(decimalParts(500000000000000, 0, 1, -16)).toBe(false); // 0.5000000000000000: a power of two
    expect(decimalParts(500000000000000, 1, 1, -16)).toBe(true);
    expect(longDecimalValue[0]).toBe(Number('0.5000000000000001'));
  });
});

describe('a score column reads every digit of a double', () => {
  it('stores what Number() reads, fast lane or not', () => {
    const cells = new NumberCells('score', 'raw-score', { row: 0, line: 0 }, { out: new GrowableFloat64(16), stride: 1, offset: 0 });
    const expected: number[] = [];
    const { next } = createSeededRng(5);
    for (let i = 0; i < 200_000; i++) {
      const x = i % 2 === 0 ? uniform(next) : anyDouble(next);
      const text = i % 4 < 2 ? String(x) : pythonRepr(x);
      const b = encoder.encode(text);
      cells.bytes(b, 0, b.length);
      expected.push(Number(text));
    }
    const got = cells.out.trimmed();
    let wrong = 0;
    for (let i = 0; i < expected.length; i++) if (!Object.is(got[i], expected[i])) wrong++;
    expect(wrong).toBe(0);
    expect(got.length).toBe(200_000);
  });
});
