import { roundNice } from '../training/training-result';

/**
 * The few ways of writing a figure that the memory, serving-speed and model-size answers need
 * and Tally's shared formatters (money-format.ts, plain-words.ts: counts and waits;
 * training-result.ts: durations) do not cover: memory in GB, speeds, large counts in words and
 * ranges that say a shared unit once. Two significant figures throughout: every figure here is
 * an estimate.
 */

/** Memory in GB (1e9 bytes), as the estimator and the catalog count it: "4.7 GB", "230 GB". */
export function gb(x: number): string {
  if (x > 0 && x < 0.1) return 'under 0.1 GB';
  return `${roundNice(x).toLocaleString('en-US')} GB`;
}

/** A speed in tokens a second: "15 tokens a second", "4,200 tokens a second". */
export function tokensPerSecond(x: number): string {
  const v = roundNice(x);
  return `${v.toLocaleString('en-US')} ${v === 1 ? 'token' : 'tokens'} a second`;
}

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

/** A large count in words: 1.28e10 -> "13 billion", 1.41e12 -> "1.4 trillion", 950 -> "950". */
export function countInWords(n: number): string {
  for (const [size, word] of SCALES) {
    // Rounded first, so 999.7 million reads "1 billion", not "1,000 million".
    if (roundNice(n) >= size) return `${roundNice(n / size)} ${word}`;
  }
  return roundNice(n).toLocaleString('en-US');
}

/** A speed as a figure's value, where the sentence form would wrap: "15 tokens/s". */
export function tokensPerSecondShort(x: number): string {
  return `${roundNice(x).toLocaleString('en-US')} tokens/s`;
}

/**
 * A likely range: "0.39 to 0.68 seconds" (a unit both ends share is said once), "$12 to $17";
 * null when both ends read the same, so no "$17 to $17".
 */
export function rangeText(low: string, high: string): string | null {
  if (low === high) return null;
  const [lowNumber, ...lowUnit] = low.split(' ');
  const highUnit = high.split(' ').slice(1);
  if (lowUnit.length > 0 && lowUnit.join(' ') === highUnit.join(' ')) return `${lowNumber} to ${high}`;
  return `${low} to ${high}`;
}
