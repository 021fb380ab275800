import { dayNumber } from './spend-dates';
import type { SpendItem } from './spend-types';

/**
 * Net spend per calendar day from `from` to `to` (day numbers, inclusive), in integer cents.
 * Days without entries are 0. Entries before `from` are added to the first day when
 * `foldEarlier` is set (a chart that starts at the project's start still shows money spent
 * before it) and dropped otherwise; entries after `to` are always dropped.
 */
export function dailyNet(items: readonly SpendItem[], from: number, to: number, foldEarlier = false): number[] {
  const days = new Array<number>(Math.max(0, to - from + 1)).fill(0);
  if (days.length === 0) return days;
  for (const it of items) {
    const d = dayNumber(it.date);
    if (d > to) continue;
    if (d < from) {
      if (foldEarlier) days[0] = (days[0] as number) + it.amountCents;
      continue;
    }
    days[d - from] = (days[d - from] as number) + it.amountCents;
  }
  return days;
}

/** The earliest entry's day number, or null when there are none. */
export function firstSpendDay(items: readonly SpendItem[]): number | null {
  let first: number | null = null;
  for (const it of items) {
    const d = dayNumber(it.date);
    if (first === null || d < first) first = d;
  }
  return first;
}
