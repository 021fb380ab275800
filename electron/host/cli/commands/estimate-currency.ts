import { assumptionInCurrency } from '../../../../shared/budget/assumption-currency';
import { estimateAmountIn } from '../../../../shared/budget/best-guess';
import { AMOUNT, BUDGET, PER_HOUR, PER_KWH, convertedPrices, readPriceUsd, type PriceKind } from '../../../../shared/budget/typed-price';
import type { Project } from '../../../../shared/contract/projects';
import { moneyOf, rateNote, rateWords, usdRateOf, type ProjectMoney } from '../../../../shared/domain/currency';
import { formatAmount } from '../../../../shared/domain/money-format';
import { stringFlag, type Parsed } from '../args';
import { CliError } from '../io';
import { safeText } from '../terminal-text';
import { quantity } from './estimate-flags';
import type { Assumptions, SensitivityEntry } from './estimate-format-types';
import { usd } from './estimate-format';

/**
 * `tally estimate ... --project P`: price flags typed in the project's currency and the answer
 * written in it, as the Plan screens do. The conversion is the app's own: each price is read by
 * the shared price parser and turned into the estimator's dollars at the project's dated rate,
 * unrounded (shared/budget/typed-price.ts); each figure of the answer is converted back once
 * (shared/budget/best-guess.ts), assumptions in dollars by shared/budget/assumption-currency.ts.
 * Without --project, prices are US dollars read as quantities, exactly as before.
 */

/** What each price flag is a price of, for the shared price parser. */
const PRICE_KINDS: Readonly<Record<string, PriceKind>> = {
  'price-per-gpu-hour': PER_HOUR,
  'price-per-hour': PER_HOUR,
  'price-per-device-hour': PER_HOUR,
  'electricity-price': PER_KWH,
  'purchase-price': AMOUNT,
  budget: BUDGET,
};

export interface PriceOptions {
  allowZero?: boolean;
}

/** Reads one price flag into US dollars; undefined when the flag is absent. */
export type PriceReader = (p: Parsed, flag: string, options?: PriceOptions) => number | undefined;

/** How a report writes money: the estimate's dollars as they are, or in a project's currency. */
export interface ReportMoney {
  /** An amount of the answer ("$464", "€427"); `-` for none. */
  money(usd: number | null | undefined): string;
  /** The assumptions, those in dollars converted ("0.46 EUR/GPU-h"). */
  assumptions(all: Assumptions): Assumptions;
  /** What moves the result most, a dollar input's low and high cases converted like its assumption. */
  sensitivity(ranked: readonly SensitivityEntry[], all: Assumptions): SensitivityEntry[];
  /** Lines under the figures naming the rate and its date, and what each typed price came to. */
  notes: string[];
  /** The project's money, when the answer is in its currency. */
  shown: ProjectMoney | null;
}

export const DOLLARS: ReportMoney = { money: usd, assumptions: (all) => all, sensitivity: (ranked) => [...ranked], notes: [], shown: null };

/** The price flags as they always were: US dollars, any quantity spelling ("2.5", "1.8k"). */
export const dollarPrices: PriceReader = (p, flag, options = {}) => quantity(p, flag, { allowZero: options.allowZero === true });

/** The project's currency and its dated rate; a project in another currency without a rate is refused, saying how to set it. */
export function projectMoney(project: Project): ProjectMoney {
  const m = moneyOf(project);
  if (usdRateOf(m) === null) {
    throw new CliError(`project "${safeText(project.name)}" counts in ${m.currency} and has no exchange rate from US dollars yet; set how many ${m.currency} one US dollar buys with tally projects update ${project.id} --usd-rate RATE [--rate-date YYYY-MM-DD]`);
  }
  return m;
}

/** Price flags read in `m`'s currency by the app's price parser ("2.30", "€2.30/h", "2,30 €"), then turned into dollars at its rate. */
export function pricesIn(m: ProjectMoney): PriceReader {
  return (p, flag, options = {}) => {
    const raw = stringFlag(p, flag);
    if (raw === undefined) return undefined;
    const kind = PRICE_KINDS[flag] ?? AMOUNT;
    const r = readPriceUsd(raw, `--${flag}`, kind, m);
    if ('error' in r) throw new CliError(r.error);
    if (r.usd === undefined) throw new CliError(`--${flag} needs a price in ${m.currency}`);
    if (r.usd < 0) throw new CliError(`--${flag} must not be negative (got ${JSON.stringify(raw)})`);
    if (r.usd === 0 && options.allowZero !== true) throw new CliError(`--${flag} must be greater than 0 (got ${JSON.stringify(raw)})`);
    return r.usd;
  };
}

/**
 * The answer's money in `m`'s currency, and the two lines the Plan screens show under a converted
 * answer: the rate with its date, and each typed price beside the dollars it came to.
 */
export function moneyIn(m: ProjectMoney, project: Project, typed: ReadonlyArray<{ text: string; kind: PriceKind }>): ReportMoney {
  const words = rateWords(m);
  if (words === null) return DOLLARS;
  const each = convertedPrices(typed, m);
  return {
    money: (x) => (x === null || x === undefined ? '-' : formatAmount(estimateAmountIn(x, m) as number, { currency: m.currency })),
    assumptions: (all) => Object.fromEntries(Object.entries(all).map(([k, a]) => [k, { ...a, ...assumptionInCurrency(a, m) }])) as Assumptions,
    sensitivity: (ranked, all) =>
      ranked.map((s) => {
        const unit = all[s.input]?.unit;
        const low = assumptionInCurrency({ value: s.inputLow, unit }, m).value as number;
        const high = assumptionInCurrency({ value: s.inputHigh, unit }, m).value as number;
        return { ...s, inputLow: low, inputHigh: high };
      }),
    notes: [
      `Amounts in ${m.currency} for project "${safeText(project.name)}", converted from the estimate's US dollars ${rateNote(m)}.`,
      ...(each.length ? [`Prices you typed in ${m.currency} went to the estimate in US dollars at ${words}: ${each.join('; ')}.`] : []),
    ],
    shown: m,
  };
}

/** The price flags given on the command line, with what each is a price of, for the "is $..." line. */
export function typedPriceFlags(p: Parsed): Array<{ text: string; kind: PriceKind }> {
  return Object.entries(PRICE_KINDS).flatMap(([flag, kind]) => {
    const text = stringFlag(p, flag);
    return text === undefined ? [] : [{ text, kind }];
  });
}
