import type { z } from 'zod';
import { compareDeployments } from '../../../shared/budget/deployment-comparison';
import { optimalForDollarBudget, optimalForFlops, optimalForParams } from '../../../shared/budget/compute-optimal';
import { estimateInference } from '../../../shared/budget/inference-estimate';
import { estimateInferenceMemory } from '../../../shared/budget/inference-memory';
import { extrapolatePilot } from '../../../shared/budget/pilot-extrapolation';
import { scalingFit } from '../../../shared/budget/scaling-fits';
import { estimateTraining } from '../../../shared/budget/training-estimate';
import { estimateTrainingMemory } from '../../../shared/budget/training-memory';
import type { Workload as CoreWorkload } from '../../../shared/budget/workload';
import type { Assumption } from '../../../shared/budget/assumption';
import type {
  DeploymentComparison,
  InferenceEstimate,
  InferenceEstimateInput,
  MemoryEstimate,
  MemoryEstimateInput,
  OptimalEstimate,
  OptimalEstimateInput,
  PilotEstimate,
  PilotEstimateInput,
  TrainingEstimate,
  TrainingEstimateInput,
  Workload,
} from '../../../shared/contract/estimate';
import type { InferencePrecision, TrainingPrecision } from '../../../shared/domain/hardware';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { effectiveCatalog } from './catalog-effective';
import { catalogPrice, dated, requirePrice, resolveGrid, resolveHardware } from './estimate-catalog';

/**
 * The estimate use cases: resolve ids and default prices against the effective catalog, call
 * the pure estimator in shared/budget, and date the assumptions that came from catalog rows.
 * Pure reads; nothing is written.
 */
type In<S extends z.ZodType> = z.output<S>;

const todayOf = (ctx: BackendContext) => ctx.clock().toISOString().slice(0, 10);

/** A dated default (the electricity tariff) gets its age, like a catalog price. */
function stampAge(a: Assumption | undefined, today: string): void {
  if (a?.asOf) dated(a, a.asOf, today);
}

export function training(ctx: BackendContext, input: In<typeof TrainingEstimateInput>): TrainingEstimate {
  const cat = effectiveCatalog(ctx.db);
  const hw = resolveHardware(cat, input.hardware, 'hardware');
  const today = todayOf(ctx);
  // Owned GPUs are costed by electricity and write-off: no rental price is looked up.
  const price = input.pricePerGpuHourUsd === undefined && input.owned === undefined ? requirePrice(cat, hw, 'pricePerGpuHourUsd', input.provider) : null;
  const grid = input.gridKgCo2PerKwh === undefined && input.gridRegion ? resolveGrid(cat, input.gridRegion, 'gridRegion') : null;
  const r = estimateTraining({
    hardware: hw,
    ...(input.gpus !== undefined ? { gpus: input.gpus } : {}),
    ...(input.precision ? { precision: input.precision } : {}),
    ...(input.gpuHours !== undefined ? { gpuHours: input.gpuHours } : { params: input.params, tokens: input.tokens }),
    ...(input.attention ? { attention: input.attention } : {}),
    ...(input.mfu !== undefined ? { mfu: input.mfu } : {}),
    ...(input.goodput !== undefined ? { goodput: input.goodput } : {}),
    ...(input.owned !== undefined ? { owned: input.owned } : { pricePerGpuHourUsd: input.pricePerGpuHourUsd ?? price!.value }),
    ...(price ? { priceSource: price.source } : {}),
    ...(input.gpuPowerW !== undefined ? { gpuPowerW: input.gpuPowerW } : {}),
    ...(input.pue !== undefined ? { pue: input.pue } : {}),
    ...(input.gridKgCo2PerKwh !== undefined ? { gridKgCo2PerKwh: input.gridKgCo2PerKwh } : grid ? { gridKgCo2PerKwh: grid.value, gridSource: grid.source } : {}),
  });
  if (price) dated(r.assumptions.pricePerGpuHourUsd, price.asOf, today);
  if (grid) dated(r.assumptions.gridKgCo2PerKwh, grid.asOf, today);
  dated(r.assumptions.peakTflops, hw.asOf, today);
  if (input.gpuPowerW === undefined) dated(r.assumptions.gpuPowerW, hw.asOf, today);
  stampAge(r.assumptions.electricityUsdPerKwh, today);
  return { ...r, hardware: { id: hw.id, name: hw.name } };
}

export function optimal(ctx: BackendContext, input: In<typeof OptimalEstimateInput>): OptimalEstimate {
  const fit = input.fit ?? 'hoffmann-approach-1';
  if (input.flops !== undefined) {
    const r = optimalForFlops(input.flops, fit);
    return { ...r, assumptions: { fit: { value: fit, source: r.source } } };
  }
  if (input.params !== undefined) {
    const r = optimalForParams(input.params, fit);
    return { ...r, assumptions: { fit: { value: fit, source: r.source } } };
  }
  const cat = effectiveCatalog(ctx.db);
  const hw = resolveHardware(cat, input.hardware as string, 'hardware');
  const today = todayOf(ctx);
  const price = input.pricePerGpuHourUsd === undefined ? requirePrice(cat, hw, 'pricePerGpuHourUsd', input.provider) : null;
  const usdPerHour = input.pricePerGpuHourUsd ?? price!.value.p50;
  const r = optimalForDollarBudget({
    budgetUsd: input.budgetUsd as number,
    hardware: hw,
    pricePerGpuHourUsd: usdPerHour,
    fit,
    ...(input.precision ? { precision: input.precision } : {}),
    ...(input.mfu !== undefined ? { mfu: input.mfu } : {}),
    ...(input.gpus !== undefined ? { gpus: input.gpus } : {}),
  });
  const { mfuSource, goodputSource, ...rest } = r;
  const assumptions: OptimalEstimate['assumptions'] = {
    fit: { value: fit, source: scalingFit(fit).source },
    pricePerGpuHourUsd: price ? { value: usdPerHour, unit: 'USD/GPU-h', source: `weighted median of ${price.source}` } : { value: usdPerHour, unit: 'USD/GPU-h', source: 'user input' },
    mfu: { value: r.mfu, unit: 'fraction of dense peak', source: mfuSource },
    goodput: { value: r.goodput, unit: 'share of GPU-hours that trains', source: goodputSource },
    hardware: { value: hw.id, source: `${hw.name} (hardware catalog)` },
  };
  if (price) dated(assumptions.pricePerGpuHourUsd, price.asOf, today);
  dated(assumptions.hardware, hw.asOf, today);
  return { ...rest, assumptions };
}

export function memory(ctx: BackendContext, input: In<typeof MemoryEstimateInput>): MemoryEstimate {
  const cat = effectiveCatalog(ctx.db);
  const devices = cat.hardware;
  // The device asked about changes no figure, but it must be one the catalog knows.
  if (input.hardware !== undefined) resolveHardware(cat, input.hardware, 'hardware');
  if (input.mode === 'training') {
    const shape = { layers: input.layers, hidden: input.hidden, heads: input.heads, seqLen: input.seq, microBatch: input.microBatch };
    const given = Object.entries(shape).filter(([, v]) => v !== undefined);
    if (given.length > 0 && given.length < 5) {
      const missing = Object.entries(shape).filter(([, v]) => v === undefined).map(([k]) => (k === 'seqLen' ? 'seq' : k));
      // The words are the CLI's flag names (micro-batch, not the field microBatch): people read this.
      const said = missing.map((m) => (m === 'microBatch' ? 'micro-batch' : m));
      throw new AppError('INVALID_INPUT', `${missing[0]}: activations need layers, hidden, heads, seq and micro-batch; missing ${said.join(', ')}`, {
        issues: missing.map((m) => ({ path: m, message: 'is required to count activations' })),
      });
    }
    return estimateTrainingMemory(
      {
        params: input.params,
        ...(input.precision ? { precision: input.precision as TrainingPrecision } : {}),
        ...(input.optimizer ? { optimizer: input.optimizer } : {}),
        ...(input.zero !== undefined ? { zeroStage: input.zero } : {}),
        ...(input.gpus !== undefined ? { gpus: input.gpus } : {}),
        ...(given.length === 5 ? { activations: { ...(shape as Record<keyof typeof shape, number>), ...(input.attention ? { attention: input.attention } : {}), ...(input.recompute ? { recompute: input.recompute } : {}) } } : {}),
        ...(input.lora ? { lora: { ...(input.lora.rank !== undefined ? { rank: input.lora.rank } : {}), ...(input.lora.adapterParams !== undefined ? { adapterParams: input.lora.adapterParams } : {}), baseQuantization: input.lora.qlora ? ('nf4' as const) : ('none' as const) } } : {}),
      },
      devices,
    );
  }
  const kvHeads = input.kvHeads ?? input.heads;
  const headDim = input.headDim ?? (input.hidden !== undefined && input.heads !== undefined ? input.hidden / input.heads : undefined);
  const kv = input.layers !== undefined && kvHeads !== undefined && headDim !== undefined ? { layers: input.layers, kvHeads, headDim } : undefined;
  return estimateInferenceMemory(
    {
      params: input.params,
      ...(input.precision ? { precision: input.precision as InferencePrecision } : {}),
      ...(kv ? { kv } : {}),
      ...(input.context !== undefined ? { context: input.context } : {}),
      ...(input.batch !== undefined ? { batch: input.batch } : {}),
      ...(input.kvPrecision ? { kvPrecision: input.kvPrecision } : {}),
    },
    devices,
  );
}

export function inference(ctx: BackendContext, input: In<typeof InferenceEstimateInput>): InferenceEstimate {
  const cat = effectiveCatalog(ctx.db);
  const hw = resolveHardware(cat, input.hardware, 'hardware');
  const today = todayOf(ctx);
  const price = input.pricePerHourUsd === undefined ? catalogPrice(cat, hw, input.provider) : null;
  const kv = input.layers !== undefined && input.kvHeads !== undefined && input.headDim !== undefined ? { layers: input.layers, kvHeads: input.kvHeads, headDim: input.headDim } : undefined;
  const r = estimateInference({
    params: input.params,
    hardware: hw,
    ...(input.gpus !== undefined ? { gpus: input.gpus } : {}),
    ...(input.precision ? { precision: input.precision } : {}),
    ...(input.batch !== undefined ? { batch: input.batch } : {}),
    ...(input.promptTokens !== undefined ? { promptTokens: input.promptTokens } : {}),
    ...(input.outputTokens !== undefined ? { outputTokens: input.outputTokens } : {}),
    ...(input.serving ? { serving: input.serving } : {}),
    ...(kv ? { kv } : {}),
    ...(input.kvPrecision ? { kvPrecision: input.kvPrecision } : {}),
    ...(input.pricePerHourUsd !== undefined ? { pricePerHourUsd: input.pricePerHourUsd } : price ? { pricePerHourUsd: price.value, priceSource: price.source } : {}),
    ...(input.powerW !== undefined ? { powerW: input.powerW } : {}),
  });
  if (price) dated(r.assumptions.pricePerHourUsd, price.asOf, today);
  else if (input.pricePerHourUsd === undefined) r.notes.push(`No cost figures: the catalog has no rental price for ${hw.id}; give a price per device-hour.`);
  dated(r.assumptions.peakTflops, hw.asOf, today);
  dated(r.assumptions.bandwidthGbs, hw.asOf, today);
  return { ...r, hardware: { id: hw.id, name: hw.name } };
}

export function compare(ctx: BackendContext, workload: Workload): DeploymentComparison {
  const cat = effectiveCatalog(ctx.db);
  const r = compareDeployments(workload as CoreWorkload, { hardware: cat.hardware, cloudGpuPrices: cat.cloudGpuPrices, llmApiPrices: cat.llmApiPrices });
  const price = r.assumptions.cloudUsdPerGpuHour;
  if (price?.asOf) dated(price, price.asOf, todayOf(ctx));
  stampAge(r.assumptions.electricityUsdPerKwh, todayOf(ctx));
  return r;
}

export function pilot(ctx: BackendContext, input: In<typeof PilotEstimateInput>): PilotEstimate {
  const cat = effectiveCatalog(ctx.db);
  const pilotHw = resolveHardware(cat, input.pilot.hardware, 'pilot.hardware');
  const targetHw = input.target ? resolveHardware(cat, input.target.hardware, 'target.hardware') : pilotHw;
  const today = todayOf(ctx);
  const price = input.pricePerDeviceHourUsd === undefined && input.owned === undefined ? catalogPrice(cat, targetHw, input.provider) : null;
  const r = extrapolatePilot({
    pilot: { items: input.pilot.items, seconds: input.pilot.seconds, hardware: pilotHw, ...(input.pilot.devices !== undefined ? { devices: input.pilot.devices } : {}) },
    fullItems: input.fullItems,
    ...(input.target ? { target: { hardware: targetHw, ...(input.target.devices !== undefined ? { devices: input.target.devices } : {}) } } : {}),
    ...(input.bound ? { bound: input.bound } : {}),
    ...(input.precision ? { precision: input.precision } : {}),
    ...(input.scalingEfficiency !== undefined ? { scalingEfficiency: input.scalingEfficiency } : {}),
    ...(input.pricePerDeviceHourUsd !== undefined ? { pricePerDeviceHourUsd: input.pricePerDeviceHourUsd } : price ? { pricePerDeviceHourUsd: price.value } : {}),
    ...(input.owned !== undefined ? { owned: input.owned } : {}),
    ...(input.powerW !== undefined ? { powerW: input.powerW } : {}),
    ...(input.pue !== undefined ? { pue: input.pue } : {}),
    ...(input.gridKgCo2PerKwh !== undefined ? { gridKgCo2PerKwh: input.gridKgCo2PerKwh } : {}),
  });
  if (price && r.assumptions.pricePerDeviceHourUsd) {
    r.assumptions.pricePerDeviceHourUsd.source = price.source;
    dated(r.assumptions.pricePerDeviceHourUsd, price.asOf, today);
  }
  dated(r.assumptions.peakRatio, [pilotHw.asOf, targetHw.asOf].sort()[0] as string, today);
  stampAge(r.assumptions.electricityUsdPerKwh, today);
  return { ...r, hardware: { id: targetHw.id, name: targetHw.name } };
}
