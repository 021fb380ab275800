import { DEFAULT_SEED, quantileOfSorted } from '../monte-carlo';
import { createSeededRng } from '../seeded-rng';
import { dailyNet } from './daily-spend';
import { invalid } from '../input-checks';
import { dayNumber, isoDay } from './spend-dates';
import type { IsoDay, SpendItem } from './spend-types';

/**
 * The recent burn rate: mean net spend per day over the last N days (N = 28 by default), with
 * an 80% range (P10-P90) from a seeded bootstrap of those days.
 *
 * Why 28 days: four whole weeks, so weekdays and weekends weigh the same; long enough that one
 * bill does not swamp the rate, short enough to follow a change of pace. The window never
 * reaches back before the project's history starts (the earlier of its start date and its first
 * entry), so a project in its second week is judged on its own days. Days with no entries count
 * as zero: a quiet day is information about the rate. Refunds count as negative spend.
 *
 * Why a bootstrap: daily spend is lumpy (a $400 bill among $5 days), far from normal, so the
 * range comes from resampling the window's own days with replacement (2,000 resamples, mulberry32
 * seeded, so the same ledger always gives the same range) and taking the 10th and 90th
 * percentile of the resampled means. It measures how sure we are of the rate, assuming the days
 * ahead look like the days behind.
 *
 * With fewer than 7 days a bootstrap cannot see the spread (one day resamples to itself), so the
 * range is widened to at least half to double the rate (Tally judgement) and says so. The range
 * always contains the rate itself.
 */
export const DEFAULT_WINDOW_DAYS = 28;
export const DEFAULT_RESAMPLES = 2_000;
export const MIN_DAYS_FOR_BOOTSTRAP = 7;

export interface BurnRate {
  /** Mean net spend per day over the window, cents (may be fractional). */
  perDayCents: number;
  /** P10 and P90 of the bootstrapped mean, widened for short windows. */
  lowPerDayCents: number;
  highPerDayCents: number;
  from: IsoDay;
  to: IsoDay;
  days: number;
  daysWithSpend: number;
  /** True when the window was too short for the bootstrap and the range was widened by rule. */
  widened: boolean;
}

export interface BurnRateOptions {
  windowDays?: number;
  resamples?: number;
  seed?: number;
}

/**
 * `historyStart` is the first day the project's history counts from (the earlier of its start
 * date and its first entry); null or a day after today means there is no history yet (null rate).
 */
export function recentBurnRate(items: readonly SpendItem[], todayDay: IsoDay, historyStart: IsoDay | null, options: BurnRateOptions = {}): BurnRate | null {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isSafeInteger(windowDays) || windowDays < 1) throw invalid('windowDays', `must be a whole number of days, at least 1, got ${String(windowDays)}`);
  const today = dayNumber(todayDay, 'today');
  const start = historyStart === null ? null : dayNumber(historyStart, 'historyStart');
  if (start === null || start > today) return null;
  const from = Math.max(today - windowDays + 1, start);
  const daily = dailyNet(items, from, today);
  const n = daily.length;
  const mean = daily.reduce((s, c) => s + c, 0) / n;

  const resamples = Math.max(1, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  const rng = createSeededRng(options.seed ?? DEFAULT_SEED);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b += 1) {
    let sum = 0;
    for (let k = 0; k < n; k += 1) sum += daily[Math.floor(rng.next() * n)] as number;
    means[b] = sum / n;
  }
  means.sort();
  let low = Math.min(quantileOfSorted(means, 0.1), mean);
  let high = Math.max(quantileOfSorted(means, 0.9), mean);
  const widened = n < MIN_DAYS_FOR_BOOTSTRAP && mean > 0;
  if (widened) {
    low = Math.min(low, mean / 2);
    high = Math.max(high, mean * 2);
  }
  return { perDayCents: mean, lowPerDayCents: low, highPerDayCents: high, from: isoDay(from), to: isoDay(today), days: n, daysWithSpend: daily.filter((c) => c !== 0).length, widened };
}
