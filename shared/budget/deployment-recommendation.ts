import { formatAmount } from '../domain/money-format';
import { waitText } from '../domain/plain-words';
import type { BreakEven } from './break-even';
import type { DeploymentOptionKind, DeploymentOptionResult } from './deployment-options';
import type { SensitivityEntry } from './sensitivity';
import type { Workload } from './workload';

/**
 * Turns the comparison into one plain sentence with reasons, and "what would change the
 * answer": the break-even volume against the runner-up and any uncertain input whose P10 or P90
 * would make the runner-up cheaper (one-at-a-time, on the monthly cost gap).
 */
export interface Recommendation {
  option: DeploymentOptionKind | null;
  sentence: string;
  reasons: string[];
  whatWouldChange: string[];
}

const INPUT_WORDS: Record<string, string> = {
  cloudUsdPerGpuHour: 'cloud GPU price',
  electricityUsdPerKwh: 'electricity price',
  ownedPowerW: 'power draw of your device',
  bandwidthEfficiency: 'serving efficiency',
  computeEfficiency: 'compute efficiency',
  perStepOverheadMs: 'per-step serving overhead',
  apiFirstTokenMs: 'API response delay',
  apiOutputTokensPerS: 'API generation speed',
};

/** Dollars as the sentences write them; a caller showing another currency passes its own. */
export type MoneyWords = (usd: number) => string;
export const usdWords: MoneyWords = (x) => formatAmount(x, { approx: true });
const perDay = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(2));

function dataWords(r: DeploymentOptionResult): string {
  if (!r.dataLeavesMachine) return 'keeps your data on your own machine';
  return r.dataGoesToThirdParty ? 'sends your data to the API provider' : 'sends your data to a cloud machine you rent (not to a model provider)';
}

export function recommend(
  results: readonly DeploymentOptionResult[],
  pairs: readonly BreakEven[],
  w: Workload,
  gapSensitivity: (best: DeploymentOptionKind, other: DeploymentOptionKind) => SensitivityEntry[],
  usd: MoneyWords = usdWords,
): { recommendation: Recommendation; sensitivity: SensitivityEntry[] } {
  const byCost = (a: DeploymentOptionResult, b: DeploymentOptionResult) => a.monthlyCostUsd.p50 - b.monthlyCostUsd.p50;
  const allowed = results.filter((r) => r.allowedBySensitivity).sort(byCost);
  const excluded = results.filter((r) => !r.allowedBySensitivity);
  const whatWouldChange: string[] = [];
  for (const r of excluded) whatWouldChange.push(`If your data could ${r.option === 'api' ? 'go to a model provider' : 'leave this machine'}, ${lower(r.label)} would cost about ${usd(r.monthlyCostUsd.p50)} a month.`);
  if (allowed.length === 0) {
    const sentence = `No option here is allowed for ${w.dataSensitivity} data: add your own device to the comparison.`;
    return { recommendation: { option: null, sentence, reasons: [sentence], whatWouldChange }, sensitivity: [] };
  }
  const meeting = allowed.filter((r) => r.meetsLatencyTarget !== false);
  const pool = meeting.length > 0 ? meeting : [...allowed].sort((a, b) => a.latencyMs.p50 - b.latencyMs.p50);
  const best = pool[0] as DeploymentOptionResult;
  const runnerUp = allowed.find((r) => r !== best);

  const m = best.monthlyCostUsd;
  const likely = usd(m.p10) === usd(m.p90) ? '' : ` (likely ${usd(m.p10)}–${usd(m.p90)})`;
  const reasons: string[] = [`it costs about ${usd(m.p50)} a month${likely}`];
  if (w.latencyTargetMs === undefined) reasons.push(`answers in about ${waitText(best.latencyMs.p50)}`);
  else if (best.meetsLatencyTarget) reasons.push(`answers within your limit of ${waitText(w.latencyTargetMs)} (in about ${waitText(best.latencyMs.p50)})`);
  else reasons.push(`is the fastest allowed option at about ${waitText(best.latencyMs.p50)}, but misses your limit of ${waitText(w.latencyTargetMs)}`);
  reasons.push(dataWords(best));
  if (runnerUp) reasons[0] += `, against about ${usd(runnerUp.monthlyCostUsd.p50)} for ${lower(runnerUp.label)}`;
  const sentence = `${meeting.length > 0 ? 'Use' : 'No option answers fast enough; the closest is'} ${lower(best.label)}: ${reasons.map((r, i) => (i === 0 ? r : i === reasons.length - 1 ? `and it ${r}` : `it ${r}`)).join('; ')}.`;

  let sensitivity: SensitivityEntry[] = [];
  if (runnerUp) {
    const pair = pairs.find((p) => p.between.includes(best.option) && p.between.includes(runnerUp.option));
    if (pair && pair.requestsPerDay !== null) {
      whatWouldChange.push(`At about ${perDay(pair.requestsPerDay)} requests a day (you plan ${perDay(w.requestsPerDay)}), the cheaper choice switches: below it ${lower(label(results, pair.cheaperBelow))} is cheaper, above it ${lower(label(results, pair.cheaperAbove))}.`);
    }
    sensitivity = gapSensitivity(best.option, runnerUp.option);
    const gap = best.monthlyCostUsd.p50 - runnerUp.monthlyCostUsd.p50;
    for (const s of sensitivity) {
      const flipAt = [s.outputAtInputLow, s.outputAtInputHigh].findIndex((g) => Math.sign(g) !== Math.sign(gap) && g !== 0);
      if (flipAt >= 0) {
        const value = flipAt === 0 ? s.inputLow : s.inputHigh;
        whatWouldChange.push(`If the ${INPUT_WORDS[s.input] ?? s.input} were ${formatInput(s.input, value, usd)}, ${lower(runnerUp.label)} would be ${gap < 0 ? 'cheaper' : 'dearer'}.`);
      }
    }
    if (runnerUp.meetsLatencyTarget === false && best.meetsLatencyTarget) whatWouldChange.push(`Accepting answers slower than ${waitText(runnerUp.latencyMs.p50)} would also allow ${lower(runnerUp.label)}.`);
    if (sensitivity[0] && whatWouldChange.length === excluded.length) whatWouldChange.push(`No single uncertain input reverses the answer within its range; the biggest lever is the ${INPUT_WORDS[sensitivity[0].input] ?? sensitivity[0].input}.`);
  }
  return { recommendation: { option: best.option, sentence, reasons, whatWouldChange }, sensitivity };
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function label(results: readonly DeploymentOptionResult[], kind: string | null): string {
  return results.find((r) => r.option === kind)?.label ?? 'neither';
}

function formatInput(input: string, v: number, usd: MoneyWords): string {
  // A price is exact here (a per-token or hourly rate), not an approximate monthly total.
  if (input.endsWith('Usd') || input.includes('Usd')) return usd === usdWords ? formatAmount(v) : usd(v);
  if (input.endsWith('Efficiency')) return `${Math.round(v * 100)}%`;
  if (input.endsWith('Ms')) return waitText(v, { precise: true });
  if (input.endsWith('W')) return `${Math.round(v)} W`;
  return v.toPrecision(3);
}
