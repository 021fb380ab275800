import { describe, expect, it } from 'vitest';
import type { Points } from '../metric-store';
import { MetricLineError, MetricLineParser, parseMetricLine } from './metric-lines';

function parseAll(text: string, pieces = 1, chunkSize = 65_536): { points: Array<[number, number, number]>; chunks: number } {
  const out: Array<[number, number, number]> = [];
  let chunks = 0;
  const p = new MetricLineParser((c: Points) => {
    chunks += 1;
    for (let i = 0; i < c.values.length; i++) out.push([c.timestamps[i]!, c.values[i]!, c.steps[i]!]);
  }, chunkSize);
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  p.end();
  return { points: out, chunks };
}

describe('metric file lines', () => {
  it('reads "timestamp value step" (MLflow 1.0 on) and "timestamp value" (older, step 0)', () => {
    expect(parseMetricLine('1732950000000 0.25 7')).toEqual({ timestamp: 1732950000000, value: 0.25, step: 7 });
    expect(parseMetricLine('1732950000000 0.25')).toEqual({ timestamp: 1732950000000, value: 0.25, step: 0 });
    expect(parseMetricLine('5 -3 -2')).toEqual({ timestamp: 5, value: -3, step: -2 });
  });

  it("reads Python's float text: exponents, nan and infinities", () => {
    expect(parseMetricLine('1 1e-05 0')).toMatchObject({ value: 1e-5 });
    expect(parseMetricLine('1 nan 0')).toMatchObject({ value: Number.NaN });
    expect(parseMetricLine('1 inf 0')).toMatchObject({ value: Infinity });
    expect(parseMetricLine('1 -inf 0')).toMatchObject({ value: -Infinity });
    expect(parseMetricLine('1 .5 0')).toMatchObject({ value: 0.5 });
  });

  it('says what is wrong with a line that is not two or three numbers', () => {
    expect(parseMetricLine('abc 1 x')).toBe('the timestamp "abc" is not a whole number');
    expect(parseMetricLine('1 one 2')).toBe('the value "one" is not a number');
    expect(parseMetricLine('1 2 2.5')).toBe('the step "2.5" is not a whole number');
    expect(parseMetricLine('1 2 3 4')).toBe('expected "timestamp value step" (3 fields) or "timestamp value" (2), found 4 fields');
    expect(parseMetricLine('17')).toMatch(/found 1 field$/);
    expect(parseMetricLine('1  2 3')).toMatch(/found 4 fields/);
    expect(parseMetricLine('1.5 2 3')).toMatch(/timestamp/);
    expect(parseMetricLine('-1 2 3')).toBe('the timestamp -1 is not whole epoch milliseconds');
    expect(parseMetricLine('0x10 2 3')).toMatch(/timestamp/);
  });

  it('streams pieces cut anywhere, CRLF or LF, blank lines ignored, in chunks of typed arrays', () => {
    const text = '100 0.5 0\r\n200 0.25 1\n\n300 nan 2\n400 1e3 3';
    for (const pieces of [1, 3, 7, text.length]) {
      expect(parseAll(text, pieces).points).toEqual([
        [100, 0.5, 0],
        [200, 0.25, 1],
        [300, Number.NaN, 2],
        [400, 1000, 3],
      ]);
    }
    const many = Array.from({ length: 10 }, (_, i) => `${i} ${i / 2} ${i}`).join('\n');
    const r = parseAll(many, 4, 3);
    expect(r.chunks).toBe(4);
    expect(r.points.map((p) => p[2])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stops at the first bad line with its number and text', () => {
    const p = new MetricLineParser(() => undefined);
    p.push('1 0.1 0\n2 0.2 1\n');
    let caught: unknown;
    try {
      p.push('abc 1 x\n4 0.4 3\n');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MetricLineError);
    expect(caught).toMatchObject({ line: 3, text: 'abc 1 x', reason: 'the timestamp "abc" is not a whole number' });
  });
});
