import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadOverDays } from './run-spend-days';

const at = (s: string) => Date.parse(s);
const H = 3_600_000;

describe('a run cost spread over the UTC days it ran', () => {
  it('splits a run across midnight by the hours on each side', () => {
    // 22:00 to 04:00: 2 h before midnight, 4 h after.
    expect(spreadOverDays(60_000, at('2026-11-10T22:00:00Z'), at('2026-11-11T04:00:00Z'))).toEqual([
      { date: '2026-11-10', amountCents: 20_000 },
      { date: '2026-11-11', amountCents: 40_000 },
    ]);
  });

  it('books a 3-day run on each of its days, not all on the first', () => {
    // 12:00 on the 1st to 12:00 on the 4th: 12 h, 24 h, 24 h, 12 h of 72 h.
    expect(spreadOverDays(7_200, at('2026-11-01T12:00:00Z'), at('2026-11-04T12:00:00Z')).map((d) => d.amountCents)).toEqual([1_200, 2_400, 2_400, 1_200]);
  });

  it('keeps every cent: leftovers go to the largest remainders, the earlier day on a tie', () => {
    // 100 cents over 3 equal thirds: 33.3 each; the one cent left goes to the first day.
    expect(spreadOverDays(100, at('2026-11-01T00:00:00Z'), at('2026-11-04T00:00:00Z')).map((d) => d.amountCents)).toEqual([34, 33, 33]);
    // 10 cents, 1 h before midnight and 2 h after: 3.33 and 6.67 -> 3 and 7.
    expect(spreadOverDays(10, at('2026-11-01T23:00:00Z'), at('2026-11-02T02:00:00Z')).map((d) => d.amountCents)).toEqual([3, 7]);
  });

  it('books a run with no length, or no end, on its start day', () => {
    expect(spreadOverDays(500, at('2026-11-01T23:59:00Z'), null)).toEqual([{ date: '2026-11-01', amountCents: 500 }]);
    expect(spreadOverDays(500, at('2026-11-01T10:00:00Z'), at('2026-11-01T10:00:00Z'))).toEqual([{ date: '2026-11-01', amountCents: 500 }]);
  });

  it('a run ending exactly at midnight books nothing on the next day', () => {
    expect(spreadOverDays(900, at('2026-11-01T21:00:00Z'), at('2026-11-02T00:00:00Z'))).toEqual([{ date: '2026-11-01', amountCents: 900 }]);
  });

  it('always adds up to the cost, never goes negative, one entry per day spanned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 4e11 }), fc.integer({ min: 0, max: 40 * 24 * H }), (cost, start, length) => {
        const days = spreadOverDays(cost, start, start + length);
        expect(days.reduce((s, d) => s + d.amountCents, 0)).toBe(cost);
        expect(days.every((d) => d.amountCents >= 0)).toBe(true);
        const first = Math.floor(start / 86_400_000);
        const last = length === 0 ? first : Math.floor((start + length - 1) / 86_400_000);
        expect(days).toHaveLength(last - first + 1);
      }),
    );
  });
});
