import type { DeploymentComparison, InferenceEstimate, MemoryEstimate, OptimalEstimate, PilotEstimate, TrainingEstimate } from '../../../../shared/contract/estimate';
import { countOf, waitText } from '../../../../shared/domain/plain-words';
import { table } from '../format';
import { splitOfBestGuess } from '../../../../shared/budget/best-guess';
import { recommendationIn } from '../../../../shared/budget/plan-money';
import type { Workload } from '../../../../shared/budget/workload';
import { DOLLARS, type ReportMoney } from './estimate-currency';
import { assumptionLines, figureTable, hours, num, priceAge, rangeOf, sensitivityLines, short, warningLines } from './estimate-format';

/**
 * One human-readable report per estimate kind, built from the same object --json prints. Money is
 * written by `$`: the estimate's dollars, or a project's currency with the rate named under the
 * figures (estimate-currency.ts).
 */
const withAge = (a: Parameters<typeof priceAge>[0]) => {
  const age = priceAge(a);
  return age ? ` (${age})` : '';
};
const kwh = (x: number) => `${num(x)} kWh`;
const kg = (x: number) => `${num(x)} kg`;
const gb = (x: number) => `${num(x)} GB`;
const wait = (x: number) => waitText(x, { precise: true });

/** What a cost is made of: a rental price, or the electricity and write-off of owned devices. */
function costMeaning(owned: { electricityUsd: number; writeOffUsd: number } | undefined, rental: string, $: ReportMoney): string {
  if (!owned) return rental;
  const parts = [`electricity ${$.money(owned.electricityUsd)}`, owned.writeOffUsd > 0 ? `write-off ${$.money(owned.writeOffUsd)}` : 'purchase already paid'];
  return `your own hardware: ${parts.join(' + ')}`;
}

export function trainingReport(r: TrainingEstimate, $: ReportMoney = DOLLARS): string {
  const usd = $.money;
  const { p10, p50, p90 } = r.range;
  const gpus = r.assumptions.gpus?.value ?? 1;
  const rows = [
    ...(r.flops !== undefined ? [{ label: 'compute', best: `${num(r.flops)} FLOPs`, range: 'certain', meaning: 'arithmetic the training needs (6 x params x tokens)' }] : []),
    { label: 'GPU-hours', best: num(p50.gpuHours), range: rangeOf(p10.gpuHours, p90.gpuHours, num), meaning: 'GPU time summed over all GPUs' },
    { label: 'wall-clock', best: hours(p50.wallClockHours), range: rangeOf(p10.wallClockHours, p90.wallClockHours, hours), meaning: `how long you wait with ${countOf(Number(gpus), 'GPU')}` },
    { label: 'cost', best: usd(p50.costUsd), range: rangeOf(p10.costUsd, p90.costUsd, usd), meaning: costMeaning(r.ownedCost && splitOfBestGuess(r.ownedCost, p50.costUsd), `GPU rental at the price below${withAge(r.assumptions.pricePerGpuHourUsd)}`, $) },
    { label: 'energy', best: kwh(p50.energyKwh), range: rangeOf(p10.energyKwh, p90.energyKwh, kwh), meaning: 'electricity, including data-centre overhead' },
    { label: 'CO2', best: kg(p50.co2Kg), range: rangeOf(p10.co2Kg, p90.co2Kg, kg), meaning: 'emissions at the grid intensity below (kg CO2e)' },
  ];
  const flags = warningLines(r.warnings, r.notes);
  return [
    `Training on ${gpus} x ${r.hardware.name} (${r.hardware.id})${r.ownedCost ? ', your own' : ''}`,
    figureTable(rows),
    ...$.notes,
    ...(flags.length ? ['', ...flags] : []),
    '',
    sensitivityLines('What moves the cost most', $.sensitivity(r.sensitivity, r.assumptions), usd),
    '',
    assumptionLines($.assumptions(r.assumptions), r.sensitivity),
  ].join('\n');
}

export function optimalReport(r: OptimalEstimate, $: ReportMoney = DOLLARS): string {
  const rows: Array<[string, string, string]> = [
    ['parameters', short(r.params), 'the model size that makes the best use of this compute'],
    ['tokens', short(r.tokens), `training data to go with it (${num(r.tokensPerParam)} tokens per parameter)`],
    ['compute', `${num(r.flops)} FLOPs`, '6 x parameters x tokens'],
    ...(r.gpuHours !== undefined ? [['GPU-hours', num(r.gpuHours), `what the budget buys at the price below${withAge(r.assumptions.pricePerGpuHourUsd)}`] as [string, string, string]] : []),
    ...(r.goodput !== undefined ? [['goodput', num(r.goodput), 'share of those hours that trains (restarts, evaluation)'] as [string, string, string]] : []),
    ...(r.mfu !== undefined ? [['peak share', num(r.mfu), 'share of the chip\'s peak compute assumed'] as [string, string, string]] : []),
  ];
  const w = Math.max(...rows.map((x) => x[1].length));
  return [`Compute-optimal size (${r.fit})`, ...rows.map(([k, v, m]) => `  ${k.padEnd(10)}  ${v.padEnd(w)}  ${m}`), ...$.notes, '', assumptionLines($.assumptions(r.assumptions), [])].join('\n');
}

export function memoryReport(r: MemoryEstimate, mode: string): string {
  const b = r.breakdown;
  const parts: Array<[string, number, string]> = [
    ['weights', b.weightsGb, 'the model itself'],
    ['gradients', b.gradientsGb, 'one value per trained weight'],
    ['optimizer', b.optimizerGb, 'optimizer state (e.g. Adam moments, fp32 master copy)'],
    ['activations', b.activationsGb, 'intermediate values kept for the backward pass'],
    ['KV cache', b.kvCacheGb, 'attention keys and values of the context being served'],
    ['overhead', b.overheadGb, 'runtime buffers and CUDA context'],
  ];
  const shown = parts.filter(([, v]) => v > 0);
  const fits = r.fits.slice(0, 12).map((f) => [f.hardware, f.name, f.count, gb(f.memoryGb)]);
  return [
    `Memory for ${mode}: ${gb(r.totalGb)} per device (GB = 1e9 bytes)`,
    ...shown.map(([k, v, m]) => `  ${k.padEnd(11)} ${gb(v).padStart(10)}   ${m}`),
    '',
    r.fits.length ? `Devices that hold it (fewest first${r.fits.length > 12 ? `, ${r.fits.length - 12} more in --json` : ''}):\n${table(['ID', 'DEVICE', 'COUNT', 'MEMORY EACH'], fits)}` : 'No catalog device holds it.',
    ...(r.notes.length ? ['', ...r.notes.map((n) => `Note: ${n}`)] : []),
    '',
    assumptionLines(r.assumptions, []),
  ].join('\n');
}

export function inferenceReport(r: InferenceEstimate, $: ReportMoney = DOLLARS): string {
  const { p10, p50, p90 } = r.range;
  const usd = $.money;
  const cost = (x: number | null) => usd(x);
  const rows = [
    { label: 'prefill', best: `${num(p50.prefillTokensPerS)} tok/s`, range: rangeOf(p10.prefillTokensPerS, p90.prefillTokensPerS, num), meaning: 'how fast the prompt is read' },
    { label: 'decode', best: `${num(p50.decodeTokensPerSPerSequence)} tok/s`, range: rangeOf(p10.decodeTokensPerSPerSequence, p90.decodeTokensPerSPerSequence, num), meaning: 'how fast each answer is written' },
    { label: 'decode total', best: `${num(p50.decodeTokensPerSTotal)} tok/s`, range: rangeOf(p10.decodeTokensPerSTotal, p90.decodeTokensPerSTotal, num), meaning: 'all sequences of the batch together' },
    { label: 'first token', best: wait(p50.latencyMs.firstToken), range: rangeOf(p10.latencyMs.firstToken, p90.latencyMs.firstToken, wait), meaning: 'wait before the answer starts' },
    { label: 'full answer', best: wait(p50.latencyMs.total), range: rangeOf(p10.latencyMs.total, p90.latencyMs.total, wait), meaning: 'wait for the whole answer' },
    { label: 'per 1M tokens', best: cost(p50.costPer1MTokensUsd), range: r.costPer1MTokensUsd === null ? '-' : rangeOf(p10.costPer1MTokensUsd ?? 0, p90.costPer1MTokensUsd ?? 0, usd), meaning: `device rental per million output tokens, fully busy${withAge(r.assumptions.pricePerHourUsd)}` },
    { label: 'per 1k requests', best: cost(p50.costPer1kRequestsUsd), range: r.costPer1kRequestsUsd === null ? '-' : rangeOf(p10.costPer1kRequestsUsd ?? 0, p90.costPer1kRequestsUsd ?? 0, usd), meaning: `device rental per thousand requests${withAge(r.assumptions.pricePerHourUsd)}` },
  ];
  const flags = warningLines(r.warnings, r.notes);
  return [
    `Serving on ${r.gpus} x ${r.hardware.name} (${r.hardware.id}): ${gb(r.memoryGb)} needed, ${r.bound}-bound decode`,
    figureTable(rows),
    ...$.notes,
    ...(flags.length ? ['', ...flags] : []),
    '',
    sensitivityLines('What moves the wait most', $.sensitivity(r.sensitivity, r.assumptions), wait),
    '',
    assumptionLines($.assumptions(r.assumptions), r.sensitivity),
  ].join('\n');
}

export function compareReport(r: DeploymentComparison, $: ReportMoney = DOLLARS, workload?: Workload): string {
  const usd = $.money;
  // The recommendation's sentences re-worded in the project's currency, as the cloud wizard's answer does.
  const recommendation = ($.shown && workload && recommendationIn(r, workload, $.shown)) || r.recommendation;
  const rows = r.options.map((o) => [
    o.label,
    usd(o.monthlyCostUsd.p50),
    rangeOf(o.monthlyCostUsd.p10, o.monthlyCostUsd.p90, usd),
    usd(o.costPerRequestUsd.p50),
    wait(o.latencyMs.p50),
    o.meetsLatencyTarget === null ? '-' : o.meetsLatencyTarget ? 'yes' : 'no',
    o.dataLeavesMachine ? (o.dataGoesToThirdParty ? 'to the provider' : 'to your cloud') : 'stays here',
    o.allowedBySensitivity ? 'yes' : 'no',
  ]);
  const breakEven = r.breakEven.map((b) => (b.requestsPerDay === null ? `  ${b.between.join(' vs ')}: ${b.cheaperBelow ?? 'neither'} is cheaper at every volume` : `  ${b.between.join(' vs ')}: switch at about ${num(b.requestsPerDay)} requests/day (${b.cheaperBelow} cheaper below, ${b.cheaperAbove} above)`));
  const age = priceAge(r.assumptions.cloudUsdPerGpuHour);
  const flags = warningLines(r.warnings);
  return [
    recommendation.sentence,
    '',
    `At ${num(r.requestsPerDay)} requests a day (${num(r.requestsPerMonth)} a month):`,
    table(['OPTION', 'MONTHLY', 'LIKELY RANGE', 'PER REQUEST', 'ANSWER TIME', 'FAST ENOUGH', 'YOUR DATA', 'ALLOWED'], rows),
    ...(age ? [`Rented GPU at catalog ${age}.`] : []),
    ...$.notes,
    ...(flags.length ? ['', ...flags] : []),
    '',
    'Break-even volumes:',
    ...breakEven,
    ...(recommendation.whatWouldChange.length ? ['', 'What would change the answer:', ...recommendation.whatWouldChange.map((w) => `  - ${w}`)] : []),
    '',
    assumptionLines($.assumptions(r.assumptions), r.sensitivity),
  ].join('\n');
}

export function pilotReport(r: PilotEstimate, $: ReportMoney = DOLLARS): string {
  const { p10, p50, p90 } = r.range;
  const usd = $.money;
  const rows = [
    { label: 'wall-clock', best: hours(p50.wallClockHours), range: rangeOf(p10.wallClockHours, p90.wallClockHours, hours), meaning: 'how long the full job takes' },
    { label: 'device-hours', best: num(p50.deviceHours), range: rangeOf(p10.deviceHours, p90.deviceHours, num), meaning: 'device time summed over all devices' },
    { label: 'cost', best: usd(p50.costUsd), range: r.costUsd === null ? '-' : rangeOf(p10.costUsd ?? 0, p90.costUsd ?? 0, usd), meaning: r.costUsd === null ? 'no price: give --price-per-device-hour, or --owned' : costMeaning(r.ownedCost && p50.costUsd !== null ? splitOfBestGuess(r.ownedCost, p50.costUsd) : r.ownedCost, `device rental${withAge(r.assumptions.pricePerDeviceHourUsd)}`, $) },
    { label: 'energy', best: kwh(p50.energyKwh), range: rangeOf(p10.energyKwh, p90.energyKwh, kwh), meaning: 'electricity, including overhead' },
    { label: 'CO2', best: kg(p50.co2Kg), range: rangeOf(p10.co2Kg, p90.co2Kg, kg), meaning: 'emissions (kg CO2e)' },
  ];
  const flags = warningLines(r.warnings);
  return [
    `Full run on ${r.hardware.name} (${r.hardware.id}), scaled from the pilot by a peak ratio of ${num(r.peakRatio)}`,
    figureTable(rows),
    ...$.notes,
    ...(flags.length ? ['', ...flags] : []),
    '',
    sensitivityLines('What moves the time most', $.sensitivity(r.sensitivity, r.assumptions), hours),
    '',
    assumptionLines($.assumptions(r.assumptions), r.sensitivity),
  ].join('\n');
}
