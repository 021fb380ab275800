import type { Output } from '../../../../../shared/contract';
import { countOf, waitText } from '../../../../../shared/domain/plain-words';
import { rangeText, tokensPerSecond } from '../parts/answer-format';
import { priceAgeText, roundNice, usd, type MoneyWriter } from '../training/training-result';

/**
 * Plain-language readings of a serving estimate, pure and tested: the answer page only lays them
 * out. Every figure comes from `estimate.inference`.
 */
type InferenceEstimate = Output<'estimate.inference'>;

/** About three quarters of an English word per token (OpenAI's rule of thumb; TERMS.token says the same). */
export const WORDS_PER_TOKEN = 0.75;

/** "the NVIDIA L4", or "2 NVIDIA A100 SXM 80GB working together". */
export function onDevices(r: InferenceEstimate): string {
  return r.gpus === 1 ? `the ${r.hardware.name}` : `${r.gpus} ${r.hardware.name} working together`;
}

export function servingHeadline(r: InferenceEstimate): string {
  return `About ${waitText(r.latencyMs.total)} per answer on ${onDevices(r)}`;
}

/** The wait before the first words and the writing speed after, in one sentence. */
export function writingLine(r: InferenceEstimate): string {
  const words = roundNice(r.decodeTokensPerSPerSequence * WORDS_PER_TOKEN);
  return `The first words appear after ${waitText(r.latencyMs.firstToken)}; then it writes about ${tokensPerSecond(r.decodeTokensPerSPerSequence)} (about ${countOf(words, 'word')} a second).`;
}

/** What the writing speed means at this batch: per request, and all together. */
export function speedMeaning(r: InferenceEstimate, batch: number): string {
  if (batch === 1) return 'For one request at a time.';
  return `For each request; ${tokensPerSecond(r.decodeTokensPerSTotal)} for all ${batch} answered together.`;
}

/**
 * Where the cost figure's price comes from and how old it is: "Priced at catalog prices from
 * 2025-03-03 (21 months old; check the current price)", or the owner's own price, or why there is
 * no cost at all.
 */
export function costMeaning(r: InferenceEstimate, today: string, money: Pick<MoneyWriter, 'approx'> = { approx: usd }): string {
  const price = r.assumptions.pricePerHourUsd;
  if (r.costPer1kRequestsUsd === null || !price) return `The catalog has no rental price for the ${r.hardware.name}: change the answers and type your price per hour.`;
  const age = priceAgeText(price, today);
  const rent = `Renting ${r.gpus === 1 ? 'the device' : `the ${r.gpus} devices`} while it answers them, kept busy.`;
  if (age) return `${rent} Priced ${age}.`;
  return `${rent} At your price of ${money.approx(typeof price.value === 'number' ? price.value : Number(price.value))} an hour${r.gpus === 1 ? '' : ' for each'}.`;
}

const INPUT_WORDS: Record<string, string> = {
  bandwidthEfficiency: 'share of the memory speed the device reaches',
  perStepOverheadMs: 'fixed time for every word written',
  computeEfficiency: 'share of the chip’s top speed used to read the question',
  firstTokenOverheadMs: 'fixed wait before the first word',
  pricePerHourUsd: 'price per hour',
};

/** "What moves the answer time most", each line from the estimate's low and high case. */
export function sensitivityLines(r: InferenceEstimate): string[] {
  // An input whose low and high case read the same in seconds moves nothing worth saying.
  return r.sensitivity
    .flatMap((s) => {
      const range = rangeText(waitText(s.outputAtInputLow), waitText(s.outputAtInputHigh));
      return range ? [`The ${INPUT_WORDS[s.input] ?? s.input}: from its low to its high case the whole answer takes ${range}.`] : [];
    })
    .slice(0, 3);
}

/**
 * The estimator's notes in the page's words: the ones a person can act on. The others (how a
 * chip's peak was read) stay in the details.
 */
export function plainServingNotes(r: InferenceEstimate): string[] {
  return r.notes.flatMap((n) => {
    if (/^KV cache not counted/.test(n)) return ['The memory for the text in view is not counted for a size you type: pick one of the listed models to count it.'];
    if (/^Split over \d+ devices/.test(n)) return [`The model is too big for one ${r.hardware.name}, so ${r.gpus} of them share it; how fast they talk to each other is not counted, so the real speed may be lower.`];
    return [];
  });
}
