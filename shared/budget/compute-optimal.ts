import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import { defaultMfu } from './default-mfu';
import { defaultGoodput } from './goodput';
import { invalid, requirePositive } from './input-checks';
import { peakFor } from './peak-throughput';
import { DEFAULT_SCALING_FIT, SCALING_FITS, scalingFit, type ScalingFitName } from './scaling-fits';

/**
 * Compute-optimal (Chinchilla) sizing: from a FLOP budget, a parameter count, or a dollar budget
 * on given hardware, the loss-minimising parameters and tokens under C = 6·N·D.
 */
export interface ComputeOptimalResult {
  params: number;
  tokens: number;
  flops: number;
  fit: ScalingFitName;
  tokensPerParam: number;
  source: string;
}

export function isScalingFitName(x: string): x is ScalingFitName {
  return (SCALING_FITS as readonly string[]).includes(x);
}

export function optimalForFlops(flops: number, fit: ScalingFitName = DEFAULT_SCALING_FIT): ComputeOptimalResult {
  requirePositive('flops', flops);
  const f = scalingFit(fit);
  const params = f.g * Math.pow(flops / 6, f.a);
  const tokens = flops / (6 * params);
  return { params, tokens, flops, fit, tokensPerParam: tokens / params, source: f.source };
}

/** Inverts the fit: the budget at which `params` is compute-optimal, and its tokens. */
export function optimalForParams(params: number, fit: ScalingFitName = DEFAULT_SCALING_FIT): ComputeOptimalResult {
  requirePositive('params', params);
  const f = scalingFit(fit);
  const flops = 6 * Math.pow(params / f.g, 1 / f.a);
  return { params, tokens: flops / (6 * params), flops, fit, tokensPerParam: flops / (6 * params * params), source: f.source };
}

export interface DollarBudgetInput {
  budgetUsd: number;
  hardware: HardwareSpec;
  pricePerGpuHourUsd: number;
  precision?: TrainingPrecision;
  /** Defaults to the hardware's median default MFU for a model of the optimal size. */
  mfu?: number;
  /** GPUs the budget is spent on (default 8, one node: Tally judgement); sets the MFU and goodput defaults. */
  gpus?: number;
  fit?: ScalingFitName;
}

export interface DollarBudgetResult extends ComputeOptimalResult {
  gpuHours: number;
  mfu: number;
  mfuSource: string;
  /** Share of the GPU-hours that trains (goodput.ts): the budget buys this much useful compute. */
  goodput: number;
  goodputSource: string;
}

/**
 * Budget → GPU-hours → FLOPs (C = GPU-h × 3600 × peak × MFU × goodput) → optimal N, D. The
 * default MFU depends on model size, which depends on the budget, so we iterate (the size factor
 * changes slowly with log N; a few passes settle it).
 */
export function optimalForDollarBudget(input: DollarBudgetInput): DollarBudgetResult {
  requirePositive('budgetUsd', input.budgetUsd);
  requirePositive('pricePerGpuHourUsd', input.pricePerGpuHourUsd);
  const precision = input.precision ?? 'bf16';
  const peak = peakFor(input.hardware, precision);
  if (!peak) throw invalid('hardware', `${input.hardware.id} publishes no compute figure usable for ${precision} training`);
  const gpuHours = input.budgetUsd / input.pricePerGpuHourUsd;
  const fit = input.fit ?? DEFAULT_SCALING_FIT;
  const gpus = input.gpus ?? 8;
  const setup = { gpus, peak, precision };
  const g = defaultGoodput(gpus);
  const goodput = g.value.p50;
  let mfu = input.mfu ?? defaultMfu(input.hardware, 1e10, setup).value.p50;
  let mfuSource = input.mfu === undefined ? '' : 'user input';
  const flopsAt = (m: number) => gpuHours * 3600 * peak.tflops * 1e12 * m * goodput;
  let result = optimalForFlops(flopsAt(mfu), fit);
  if (input.mfu === undefined) {
    for (let i = 0; i < 5; i += 1) {
      const d = defaultMfu(input.hardware, result.params, setup);
      mfu = d.value.p50;
      mfuSource = `default: ${d.source}`;
      result = optimalForFlops(flopsAt(mfu), fit);
    }
  } else requirePositive('mfu', mfu);
  return { ...result, gpuHours, mfu, mfuSource, goodput, goodputSource: `default for ${gpus} GPUs: ${g.source}` };
}

export interface ComputeOptimalCheck {
  tokensPerParam: number;
  optimalTokensPerParam: number;
  /** Planned tokens / compute-optimal tokens for this model size (1 = on the frontier). */
  ratio: number;
  /** True when the plan is more than 2x off the frontier either way. */
  farFromOptimal: boolean;
  /** One plain sentence for the training wizard. */
  note: string;
  fit: ScalingFitName;
}

/**
 * How far a planned (params, tokens) run sits from the compute-optimal frontier. Training past
 * it is often deliberate (a smaller model is cheaper to serve, e.g. Llama 3 8B on 15T tokens),
 * so the note states the fact and the alternative, not a verdict.
 */
export function checkComputeOptimal(params: number, tokens: number, fit: ScalingFitName = DEFAULT_SCALING_FIT): ComputeOptimalCheck {
  requirePositive('params', params);
  requirePositive('tokens', tokens);
  const atSize = optimalForParams(params, fit);
  const ratio = tokens / atSize.tokens;
  const sameBudget = optimalForFlops(6 * params * tokens, fit);
  const far = ratio > 2 || ratio < 0.5;
  const fmt = (n: number) => (n >= 1e12 ? `${(n / 1e12).toPrecision(3)}T` : n >= 1e9 ? `${(n / 1e9).toPrecision(3)}B` : `${(n / 1e6).toPrecision(3)}M`);
  let note: string;
  if (!far) note = `Close to compute-optimal: about ${Math.round(tokens / params)} tokens per parameter (the ${fit} fit suggests ${Math.round(atSize.tokensPerParam)}).`;
  else if (ratio > 2) note = `Trains ${ratio.toFixed(1)}x past compute-optimal for this size: the same compute would train a ${fmt(sameBudget.params)}-parameter model on ${fmt(sameBudget.tokens)} tokens to a lower loss, but your smaller model is cheaper to serve.`;
  else note = `Under-trained for its size (${ratio.toFixed(2)}x the compute-optimal tokens): the same compute would train a ${fmt(sameBudget.params)}-parameter model on ${fmt(sameBudget.tokens)} tokens to a lower loss.`;
  return { tokensPerParam: tokens / params, optimalTokensPerParam: atSize.tokensPerParam, ratio, farFromOptimal: far, note, fit };
}
