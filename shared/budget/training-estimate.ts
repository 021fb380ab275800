import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import { assumptionFrom, type Assumptions } from './assumption';
import { defaultMfu } from './default-mfu';
import { canSplit, cannotSplitReason } from './device-traits';
import { co2Kg, energyKwh } from './energy-and-carbon';
import { DEFAULT_GRID_KG_PER_KWH, DEFAULT_POWER_FRACTION_OF_TDP, DEFAULT_PUE, POWER_SOURCE } from './energy-defaults';
import { defaultGoodput } from './goodput';
import { invalid, requirePositive, requirePositiveInteger } from './input-checks';
import { ownedRunCost, resolveOwnedHardware, type OwnedHardwareInput, type ResolvedOwnedHardware } from './owned-hardware';
import { runMonteCarlo, medians, type MonteCarloOptions } from './monte-carlo';
import { peakFor } from './peak-throughput';
import { checkPlausible, checkPowerAgainstTdp, PLAUSIBLE, TERM_IN_WORDS } from './plausibility';
import { tornado, type SensitivityEntry } from './sensitivity';
import { gpuHoursFor, trainingFlops, type AttentionShape } from './training-flops';
import { trainingFitSentence, trainingMemoryFit, type TrainingMemoryFit } from './training-fit';
import { assertOrderedUncertain, toUncertain, type MaybeUncertain, type Uncertain } from './uncertain-value';

/**
 * Training cost, time, energy and CO2 for a run, from either the model and data size (params +
 * tokens) or GPU-hours already known (a finished run). Every uncertain input can be a plain number
 * (certain) or {p10, p50, p90}; defaults are documented in default-mfu.ts and energy-defaults.ts.
 */
export interface TrainingInput {
  hardware: HardwareSpec;
  /** Number of accelerators (default 1). */
  gpus?: number;
  precision?: TrainingPrecision;
  params?: number;
  tokens?: number;
  /** Adds PaLM's attention term 12·L·H·Q·T per token. */
  attention?: AttentionShape;
  /** Alternative to params + tokens. */
  gpuHours?: number;
  mfu?: MaybeUncertain;
  /**
   * Share of the GPU-hours that advances training (restarts, lost work, evaluation pauses);
   * default by GPU count (goodput.ts). Ignored when gpuHours is given.
   */
  goodput?: MaybeUncertain;
  /** Rental price; required unless `owned` is given (the two exclude each other). */
  pricePerGpuHourUsd?: MaybeUncertain;
  /**
   * The GPUs are yours: the cost is electricity plus the write-off share of their purchase for
   * the run's GPU-hours (owned-hardware.ts) instead of a rental price.
   */
  owned?: OwnedHardwareInput;
  /** Where the price came from (e.g. a catalog row id), shown as its source. */
  priceSource?: string;
  gpuPowerW?: MaybeUncertain;
  pue?: MaybeUncertain;
  gridKgCo2PerKwh?: MaybeUncertain;
  gridSource?: string;
}

export interface TrainingFigures {
  flops?: number;
  gpuHours: number;
  wallClockHours: number;
  costUsd: number;
  energyKwh: number;
  co2Kg: number;
}

export interface TrainingEstimate extends TrainingFigures {
  range: { p10: TrainingFigures; p50: TrainingFigures; p90: TrainingFigures };
  assumptions: Assumptions;
  /** Tornado ranking on costUsd (largest swing first). */
  sensitivity: SensitivityEntry[];
  sensitivityByMetric: { costUsd: SensitivityEntry[]; wallClockHours: SensitivityEntry[]; co2Kg: SensitivityEntry[] };
  /** Whether the model state fits on the GPUs; null when costed from GPU-hours (no model size). */
  memoryFit: TrainingMemoryFit | null;
  /** Problems the estimate still ran with: does not fit in memory, implausible inputs. */
  warnings: string[];
  /** Facts worth knowing: a precision the device lacks, sharding needed to fit. */
  notes: string[];
  /** Owned hardware only: the best-guess cost split into electricity and write-off. */
  ownedCost?: { electricityUsd: number; writeOffUsd: number };
}

type Input = 'mfu' | 'goodput' | 'pricePerGpuHourUsd' | 'electricityUsdPerKwh' | 'gpuPowerW' | 'pue' | 'gridKgCo2PerKwh';
type Output = 'gpuHours' | 'wallClockHours' | 'costUsd' | 'energyKwh' | 'co2Kg';
const OUTPUTS: readonly Output[] = ['gpuHours', 'wallClockHours', 'costUsd', 'energyKwh', 'co2Kg'];

function checked(name: string, x: MaybeUncertain): Uncertain {
  const u = toUncertain(x);
  assertOrderedUncertain(name, u);
  if (u.p10 <= 0) throw invalid(name, 'must be positive');
  return u;
}

export function estimateTraining(input: TrainingInput, options: MonteCarloOptions = {}): TrainingEstimate {
  const spec = input.hardware;
  const gpus = requirePositiveInteger('gpus', input.gpus ?? 1);
  if (gpus > 1 && !canSplit(spec)) throw invalid('gpus', `must be 1: ${cannotSplitReason(spec)}`);
  const requested = input.precision ?? 'bf16';
  let precision: TrainingPrecision = requested;
  const assumptions: Assumptions = {};
  const warnings: string[] = [];
  const notes: string[] = [];
  const byFlops = input.gpuHours === undefined;
  if (input.owned !== undefined && input.pricePerGpuHourUsd !== undefined) throw invalid('owned', 'excludes pricePerGpuHourUsd: owned GPUs cost electricity and their write-off, not a rental price');
  if (input.owned === undefined && input.pricePerGpuHourUsd === undefined) throw invalid('pricePerGpuHourUsd', 'is required unless the GPUs are owned');
  const owned: ResolvedOwnedHardware | null = input.owned === undefined ? null : resolveOwnedHardware(input.owned, 'owned', assumptions, warnings);
  let memoryFit: TrainingMemoryFit | null = null;

  let flops: number | undefined;
  let peakTflops = 0;
  const inputs: Record<Input, Uncertain> = {
    mfu: { p10: 1, p50: 1, p90: 1 },
    goodput: { p10: 1, p50: 1, p90: 1 },
    pricePerGpuHourUsd: owned ? { p10: 0, p50: 0, p90: 0 } : checked('pricePerGpuHourUsd', input.pricePerGpuHourUsd as MaybeUncertain),
    electricityUsdPerKwh: owned ? owned.electricityUsdPerKwh : { p10: 0, p50: 0, p90: 0 },
    gpuPowerW: { p10: 0, p50: 0, p90: 0 },
    pue: checked('pue', input.pue ?? DEFAULT_PUE.value),
    gridKgCo2PerKwh: toUncertain(input.gridKgCo2PerKwh ?? DEFAULT_GRID_KG_PER_KWH.value),
  };
  assertOrderedUncertain('gridKgCo2PerKwh', inputs.gridKgCo2PerKwh);

  if (byFlops) {
    if (input.params === undefined || input.tokens === undefined) throw invalid('params', 'and tokens are required unless gpuHours is given');
    requirePositive('params', input.params);
    requirePositive('tokens', input.tokens);
    flops = trainingFlops(input.params, input.tokens, input.attention);
    const peak = peakFor(spec, requested);
    if (!peak) throw invalid('hardware', `${spec.id} publishes no compute figure usable for ${requested} training`);
    peakTflops = peak.tflops;
    precision = peak.precision as TrainingPrecision;
    if (peak.note) notes.push(peak.note);
    assumptions.flopsPerToken = { value: flops / input.tokens, unit: 'FLOP/token', source: input.attention ? 'PaLM App. B: 6N + 12·L·H·Q·T' : 'Kaplan et al. 2020 §2.1 / Hoffmann et al. 2022: 6N' };
    assumptions.peakTflops = { value: peak.tflops, unit: 'TFLOPS (dense)', source: peak.note ? `${spec.name} ${peak.column}; ${peak.note}` : `${spec.name} ${peak.column}, dense (hardware catalog)` };
    if (input.mfu === undefined) {
      const d = defaultMfu(spec, input.params, { gpus, peak, precision: requested });
      inputs.mfu = d.value;
      assumptions.mfu = assumptionFrom(d.value, 'fraction of dense peak', `default: ${d.source}`);
    } else {
      inputs.mfu = checked('mfu', input.mfu);
      if (inputs.mfu.p90 > 1) throw invalid('mfu', 'must not exceed 1');
      checkPlausible('mfu', inputs.mfu, PLAUSIBLE.mfu, warnings, TERM_IN_WORDS.mfu);
      assumptions.mfu = assumptionFrom(inputs.mfu, 'fraction of dense peak', 'user input');
    }
    if (input.goodput === undefined) {
      const g = defaultGoodput(gpus);
      inputs.goodput = g.value;
      assumptions.goodput = assumptionFrom(g.value, 'share of GPU-hours that trains', `default for ${gpus} GPU${gpus === 1 ? '' : 's'}: ${g.source}`);
    } else {
      inputs.goodput = checked('goodput', input.goodput);
      if (inputs.goodput.p90 > 1) throw invalid('goodput', 'is a share of the GPU-hours and must not exceed 1');
      assumptions.goodput = assumptionFrom(inputs.goodput, 'share of GPU-hours that trains', 'user input');
    }
    memoryFit = trainingMemoryFit(spec, input.params, gpus, precision);
    if (!memoryFit.fits) warnings.push(trainingFitSentence(memoryFit, spec, gpus));
    else if (memoryFit.sharded) notes.push(trainingFitSentence(memoryFit, spec, gpus));
  } else {
    requirePositive('gpuHours', input.gpuHours as number);
    assumptions.gpuHours = { value: input.gpuHours as number, unit: 'GPU-h', source: 'user input' };
  }

  if (input.gpuPowerW === undefined) {
    if (spec.tdpW === null) throw invalid('gpuPowerW', `is required: ${spec.name} has no published power figure`);
    const f = DEFAULT_POWER_FRACTION_OF_TDP;
    inputs.gpuPowerW = { p10: spec.tdpW * f.p10, p50: spec.tdpW * f.p50, p90: spec.tdpW * f.p90 };
    assumptions.gpuPowerW = assumptionFrom(inputs.gpuPowerW, 'W', POWER_SOURCE);
  } else {
    inputs.gpuPowerW = checked('gpuPowerW', input.gpuPowerW);
    checkPowerAgainstTdp('gpuPowerW', inputs.gpuPowerW, spec.tdpW, spec.name, warnings, 'GPU power');
    assumptions.gpuPowerW = assumptionFrom(inputs.gpuPowerW, 'W', 'user input');
  }
  if (input.pue !== undefined) checkPlausible('pue', inputs.pue, PLAUSIBLE.pue, warnings, TERM_IN_WORDS.pue);
  if (input.gridKgCo2PerKwh !== undefined) checkPlausible('gridKgCo2PerKwh', inputs.gridKgCo2PerKwh, PLAUSIBLE.gridKgCo2PerKwh, warnings, 'Grid intensity');
  if (!owned) {
    checkPlausible('pricePerGpuHourUsd', inputs.pricePerGpuHourUsd, PLAUSIBLE.pricePerGpuHourUsd, warnings, 'Price');
    assumptions.pricePerGpuHourUsd = assumptionFrom(inputs.pricePerGpuHourUsd, 'USD/GPU-h', input.priceSource ?? 'user input');
  }
  assumptions.pue = assumptionFrom(inputs.pue, 'ratio', input.pue === undefined ? DEFAULT_PUE.source : 'user input');
  assumptions.gridKgCo2PerKwh = assumptionFrom(inputs.gridKgCo2PerKwh, 'kg CO2e/kWh', input.gridKgCo2PerKwh === undefined ? DEFAULT_GRID_KG_PER_KWH.source : (input.gridSource ?? 'user input'));
  assumptions.gpus = { value: gpus, source: 'user input' };
  const precisionSource = precision !== requested ? `${requested} requested; ${spec.name} runs it as ${precision}` : input.precision ? 'user input' : 'default (mixed-precision BF16)';
  assumptions.precision = { value: precision, source: precisionSource };

  const fixedGpuHours = input.gpuHours;
  const model = (v: Readonly<Record<Input, number>>): Record<Output, number> => {
    // A draw above 1 would mean faster than the steady state; the goodput is a share, capped at 1.
    const gpuHours = fixedGpuHours ?? gpuHoursFor(flops as number, peakTflops, v.mfu) / Math.min(1, v.goodput);
    const kwh = energyKwh(gpuHours, v.gpuPowerW, v.pue);
    const costUsd = owned ? ownedRunCost(kwh, gpuHours, v.electricityUsdPerKwh, owned).totalUsd : gpuHours * v.pricePerGpuHourUsd;
    return { gpuHours, wallClockHours: gpuHours / gpus, costUsd, energyKwh: kwh, co2Kg: co2Kg(kwh, v.gridKgCo2PerKwh) };
  };

  const withFlops = (f: Record<Output, number>): TrainingFigures => (flops === undefined ? { ...f } : { flops, ...f });
  const q = runMonteCarlo(inputs, model, OUTPUTS, options);
  const pick = (k: 'p10' | 'p50' | 'p90') => withFlops(Object.fromEntries(OUTPUTS.map((o) => [o, q[o][k]])) as Record<Output, number>);
  const point = withFlops(model(medians(inputs)));
  const sens = {
    costUsd: tornado(inputs, model, 'costUsd'),
    wallClockHours: tornado(inputs, model, 'wallClockHours'),
    co2Kg: tornado(inputs, model, 'co2Kg'),
  };
  const result: TrainingEstimate = { ...point, range: { p10: pick('p10'), p50: pick('p50'), p90: pick('p90') }, assumptions, sensitivity: sens.costUsd, sensitivityByMetric: sens, memoryFit, warnings, notes };
  if (owned) {
    const split = ownedRunCost(point.energyKwh, point.gpuHours, owned.electricityUsdPerKwh.p50, owned);
    result.ownedCost = { electricityUsd: split.electricityUsd, writeOffUsd: split.writeOffUsd };
  }
  return result;
}
