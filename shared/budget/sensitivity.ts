import { medians } from './monte-carlo';
import { isCertain, type Uncertain } from './uncertain-value';

/**
 * One-at-a-time ("tornado") sensitivity: move each uncertain input from its P10 to its P90 while
 * every other input stays at its median, and rank inputs by how far the chosen output swings.
 * Simple, explainable to a non-specialist ("the price is what moves your cost most"), and cheap:
 * 2 evaluations per input. It ignores interactions, which the Monte Carlo range still captures.
 */
export interface SensitivityEntry {
  input: string;
  /** The output metric the swing is measured on, e.g. `costUsd`. */
  metric: string;
  inputLow: number;
  inputHigh: number;
  outputAtInputLow: number;
  outputAtInputHigh: number;
  /** |outputAtInputHigh - outputAtInputLow|. */
  swing: number;
}

export function tornado<I extends string, O extends string>(
  inputs: Readonly<Record<I, Uncertain>>,
  model: (values: Readonly<Record<I, number>>) => Readonly<Record<O, number>>,
  metric: O,
): SensitivityEntry[] {
  const base = medians(inputs);
  const entries: SensitivityEntry[] = [];
  for (const k of Object.keys(inputs) as I[]) {
    const u = inputs[k];
    if (isCertain(u)) continue;
    const low = model({ ...base, [k]: u.p10 })[metric];
    const high = model({ ...base, [k]: u.p90 })[metric];
    const swing = Math.abs(high - low);
    // An input that does not move this output (e.g. price for wall-clock) is not listed.
    if (swing > 0) entries.push({ input: k, metric, inputLow: u.p10, inputHigh: u.p90, outputAtInputLow: low, outputAtInputHigh: high, swing });
  }
  // Stable tie-break on the name keeps the ranking deterministic.
  return entries.sort((a, b) => b.swing - a.swing || a.input.localeCompare(b.input));
}
