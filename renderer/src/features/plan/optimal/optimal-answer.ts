import type { Input, Output } from '../../../../../shared/contract';
import { formatAmount } from '../../../../../shared/domain/money-format';
import { countOf } from '../../../../../shared/domain/plain-words';
import { countInWords } from '../parts/answer-format';
import { WORDS_PER_TOKEN } from '../inference/inference-answer';
import { humanDuration, priceAgeText, roundNice } from '../training/training-result';
import { FITS } from './optimal-wizard';

/**
 * Plain-language readings of a compute-optimal estimate, pure and tested: the answer page only
 * lays them out. Every figure comes from `estimate.optimal`; its money (the budget, the price per
 * GPU-hour) is written in the project's currency when the page passes one (parts/plan-currency.ts).
 */
type OptimalEstimate = Output<'estimate.optimal'>;
type OptimalInput = Input<'estimate.optimal'>;

/** How the answer writes dollars: the budget as an amount, the price per GPU-hour as a unit price. */
export interface OptimalMoney {
  money(usd: number): string;
  unitPrice(usd: number): string;
}

const DOLLARS: OptimalMoney = { money: (x) => formatAmount(x), unitPrice: (x) => formatAmount(x, { perUnit: true }) };

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 2.036e22 -> "2 × 10²²": an amount of computing as it is printed in papers, two figures. */
export function scientific(x: number): string {
  const [mantissa = '0', exponent = '0'] = x.toExponential(1).split('e');
  const m = String(Number(mantissa));
  const e = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${m} × 10${e}`;
}

export function optimalHeadline(r: OptimalEstimate): string {
  return `A model of about ${countInWords(r.params)} parameters, trained on about ${countInWords(r.tokens)} tokens`;
}

/** The rule as a sentence names it: "Chinchilla’s rule (Hoffmann et al. 2022)". */
export function fitLabel(fit: OptimalEstimate['fit']): string {
  return FITS.find((f) => f.id === fit)?.by ?? fit;
}

/** What the budget was, and the rule's ratio: the sentence under the headline. */
export function budgetLine(r: OptimalEstimate, input: OptimalInput, hardwareName: string | null, money: OptimalMoney = DOLLARS): string {
  const ratio = `about ${countOf(Math.round(r.tokensPerParam), 'token')} of data for every parameter`;
  if (input.budgetUsd !== undefined) {
    return `The best use of ${money.money(input.budgetUsd)} on ${input.gpus ?? 8} x ${hardwareName ?? input.hardware ?? 'GPU'}, by ${fitLabel(r.fit)}: ${ratio}.`;
  }
  return `The best use of ${scientific(r.flops)} operations of computing, by ${fitLabel(r.fit)}: ${ratio}.`;
}

/** "About 1.6 trillion words of text": tokens in words a person can picture. */
export function dataMeaning(r: OptimalEstimate): string {
  return `About ${countInWords(r.tokens * WORDS_PER_TOKEN)} words of text.`;
}

/** The GPU time a dollar budget buys, how long that takes on the GPUs asked for, and the price's age. */
export function gpuTimeMeaning(r: OptimalEstimate, gpus: number, today: string, money: OptimalMoney = DOLLARS): string | null {
  if (r.gpuHours === undefined) return null;
  const price = r.assumptions.pricePerGpuHourUsd;
  const age = priceAgeText(price, today);
  const rate = typeof price?.value === 'number' ? ` at ${money.unitPrice(price.value)} per GPU-hour` : '';
  return `About ${humanDuration(r.gpuHours / gpus)} on ${countOf(gpus, 'GPU')}${rate}${age ? `, ${age}` : ' (your price)'}.`;
}

export function gpuHoursText(r: OptimalEstimate): string | null {
  return r.gpuHours === undefined ? null : `${roundNice(r.gpuHours).toLocaleString('en-US')} GPU-hours`;
}
