/**
 * One project currency, and the one exchange rate Tally knows: how many units of it one US
 * dollar buys (the catalog prices and every estimate are in USD). Every conversion between USD
 * and a project's currency goes through this file, and each converts exactly once: a figure is
 * multiplied (or divided) by the rate and rounded to whole cents in one step, never rounded to
 * USD cents first and rounded again after.
 *
 * Storage rule: a project's budget, its monthly cap and a plan's monthly budget are integer cents
 * of the project's currency, as the owner typed them; catalog-derived costs (estimates, saved
 * plans) stay in USD as computed. The rate is applied where the two meet: when a figure is shown
 * or compared. A run's cost is the exception that proves it: it is materialised in both
 * currencies and recomputed whenever the rate changes.
 *
 * Cents here are hundredths of the major unit for every currency (as the ledger stores them),
 * also for currencies Intl prints without decimals, such as JPY.
 */
export interface ProjectMoney {
  currency: string;
  /** Project currency units per 1 USD; null when not set (a USD project's rate is always 1). */
  usdRate: number | null;
  /** The day the rate applies to ('YYYY-MM-DD'), when set. */
  usdRateAsOf: string | null;
}

/** A project's money as the conversions read it (a project row, or anything with its currency and rate fields). */
export function moneyOf(p: { currency: string; usdRate?: number | null | undefined; usdRateAsOf?: string | null | undefined }): ProjectMoney {
  return { currency: p.currency, usdRate: p.usdRate ?? null, usdRateAsOf: p.usdRateAsOf ?? null };
}

/** Conversion to a currency failed: the plain reason, for the screen. */
export interface NotConverted {
  minor: null;
  reason: string;
}

/** The rate that turns USD into `m.currency`: 1 for a USD project, else the project's own or null. */
export function usdRateOf(m: ProjectMoney): number | null {
  return m.currency === 'USD' ? 1 : m.usdRate;
}

/**
 * Rounds to whole cents, half away from zero. The product of a float rate and an amount can land
 * a hair under a true half (100 x 0.145 is 14.499999999999998), so the value is nudged up by
 * eight units of double rounding error first: a few ulps, which undoes that error and moves no
 * amount that is not within a few ulps of a half.
 */
const NUDGE = 8 * Number.EPSILON;

export function roundCents(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`an amount must be finite, got ${x}`);
  const a = Math.abs(x);
  const r = Math.floor(a + 0.5 + a * NUDGE);
  return r === 0 ? 0 : Math.sign(x) * r;
}

function noRate(m: ProjectMoney): string {
  return `the project counts in ${m.currency} and has no exchange rate from US dollars yet; set how many ${m.currency} one US dollar buys on the project's Budget page`;
}

/** Minor units (fractional cents) of `currency` in the project's currency, unrounded, or why not. */
export function toProjectMinor(minor: number, currency: string, m: ProjectMoney): { minor: number; reason: null } | NotConverted {
  if (currency === m.currency) return { minor, reason: null };
  if (currency === 'USD') {
    const rate = usdRateOf(m);
    return rate === null ? { minor: null, reason: noRate(m) } : { minor: minor * rate, reason: null };
  }
  return { minor: null, reason: `the amount is in ${currency} and the project in ${m.currency}; Tally converts only between US dollars and the project's currency` };
}

/** Minor units of `currency` in USD, unrounded, or null when no rate links the two. */
export function toUsdMinor(minor: number, currency: string, m: ProjectMoney): number | null {
  if (currency === 'USD') return minor;
  const rate = usdRateOf(m);
  if (currency === m.currency && rate !== null) return minor / rate;
  return null;
}

/** USD cents -> project cents, rounded once; null without a rate. */
export function usdCentsToProject(usdCents: number, m: ProjectMoney): number | null {
  const rate = usdRateOf(m);
  return rate === null ? null : roundCents(usdCents * rate);
}

/** Project cents -> USD cents, rounded once; null without a rate. */
export function projectCentsToUsd(cents: number, m: ProjectMoney): number | null {
  const rate = usdRateOf(m);
  return rate === null ? null : roundCents(cents / rate);
}

/**
 * Dollars as an estimate gives them (a float such as 16.2371) -> project cents, rounded once.
 * Converting the estimate's own figure, not its USD cents, keeps the rounding to one step.
 */
export function dollarsToProjectCents(usd: number, m: ProjectMoney): number | null {
  const rate = usdRateOf(m);
  return rate === null ? null : roundCents(usd * 100 * rate);
}

/**
 * A price the owner typed in the project's currency, in major units (a GPU's purchase price, a
 * tariff per kWh), -> US dollars for the estimator, unrounded: the estimate is worked out from it
 * and its figures are converted back once, so rounding here would be a second rounding. Null
 * without a rate.
 */
export function projectAmountToUsd(amount: number, m: ProjectMoney): number | null {
  const rate = usdRateOf(m);
  return rate === null ? null : amount / rate;
}

/** US dollars -> the project's currency in major units, unrounded (a unit price shown back); null without a rate. */
export function usdToProjectAmount(usd: number, m: ProjectMoney): number | null {
  const rate = usdRateOf(m);
  return rate === null ? null : usd * rate;
}

/** "0.92 EUR per US dollar" (up to 6 significant decimals, no float noise). */
export function rateWords(m: ProjectMoney): string | null {
  const rate = usdRateOf(m);
  if (rate === null || m.currency === 'USD') return null;
  return `${Number(rate.toPrecision(6)).toString()} ${m.currency} per US dollar`;
}

/**
 * What a converted figure rests on, to print next to it: "at 0.92 EUR per US dollar of
 * 2026-11-30". Null for a USD project (nothing was converted) and without a rate.
 */
export function rateNote(m: ProjectMoney): string | null {
  const words = rateWords(m);
  if (words === null) return null;
  return `at ${words}${m.usdRateAsOf ? ` of ${m.usdRateAsOf}` : ''}`;
}
