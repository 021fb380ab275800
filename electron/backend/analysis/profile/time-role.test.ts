import { describe, expect, it } from 'vitest';
import { ColumnAccumulator } from './column-accumulator';
import { sampleValues } from './numeric-part';
import { DAY_FIRST, MONTH_FIRST } from './time-role';

const enc = new TextEncoder();
const NOT_AFTER = Date.UTC(2000, 9, 26);

function dmy(d: Date, dayFirst: boolean): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dayFirst ? dd : mm}/${dayFirst ? mm : dd}/${d.getUTCFullYear()}`;
}

function column(cells: string[], seed = 1): ColumnAccumulator {
  const c = new ColumnAccumulator('when', seed);
  c.markTime(NOT_AFTER);
  for (const cell of cells) {
    const b = enc.encode(cell);
    c.addBytes(b, 0, b.length);
  }
  return c;
}

const dates = Array.from({ length: 150 }, (_, i) => new Date(Date.UTC(2000, 8, 7 + i)));
const truth = dates.filter((d) => d.getTime() <= NOT_AFTER).length;

describe('the --time column read as day/month numbers', () => {
  it('keeps both readings until a cell decides: day first after six ambiguous days', () => {
    const c = column(dates.map((d) => dmy(d, true)));
    expect(c.timeRole!.order).toBe(DAY_FIRST);
    expect(c.timeRole!.notAfterCount).toBe(truth);
    expect(Math.min(...sampleValues(c.time!))).toBe(dates[0]!.getTime());
  });

  it('gives the same counts and times when the column is read in two parts and merged, whichever part decides', () => {
    for (const dayFirst of [true, false]) {
      const cells = dates.map((d) => dmy(d, dayFirst));
      // The first part holds only ambiguous days (7-12 September): its order stays open.
      const a = column(cells.slice(0, 6), 1);
      const b = column(cells.slice(6), 2);
      expect(a.timeRole!.order).toBe(0);
      a.merge(b);
      expect(a.timeRole!.order).toBe(dayFirst ? DAY_FIRST : MONTH_FIRST);
      expect(a.timeRole!.notAfterCount).toBe(truth);
      expect([...sampleValues(a.time!)].sort((x, y) => x - y)).toEqual(dates.map((d) => d.getTime()));
    }
  });

  it('flags a column that needs both orders', () => {
    const c = column(['13/01/2000', '01/14/2000']);
    expect(c.timeRole!.conflict).toBe(true);
    expect([c.timeRole!.dayFirstExample, c.timeRole!.monthFirstExample]).toEqual(['13/01/2000', '01/14/2000']);
  });
});
