import type { SchemaElement, SchemaTree } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { columnCells, PARQUET_PARSERS, readingMetadata, sniffedType, timeOfDay } from './parquet-cells';

const leaf = (element: Partial<SchemaElement>): SchemaTree => ({ element: { name: 'c', ...element }, children: [], count: 1, path: ['c'] }) as SchemaTree;

describe('Parquet cells', () => {
  it('64-bit integers are numbers while exact, their digits beyond 2^53, and the note counts those', () => {
    const c = columnCells(leaf({ type: 'INT64' }));
    expect([c.cell(5n), c.cell(-(2n ** 53n) + 1n), c.cell(2n ** 53n + 1n), c.cell(null)]).toEqual([5, -9007199254740991, '9007199254740993', null]);
    expect(c.note('f.parquet')).toBe('Column "c" of f.parquet: 1 whole numbers are beyond 2^53, where a double cannot hold every integer; they are read as their digits, as a CSV file\'s would be.');
    expect(columnCells(leaf({ type: 'INT64' })).note('f.parquet')).toBeNull();
  });

  it('DECIMAL is the double nearest the decimal (hyparquet multiplied by 10^-scale)', () => {
    const c = columnCells(leaf({ type: 'INT64', converted_type: 'DECIMAL', scale: 1, precision: 4 }));
    // 3 * 10^-1 and 7 * 10^-1 as hyparquet computes them:
    expect([c.cell(3 * 10 ** -1), c.cell(7 * 10 ** -1), c.cell(-123456 * 10 ** -1)]).toEqual([0.3, 0.7, -12345.6]);
    const wide = columnCells(leaf({ type: 'FIXED_LEN_BYTE_ARRAY', logical_type: { type: 'DECIMAL', scale: 2, precision: 38 } }));
    const beyond = Number(1234567890123456789n) * 10 ** -2;
    expect(wide.cell(beyond)).toBe(beyond);
    expect(wide.note('f.parquet')).toMatch(/^Column "c" of f\.parquet: 1 DECIMAL values have more digits than a double holds/);
  });

  it('INTERVAL is seconds with months of 30 days; TIME is the time of day', () => {
    const c = columnCells(leaf({ type: 'FIXED_LEN_BYTE_ARRAY', type_length: 12, converted_type: 'INTERVAL' }));
    // 1 month, 2 days, 1,500 ms.
    expect(c.cell(Uint8Array.from([1, 0, 0, 0, 2, 0, 0, 0, 0xdc, 0x05, 0, 0]))).toBe(30 * 86_400 + 2 * 86_400 + 1.5);
    expect(c.note('f.parquet')).toContain('read as seconds, a month counted as 30 days');
    expect(timeOfDay(49_500_250_000n, 1_000_000)).toBe('13:45:00.25');
    expect(timeOfDay(0n, 1000)).toBe('00:00:00');
    expect(timeOfDay(86_399_999_999_999n, 1_000_000_000)).toBe('23:59:59.999999999');
    expect(columnCells(leaf({ type: 'INT32', converted_type: 'TIME_MILLIS' })).cell(1500)).toBe('00:00:01.5');
  });

  it('dates are YYYY-MM-DD; instants no Date holds are text and counted', () => {
    const p = PARQUET_PARSERS;
    expect(p.dateFromDays!(10_957)).toBe('2000-01-01');
    expect(p.dateFromDays!(-1)).toBe('1969-12-31');
    const c = columnCells(leaf({ type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } }));
    expect(c.cell(p.timestampFromMicroseconds!(-1n))).toEqual(new Date(-1));
    expect(c.cell(p.timestampFromMicroseconds!(2n ** 63n - 1n))).toBe('infinity');
    expect(c.cell(p.timestampFromNanoseconds!(-(2n ** 63n) + 1n))).toBe('-infinity');
    expect(c.cell(p.timestampFromMilliseconds!(10n ** 17n))).toBe('100000000000000000 milliseconds from 1970-01-01');
    expect(c.note('f.parquet')).toMatch(/^Column "c" of f\.parquet: 3 dates or times lie beyond/);
  });

  it('nested values are JSON text with JSON-safe leaves; bytes are base64', () => {
    const tree = { element: { name: 'c' }, children: [leaf({ type: 'INT64' })], count: 2, path: ['c'] } as unknown as SchemaTree;
    const c = columnCells(tree);
    expect(c.cell({ a: 1n, b: [2n ** 60n], t: new Date(0), raw: Uint8Array.from([1, 2]) })).toBe('{"a":1,"b":["1152921504606846976"],"t":"1970-01-01T00:00:00.000Z","raw":"AQI="}');
    expect(columnCells(leaf({ type: 'FIXED_LEN_BYTE_ARRAY', type_length: 2 })).cell(Uint8Array.from([1, 2]))).toBe('AQI=');
  });

  it('INTERVAL loses its annotation for hyparquet; DATE and DECIMAL stated only as logical types gain the converted type', () => {
    const schema: SchemaElement[] = [
      { name: 'root', num_children: 3 },
      { name: 'iv', type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'INTERVAL' },
      { name: 'd', type: 'INT32', logical_type: { type: 'DATE' } },
      { name: 'p', type: 'INT64', logical_type: { type: 'DECIMAL', scale: 2, precision: 10 } },
    ];
    const adjusted = readingMetadata({ schema } as never).schema;
    expect(adjusted.map((e) => [e.converted_type, e.scale])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['DATE', undefined],
      ['DECIMAL', 2],
    ]);
  });

  it('the sniffer types columns by their logical types', () => {
    expect(sniffedType(leaf({ type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' } }))).toBe('datetime');
    expect(sniffedType(leaf({ type: 'INT32', converted_type: 'DATE' }))).toBe('datetime');
    expect(sniffedType(leaf({ type: 'INT64', converted_type: 'DECIMAL', scale: 2 }))).toBe('float');
    expect(sniffedType(leaf({ type: 'INT64', converted_type: 'TIME_MICROS' }))).toBe('text');
    expect(sniffedType(leaf({ type: 'INT32', converted_type: 'UINT_8' }))).toBe('integer');
    expect(sniffedType(leaf({ type: 'BYTE_ARRAY', converted_type: 'UTF8' }))).toBe('text');
    expect(sniffedType(leaf({ type: 'BOOLEAN' }))).toBe('boolean');
  });
});
