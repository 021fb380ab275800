import { dollarsToProjectCents, usdToProjectAmount, type ProjectMoney } from '../domain/currency';
import { formatAmount, formatAmountRange } from '../domain/money-format';

/**
 * The one best guess Plan shows for an estimate, on its answer and on the saved plan alike: the
 * middle (P50) of the likely range.
 *
 * Why the P50 and not the estimate's own figure: every estimator samples its uncertain inputs
 * around their middle values (10,000 seeded draws, monte-carlo.ts) and reads each output's P10,
 * P50 and P90 from the draws. The P50 is the figure the real one is as likely to land under as
 * over. The estimate's top-level figure is the model run once with every input at its middle
 * value; the model is not linear (time and cost go as 1 / MFU) and the inputs are skewed, so that
 * figure sits a few percent off the P50 (1B parameters on 20B tokens on three RTX 4090s you own:
 * $195 run once, $190 the middle of the draws). Showing both would give an owner two numbers for
 * one plan. The single run stays in the estimate, and in an answer's Details, for engineers.
 */

/** What the best guess is, in the words the screens use after a figure. */
export const BEST_GUESS_MEANING = 'the middle of the likely range: as likely to come in under as over';

/** An estimate's best guess: its range's P50 figures. */
export function bestGuessOf<F>(estimate: { range: { p50: F } }): F {
  return estimate.range.p50;
}

/**
 * An owned run's cost split (electricity, write-off) scaled so its parts add up to the best
 * guess: the estimator splits the single run, whose total is not the P50. Both parts grow with
 * the GPU-hours, so the shares of the single run are the shares of the P50.
 */
export function splitOfBestGuess(split: { electricityUsd: number; writeOffUsd: number }, bestUsd: number): { electricityUsd: number; writeOffUsd: number } {
  const total = split.electricityUsd + split.writeOffUsd;
  if (!(total > 0)) return { electricityUsd: bestUsd, writeOffUsd: 0 };
  // Scaled from the write-off side so that "already paid" (a write-off of 0) stays exactly 0.
  const writeOffUsd = (bestUsd * split.writeOffUsd) / total;
  return { electricityUsd: bestUsd - writeOffUsd, writeOffUsd };
}

/**
 * An estimate's amount in the project's currency, written as estimates are ("€175", "€15,000",
 * "€0.21"): converted once to the project's cents, then Tally's estimate format. Below one cent
 * the unrounded amount is written (two significant digits), so a price per request never reads
 * "€0". Null without a rate.
 */
export function estimateAmountIn(usd: number, m: ProjectMoney): number | null {
  const cents = dollarsToProjectCents(usd, m);
  if (cents === null) return null;
  return cents === 0 && usd !== 0 ? (usdToProjectAmount(usd, m) as number) : cents / 100;
}

export function estimateText(usd: number, m: ProjectMoney): string | null {
  const amount = estimateAmountIn(usd, m);
  return amount === null ? null : formatAmount(amount, { currency: m.currency, approx: true });
}

/** Project cents of an estimate (a saved plan's converted figures), written as estimates are. */
export function estimateCentsText(cents: number, currency: string): string {
  return formatAmount(cents / 100, { currency, approx: true });
}

/** "€126 to €248" in cents of an estimate; one amount when both ends read the same. */
export function estimateCentsRange(low: number, high: number, currency: string, joiner = ' to '): string {
  return formatAmountRange(low / 100, high / 100, { currency, approx: true, joiner });
}
