import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import { assumptionFrom, type Assumptions } from './assumption';
import type { KvShape } from './bytes-per-value';
import { decodeEfficiency } from './decode-efficiency';
import { canSplit, cannotSplitReason } from './device-traits';
import { DEFAULT_OUTPUT_TOKENS, DEFAULT_PROMPT_TOKENS, defaultKvPrecision, KV_PRECISION_SOURCE } from './inference-defaults';
import { estimateInferenceMemory } from './inference-memory';
import { costPerMillionTokens } from './inference-roofline';
import { llmTiming, type LlmTimingSetup } from './llm-request-timing';
import { invalid, requirePositive, requirePositiveInteger } from './input-checks';
import { medians, runMonteCarlo, type MonteCarloOptions } from './monte-carlo';
import { peakFor } from './peak-throughput';
import { checkPlausible, checkPowerAgainstTdp, PLAUSIBLE } from './plausibility';
import { tornado, type SensitivityEntry } from './sensitivity';
import { SERVING_PROFILES, type ServingProfile, type ServingProfileName } from './serving-profiles';
import { assertOrderedUncertain, certain, toUncertain, type MaybeUncertain, type Uncertain } from './uncertain-value';

/**
 * LLM serving throughput, latency and cost on a device: prefill is compute-bound, decode
 * bandwidth-bound at small batch (roofline, reference §2.6), each scaled by the serving
 * profile's efficiency and the device's achieved bandwidth share (decode-efficiency.ts). With
 * more than one GPU the model is split by tensor parallelism and we assume bandwidth and compute
 * add up (an upper bound; interconnect costs are only counted in the first-token overhead).
 * Devices without a link to a second one are never split.
 */
export interface InferenceInput {
  params: number;
  hardware: HardwareSpec;
  /** Default: the fewest devices whose memory holds weights, KV cache and overhead. */
  gpus?: number;
  precision?: InferencePrecision;
  batch?: number;
  promptTokens?: number;
  outputTokens?: number;
  serving?: ServingProfileName | ServingProfile;
  /** Architecture for the KV cache (read every step and held in memory). */
  kv?: KvShape;
  /** KV cache format; default FP8 with FP8 weights, else FP16 (inference-defaults.ts). */
  kvPrecision?: InferencePrecision;
  /** Per device per hour; omit to get no cost figures. */
  pricePerHourUsd?: MaybeUncertain;
  priceSource?: string;
  /** Device draw for energy per token; defaults to TDP. */
  powerW?: number;
}

export interface InferenceFigures {
  prefillTokensPerS: number;
  decodeTokensPerSPerSequence: number;
  decodeTokensPerSTotal: number;
  latencyMs: { firstToken: number; total: number };
  /** Output tokens, device(s) fully busy; null without a price. */
  costPer1MTokensUsd: number | null;
  costPer1kRequestsUsd: number | null;
}

export interface InferenceEstimate extends InferenceFigures {
  memoryGb: number;
  gpus: number;
  bound: 'memory' | 'compute';
  /** Device energy per output token at full load, joules; null when power is unknown. */
  energyJPerToken: number | null;
  range: { p10: InferenceFigures; p50: InferenceFigures; p90: InferenceFigures };
  assumptions: Assumptions;
  /** Tornado on total latency. */
  sensitivity: SensitivityEntry[];
  notes: string[];
  /** Inputs outside their plausible range (the estimate still ran). */
  warnings: string[];
}

type In = 'bandwidthEfficiency' | 'computeEfficiency' | 'perStepOverheadMs' | 'firstTokenOverheadMs' | 'pricePerHourUsd';
type Out = 'prefillTokensPerS' | 'decodeTokensPerSPerSequence' | 'decodeTokensPerSTotal' | 'firstTokenMs' | 'totalMs' | 'costPer1MTokensUsd' | 'costPer1kRequestsUsd';
const OUTS: readonly Out[] = ['prefillTokensPerS', 'decodeTokensPerSPerSequence', 'decodeTokensPerSTotal', 'firstTokenMs', 'totalMs', 'costPer1MTokensUsd', 'costPer1kRequestsUsd'];

export function estimateInference(input: InferenceInput, options: MonteCarloOptions = {}): InferenceEstimate {
  const params = requirePositive('params', input.params);
  const spec = input.hardware;
  const precision = input.precision ?? 'fp16';
  const batch = requirePositiveInteger('batch', input.batch ?? 1);
  const prompt = requirePositiveInteger('promptTokens', input.promptTokens ?? DEFAULT_PROMPT_TOKENS);
  const output = requirePositiveInteger('outputTokens', input.outputTokens ?? DEFAULT_OUTPUT_TOKENS);
  const kvPrecision = input.kvPrecision ?? defaultKvPrecision(precision);
  const profile: ServingProfile = typeof input.serving === 'object' ? input.serving : SERVING_PROFILES[input.serving ?? 'optimized'];
  const peak = peakFor(spec, precision);
  if (!peak) throw invalid('hardware', `${spec.id} publishes no compute figure usable for ${precision} inference`);
  const notes: string[] = [];
  const warnings: string[] = [];
  if (peak.note) notes.push(peak.note);

  const mem = estimateInferenceMemory({ params, precision, kvPrecision, ...(input.kv ? { kv: input.kv } : {}), context: prompt + output, batch }, [spec], 1024);
  notes.push(...mem.notes.filter((n) => !/cannot be split over/.test(n)));
  const neededGpus = mem.fits[0]?.count;
  const gpus = input.gpus === undefined ? neededGpus : requirePositiveInteger('gpus', input.gpus);
  if (gpus !== undefined && gpus > 1 && !canSplit(spec)) throw invalid('gpus', `must be 1: ${cannotSplitReason(spec)}`);
  if (gpus === undefined) {
    if (!canSplit(spec)) throw invalid('hardware', `${spec.name} cannot hold this model (${mem.totalGb.toFixed(1)} GB needed, ${spec.memoryGb} GB on the device), and ${cannotSplitReason(spec).replace(`${spec.name} has`, 'it has')}`);
    throw invalid('hardware', `${spec.name} cannot hold this model even across 1024 devices`);
  }
  if (neededGpus !== undefined && gpus < neededGpus) notes.push(`Needs ${mem.totalGb.toFixed(1)} GB: ${gpus} x ${spec.memoryGb} GB is not enough (at least ${neededGpus} devices).`);
  if (gpus > 1) notes.push(`Split over ${gpus} devices (tensor parallel); bandwidth and compute assumed to add up, interconnect not modelled.`);

  const setup: LlmTimingSetup = { params, precision, kvPrecision, hardware: spec, peakTflops: peak.tflops, gpus, batch, promptTokens: prompt, outputTokens: output, ...(input.kv ? { kv: input.kv } : {}) };
  const flopsPerToken = 2 * params;
  const device = decodeEfficiency(spec);
  const bandwidth = profile.bandwidthEfficiency ?? device.bandwidth;
  const stepOverhead = profile.perStepOverheadMs ?? device.stepOverheadMs;

  const inputs: Record<In, Uncertain> = {
    bandwidthEfficiency: bandwidth,
    computeEfficiency: profile.computeEfficiency,
    perStepOverheadMs: stepOverhead,
    firstTokenOverheadMs: gpus > 1 ? profile.firstTokenOverheadMs.split : profile.firstTokenOverheadMs.single,
    pricePerHourUsd: input.pricePerHourUsd === undefined ? certain(0) : toUncertain(input.pricePerHourUsd),
  };
  assertOrderedUncertain('pricePerHourUsd', inputs.pricePerHourUsd);
  if (inputs.pricePerHourUsd.p10 < 0) throw invalid('pricePerHourUsd', 'must not be negative');
  const hasPrice = input.pricePerHourUsd !== undefined;
  if (hasPrice) checkPlausible('pricePerHourUsd', inputs.pricePerHourUsd, PLAUSIBLE.pricePerGpuHourUsd, warnings, 'Price');
  if (input.powerW !== undefined) checkPowerAgainstTdp('powerW', input.powerW, spec.tdpW, spec.name, warnings, 'Device power');

  const model = (v: Readonly<Record<In, number>>): Record<Out, number> => {
    const t = llmTiming(setup, v);
    const perHour = v.pricePerHourUsd * gpus;
    const decodeTotal = batch / t.stepSeconds;
    return {
      prefillTokensPerS: (batch * prompt) / t.prefillSeconds,
      decodeTokensPerSPerSequence: 1 / t.stepSeconds,
      decodeTokensPerSTotal: decodeTotal,
      firstTokenMs: t.firstTokenSeconds * 1000,
      totalMs: t.totalSeconds * 1000,
      costPer1MTokensUsd: costPerMillionTokens(perHour, decodeTotal),
      // A batch of B requests occupies the device(s) for the whole request time.
      costPer1kRequestsUsd: (1000 * perHour * t.totalSeconds) / 3600 / batch,
    };
  };
  const figures = (o: Record<Out, number>): InferenceFigures => ({
    prefillTokensPerS: o.prefillTokensPerS,
    decodeTokensPerSPerSequence: o.decodeTokensPerSPerSequence,
    decodeTokensPerSTotal: o.decodeTokensPerSTotal,
    latencyMs: { firstToken: o.firstTokenMs, total: o.totalMs },
    costPer1MTokensUsd: hasPrice ? o.costPer1MTokensUsd : null,
    costPer1kRequestsUsd: hasPrice ? o.costPer1kRequestsUsd : null,
  });
  const mid = medians(inputs);
  const point = model(mid);
  const q = runMonteCarlo(inputs, model, OUTS, options);
  const pick = (k: 'p10' | 'p50' | 'p90') => figures(Object.fromEntries(OUTS.map((o) => [o, q[o][k]])) as Record<Out, number>);
  const bound = llmTiming(setup, { ...mid, perStepOverheadMs: 0 }).bound;
  const power = input.powerW ?? spec.tdpW;

  const assumptions: Assumptions = {
    serving: { value: profile.name, source: profile.label },
    bandwidthEfficiency: assumptionFrom(bandwidth, 'fraction of peak bandwidth', profile.bandwidthEfficiency ? profile.source : device.source),
    computeEfficiency: assumptionFrom(profile.computeEfficiency, 'fraction of dense peak', profile.source),
    perStepOverheadMs: assumptionFrom(stepOverhead, 'ms per decode step', profile.perStepOverheadMs ? profile.source : device.source),
    firstTokenOverheadMs: assumptionFrom(inputs.firstTokenOverheadMs, `ms before the first token${gpus > 1 ? ' (split over devices)' : ''}`, profile.source),
    kvPrecision: { value: kvPrecision, source: input.kvPrecision === undefined ? KV_PRECISION_SOURCE : 'user input' },
    peakTflops: { value: peak.tflops, unit: 'TFLOPS (dense)', source: `${spec.name} ${peak.column}` },
    bandwidthGbs: { value: spec.bandwidthGbs, unit: 'GB/s', source: `${spec.name} (hardware catalog)` },
    flopsPerToken: { value: flopsPerToken, unit: 'FLOP/token', source: 'Kaplan et al. 2020: 2N per forward token (attention FLOPs not counted)' },
    gpus: { value: gpus, source: input.gpus === undefined ? 'fewest devices that hold the model' : 'user input' },
  };
  if (hasPrice) assumptions.pricePerHourUsd = assumptionFrom(inputs.pricePerHourUsd, 'USD/device-hour', input.priceSource ?? 'user input');
  return {
    ...figures(point),
    memoryGb: mem.totalGb,
    gpus,
    bound,
    energyJPerToken: power === null ? null : (power * gpus) / point.decodeTokensPerSTotal,
    range: { p10: pick('p10'), p50: pick('p50'), p90: pick('p90') },
    assumptions,
    sensitivity: tornado(inputs, model, 'totalMs'),
    notes,
    warnings,
  };
}
