import { z } from 'zod';
import { INFERENCE_PRECISIONS, TRAINING_PRECISIONS } from '../domain/hardware';
import { query } from './define';

/**
 * The estimator API (issue 3). Inputs mirror the CLI flags (`--price-per-gpu-hour` ->
 * `pricePerGpuHourUsd`); outputs are exactly what `tally estimate ... --json` prints. Numbers are
 * plain numbers here: "7B" style text is parsed by shared/domain/quantity.ts in the CLI and forms.
 * Hardware is named by catalog id and resolved against the EFFECTIVE catalog (defaults merged
 * with the user's rows); an unknown id is INVALID_INPUT listing the valid ones.
 */

const num = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);
export const Positive = (what: string) => num(what).positive(`${what} must be greater than 0`);
const NonNegative = (what: string) => num(what).min(0, `${what} must not be negative`);
const Count = (what: string) => z.number({ error: `${what} must be a whole number` }).int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(1_000_000, `${what} is too large`);
export const HardwareId = z.string({ error: 'Choose a hardware id' }).trim().min(1, 'Choose a hardware id').max(80, 'Hardware id is too long');
/** Price only this provider's catalog rows, e.g. "Lambda" (case-insensitive). */
const Provider = z.string({ error: 'provider must be text' }).trim().min(1, 'provider must not be empty').max(80, 'provider is too long');

/** A low case, a best guess and a high case; the three numbers people can reason about. */
export const UncertainValue = z
  .object({ p10: num('P10'), p50: num('P50'), p90: num('P90') })
  .strict()
  .refine((u) => u.p10 <= u.p50 && u.p50 <= u.p90, { message: 'Expected P10 <= P50 <= P90' });
/** An input that is either certain (a number) or a range. */
const MaybeUncertain = (what: string) =>
  z.union([Positive(what), UncertainValue.refine((u) => u.p10 > 0, { message: `${what} must be greater than 0` })]);

/** A share of something, in (0, 1]: a number or a range. */
const Share = (what: string) => MaybeUncertain(what).refine((m) => (typeof m === 'number' ? m : m.p90) <= 1, { message: `${what} is a share and must not exceed 1` });

export const TrainingPrecision = z.enum(TRAINING_PRECISIONS, { error: `Use one of ${TRAINING_PRECISIONS.join(', ')}` });
export const InferencePrecision = z.enum(INFERENCE_PRECISIONS, { error: `Use one of ${INFERENCE_PRECISIONS.join(', ')}` });

/** A value an estimate used, with its source; `asOf` when it came from a dated catalog row. */
export const Assumption = z.object({
  value: z.union([z.number(), z.string()]),
  unit: z.string().optional(),
  source: z.string(),
  range: z.object({ p10: z.number(), p90: z.number() }).optional(),
  asOf: z.string().optional(),
  /** Days from asOf to the day the estimate was made (the backend's clock). */
  ageDays: z.number().optional(),
});
export const Assumptions = z.record(z.string(), Assumption);

/** One-at-a-time sensitivity: how far the metric swings when one input goes from P10 to P90. */
export const SensitivityEntry = z.object({
  input: z.string(),
  metric: z.string(),
  inputLow: z.number(),
  inputHigh: z.number(),
  outputAtInputLow: z.number(),
  outputAtInputHigh: z.number(),
  swing: z.number(),
});
const Quantiles = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });

/**
 * Hardware you already own, instead of a rental price: electricity per kWh (default: the dated
 * EIA tariff, shared/budget/owned-hardware.ts) and, optionally, the purchase price of one device
 * written off over some months. No purchase price, or 0, means "already paid". Zero is a valid
 * electricity price too (power included in the rent).
 */
export const OwnedHardware = z
  .object({
    electricityUsdPerKwh: z.union([NonNegative('electricityUsdPerKwh'), UncertainValue.refine((u) => u.p10 >= 0, { message: 'electricityUsdPerKwh must not be negative' })]).optional(),
    purchaseUsd: NonNegative('purchaseUsd').optional(),
    writeOffMonths: Positive('writeOffMonths').max(600, 'writeOffMonths must be at most 600 (50 years)').optional(),
  })
  .strict();
const OwnedCost = z.object({ electricityUsd: z.number(), writeOffUsd: z.number() });
const noRentalWithOwned = (v: { owned?: unknown; provider?: unknown }, price: unknown) => v.owned === undefined || (price === undefined && v.provider === undefined);
const HardwareRef = z.object({ id: z.string(), name: z.string() });

// ---- estimate.training -------------------------------------------------------------------
export const TrainingEstimateInput = z
  .object({
    hardware: HardwareId,
    params: Positive('params').optional(),
    tokens: Positive('tokens').optional(),
    gpuHours: Positive('gpuHours').optional(),
    gpus: Count('gpus').optional(),
    precision: TrainingPrecision.optional(),
    mfu: MaybeUncertain('mfu').refine((m) => (typeof m === 'number' ? m : m.p90) <= 1, { message: 'mfu is a fraction of peak and must not exceed 1' }).optional(),
    /** Share of the GPU-hours that trains (restarts, evaluation); default falls with the GPU count. */
    goodput: Share('goodput').optional(),
    /** Default: the catalog's on-demand prices for the device (lowest, weighted median, highest). */
    pricePerGpuHourUsd: MaybeUncertain('pricePerGpuHourUsd').optional(),
    provider: Provider.optional(),
    /** The GPUs are yours: electricity plus write-off instead of a rental price. */
    owned: OwnedHardware.optional(),
    gpuPowerW: MaybeUncertain('gpuPowerW').optional(),
    pue: MaybeUncertain('pue').refine((p) => (typeof p === 'number' ? p : p.p10) >= 1, { message: 'pue is at least 1' }).optional(),
    gridKgCo2PerKwh: z.union([NonNegative('gridKgCo2PerKwh'), UncertainValue.refine((u) => u.p10 >= 0, { message: 'gridKgCo2PerKwh must not be negative' })]).optional(),
    /** A grid-intensity catalog id, e.g. `us-average`; ignored when gridKgCo2PerKwh is given. */
    gridRegion: z.string().min(1).max(80).optional(),
    /** Adds PaLM's attention FLOPs term. */
    attention: z.object({ layers: Count('layers'), heads: Count('heads'), headDim: Count('headDim'), seqLen: Count('seqLen') }).strict().optional(),
  })
  .strict()
  .refine((v) => v.gpuHours !== undefined || (v.params !== undefined && v.tokens !== undefined), {
    message: 'Give params and tokens, or gpuHours',
    path: ['params'],
  })
  .refine((v) => v.gpuHours === undefined || (v.params === undefined && v.tokens === undefined), {
    message: 'Give either params and tokens, or gpuHours, not both',
    path: ['gpuHours'],
  })
  .refine((v) => noRentalWithOwned(v, v.pricePerGpuHourUsd), { message: 'owned GPUs have no rental price: give owned, or pricePerGpuHourUsd / provider, not both', path: ['owned'] });

const TrainingFigures = z.object({
  flops: z.number().optional(),
  gpuHours: z.number(),
  wallClockHours: z.number(),
  costUsd: z.number(),
  energyKwh: z.number(),
  co2Kg: z.number(),
});
const TrainingMemoryFit = z.object({ fits: z.boolean(), perGpuGb: z.number(), statesGb: z.number(), sharded: z.boolean(), minGpus: z.number().int().nullable(), deviceGb: z.number() });
export const TrainingEstimate = TrainingFigures.extend({
  range: z.object({ p10: TrainingFigures, p50: TrainingFigures, p90: TrainingFigures }),
  assumptions: Assumptions,
  /** Whether weights, gradients and Adam states fit on the GPUs; null when costed from GPU-hours. Absent in plans saved before it existed. */
  memoryFit: TrainingMemoryFit.nullable().optional(),
  /** Problems the estimate ran with anyway (does not fit in memory, implausible inputs). */
  warnings: z.array(z.string()).optional(),
  notes: z.array(z.string()).optional(),
  /** Owned GPUs only: the best-guess cost split into electricity and write-off. */
  ownedCost: OwnedCost.optional(),
  /** Ranked on costUsd, largest swing first. */
  sensitivity: z.array(SensitivityEntry),
  sensitivityByMetric: z.object({ costUsd: z.array(SensitivityEntry), wallClockHours: z.array(SensitivityEntry), co2Kg: z.array(SensitivityEntry) }),
  hardware: HardwareRef,
});
export type TrainingEstimate = z.infer<typeof TrainingEstimate>;

// ---- estimate.optimal --------------------------------------------------------------------
export const SCALING_FIT_NAMES = ['hoffmann-approach-1', 'chinchilla-20x', 'hoffmann-approach-2', 'hoffmann-approach-3', 'hoffmann-parametric', 'besiroglu-2024'] as const;
export const OptimalEstimateInput = z
  .object({
    flops: Positive('flops').optional(),
    params: Positive('params').optional(),
    budgetUsd: Positive('budgetUsd').optional(),
    hardware: HardwareId.optional(),
    fit: z.enum(SCALING_FIT_NAMES, { error: `Use one of ${SCALING_FIT_NAMES.join(', ')}` }).optional(),
    precision: TrainingPrecision.optional(),
    mfu: Positive('mfu').max(1, 'mfu must not exceed 1').optional(),
    /** With budgetUsd: default is the catalog's weighted median on-demand price for the hardware. */
    pricePerGpuHourUsd: Positive('pricePerGpuHourUsd').optional(),
    provider: Provider.optional(),
    /** With budgetUsd: GPUs the budget is spent on (default 8); sets the MFU and goodput defaults. */
    gpus: Count('gpus').optional(),
  })
  .strict()
  .refine((v) => [v.flops, v.params, v.budgetUsd].filter((x) => x !== undefined).length === 1, { message: 'Give exactly one of flops, params or budgetUsd', path: ['flops'] })
  .refine((v) => v.budgetUsd === undefined || v.hardware !== undefined, { message: 'A dollar budget needs a hardware id', path: ['hardware'] });

export const OptimalEstimate = z.object({
  params: z.number(),
  tokens: z.number(),
  flops: z.number(),
  fit: z.enum(SCALING_FIT_NAMES),
  tokensPerParam: z.number(),
  source: z.string(),
  /** Only for a dollar budget. */
  gpuHours: z.number().optional(),
  mfu: z.number().optional(),
  goodput: z.number().optional(),
  assumptions: Assumptions,
});
export type OptimalEstimate = z.infer<typeof OptimalEstimate>;

// ---- estimate.memory ---------------------------------------------------------------------
export const MemoryEstimateInput = z
  .object({
    params: Positive('params'),
    mode: z.enum(['training', 'inference'], { error: 'mode is training or inference' }),
    precision: InferencePrecision.or(TrainingPrecision).optional(),
    optimizer: z.enum(['adam', 'sgd', 'adafactor'], { error: 'optimizer is adam, sgd or adafactor' }).optional(),
    zero: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'zero is 0, 1, 2 or 3' }).optional(),
    gpus: Count('gpus').optional(),
    layers: Count('layers').optional(),
    hidden: Count('hidden').optional(),
    heads: Count('heads').optional(),
    kvHeads: Count('kvHeads').optional(),
    headDim: Count('headDim').optional(),
    seq: Count('seq').optional(),
    microBatch: Count('microBatch').optional(),
    attention: z.enum(['standard', 'flash'], { error: 'attention is standard or flash' }).optional(),
    recompute: z.enum(['none', 'selective', 'full'], { error: 'recompute is none, selective or full' }).optional(),
    context: Count('context').optional(),
    batch: Count('batch').optional(),
    /** Inference: KV cache format; default FP8 with FP8 weights, else FP16. */
    kvPrecision: InferencePrecision.optional(),
    lora: z.object({ rank: Count('lora.rank').optional(), adapterParams: Positive('lora.adapterParams').optional(), qlora: z.boolean().optional() }).strict().optional(),
    /**
     * The device the owner asks about (a catalog hardware id): kept with a saved plan so it
     * reopens on it and says what it runs on. The figures do not depend on it; an unknown id is
     * refused.
     */
    hardware: HardwareId.optional(),
  })
  .strict()
  .refine((v) => v.mode === 'inference' || v.precision === undefined || (TRAINING_PRECISIONS as readonly string[]).includes(v.precision), {
    message: `Training precision is one of ${TRAINING_PRECISIONS.join(', ')}`,
    path: ['precision'],
  })
  .refine((v) => v.mode === 'training' || v.precision === undefined || (INFERENCE_PRECISIONS as readonly string[]).includes(v.precision), {
    message: `Inference precision is one of ${INFERENCE_PRECISIONS.join(', ')}`,
    path: ['precision'],
  });

const Breakdown = z.object({ weightsGb: z.number(), gradientsGb: z.number(), optimizerGb: z.number(), activationsGb: z.number(), kvCacheGb: z.number(), overheadGb: z.number() });
export const MemoryEstimate = z.object({
  /** GB = 1e9 bytes, per device. */
  totalGb: z.number(),
  breakdown: Breakdown,
  /** Catalog devices that hold it, fewest first. */
  fits: z.array(z.object({ hardware: z.string(), name: z.string(), count: z.number().int(), memoryGb: z.number() })),
  assumptions: Assumptions,
  notes: z.array(z.string()),
});
export type MemoryEstimate = z.infer<typeof MemoryEstimate>;

// ---- estimate.inference ------------------------------------------------------------------
export const InferenceEstimateInput = z
  .object({
    params: Positive('params'),
    hardware: HardwareId,
    gpus: Count('gpus').optional(),
    precision: InferencePrecision.optional(),
    batch: Count('batch').optional(),
    promptTokens: Count('promptTokens').optional(),
    outputTokens: Count('outputTokens').optional(),
    serving: z.enum(['optimized', 'plain'], { error: 'serving is optimized or plain' }).optional(),
    layers: Count('layers').optional(),
    kvHeads: Count('kvHeads').optional(),
    headDim: Count('headDim').optional(),
    /** KV cache format; default FP8 with FP8 weights, else FP16. */
    kvPrecision: InferencePrecision.optional(),
    /** Per device-hour; default: the catalog's on-demand prices; no cost figures if it has none. */
    pricePerHourUsd: MaybeUncertain('pricePerHourUsd').optional(),
    provider: Provider.optional(),
    powerW: Positive('powerW').optional(),
  })
  .strict()
  .refine((v) => [v.layers, v.kvHeads, v.headDim].every((x) => x === undefined) || [v.layers, v.kvHeads, v.headDim].every((x) => x !== undefined), {
    message: 'The KV cache needs all three of layers, kvHeads and headDim',
    path: ['layers'],
  });

const InferenceFigures = z.object({
  prefillTokensPerS: z.number(),
  decodeTokensPerSPerSequence: z.number(),
  decodeTokensPerSTotal: z.number(),
  latencyMs: z.object({ firstToken: z.number(), total: z.number() }),
  costPer1MTokensUsd: z.number().nullable(),
  costPer1kRequestsUsd: z.number().nullable(),
});
export const InferenceEstimate = InferenceFigures.extend({
  memoryGb: z.number(),
  gpus: z.number().int(),
  bound: z.enum(['memory', 'compute']),
  energyJPerToken: z.number().nullable(),
  range: z.object({ p10: InferenceFigures, p50: InferenceFigures, p90: InferenceFigures }),
  assumptions: Assumptions,
  /** Ranked on total latency. */
  sensitivity: z.array(SensitivityEntry),
  notes: z.array(z.string()),
  warnings: z.array(z.string()).optional(),
  hardware: HardwareRef,
});
export type InferenceEstimate = z.infer<typeof InferenceEstimate>;

// ---- estimate.compare (cloud API vs rented GPU vs own device) ------------------------------
export const DATA_SENSITIVITY_LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
const opt = <T extends z.ZodType>(t: T) => t.optional();
export const Workload = z
  .object({
    name: opt(z.string().max(200)),
    requestsPerDay: Positive('requestsPerDay'),
    inputTokensPerRequest: opt(NonNegative('inputTokensPerRequest')),
    outputTokensPerRequest: opt(Positive('outputTokensPerRequest')),
    itemsPerRequest: opt(Positive('itemsPerRequest')),
    gflopsPerItem: opt(Positive('gflopsPerItem')),
    /** Arithmetic of a generic model (default fp16); int8 uses the device's INT8 TOPS where published. */
    itemsPrecision: opt(z.enum(['fp32', 'fp16', 'int8'], { error: 'itemsPrecision is fp32, fp16 or int8' })),
    latencyTargetMs: opt(Positive('latencyTargetMs')),
    months: Positive('months'),
    dataSensitivity: z.enum(DATA_SENSITIVITY_LEVELS, { error: `dataSensitivity is one of ${DATA_SENSITIVITY_LEVELS.join(', ')}` }),
    model: opt(z.object({ params: Positive('model.params'), precision: opt(InferencePrecision), layers: opt(Count('model.layers')), kvHeads: opt(Count('model.kvHeads')), headDim: opt(Count('model.headDim')) }).strict()),
    peakToAverage: opt(Positive('peakToAverage')),
    serving: opt(z.enum(['optimized', 'plain'], { error: 'serving is optimized or plain' })),
    concurrency: opt(Count('concurrency')),
    options: z
      .object({
        api: opt(z.object({ id: opt(z.string().min(1)), inputUsdPerMTok: opt(NonNegative('inputUsdPerMTok')), outputUsdPerMTok: opt(NonNegative('outputUsdPerMTok')), usdPerItem: opt(NonNegative('usdPerItem')), firstTokenMs: opt(Positive('firstTokenMs')), outputTokensPerS: opt(Positive('outputTokensPerS')) }).strict()),
        cloudGpu: opt(z.object({ hardwareId: HardwareId, usdPerHour: opt(Positive('usdPerHour')), provider: opt(Provider), minInstances: opt(Count('minInstances')) }).strict()),
        owned: opt(z.object({ hardwareId: HardwareId, purchaseUsd: NonNegative('purchaseUsd'), lifeMonths: opt(Positive('lifeMonths')), powerW: opt(Positive('powerW')), electricityUsdPerKwh: opt(NonNegative('electricityUsdPerKwh')), count: opt(Count('count')) }).strict()),
      })
      .strict()
      .refine((o) => o.api || o.cloudGpu || o.owned, { message: 'Compare at least one of api, cloudGpu, owned' }),
  })
  .strict()
  .refine((w) => (w.outputTokensPerRequest !== undefined) !== (w.itemsPerRequest !== undefined), {
    message: 'Give either tokens per request (a language model) or itemsPerRequest with gflopsPerItem (other models)',
    path: ['outputTokensPerRequest'],
  });
export type Workload = z.infer<typeof Workload>;

const OptionKind = z.enum(['api', 'cloud-gpu', 'owned']);
export const DeploymentComparison = z.object({
  requestsPerDay: z.number(),
  requestsPerMonth: z.number(),
  options: z.array(
    z.object({
      option: OptionKind,
      label: z.string(),
      monthlyCostUsd: Quantiles,
      totalCostUsd: Quantiles,
      costPerRequestUsd: Quantiles,
      latencyMs: Quantiles,
      meetsLatencyTarget: z.boolean().nullable(),
      dataLeavesMachine: z.boolean(),
      dataGoesToThirdParty: z.boolean(),
      allowedBySensitivity: z.boolean(),
      devices: z.number(),
      upfrontUsd: z.number(),
      notes: z.array(z.string()),
    }),
  ),
  breakEven: z.array(z.object({ between: z.tuple([z.string(), z.string()]), requestsPerDay: z.number().nullable(), cheaperBelow: z.string().nullable(), cheaperAbove: z.string().nullable() })),
  /** Monthly P50 cost per option across volumes, for the cost-vs-volume chart. */
  costVsVolume: z.array(z.object({ requestsPerDay: z.number(), monthlyCostUsd: z.partialRecord(OptionKind, z.number()) })),
  recommendation: z.object({ option: OptionKind.nullable(), sentence: z.string(), reasons: z.array(z.string()), whatWouldChange: z.array(z.string()) }),
  sensitivity: z.array(SensitivityEntry),
  assumptions: Assumptions,
  warnings: z.array(z.string()).optional(),
});
export type DeploymentComparison = z.infer<typeof DeploymentComparison>;

// ---- estimate.pilot ----------------------------------------------------------------------
export const PilotEstimateInput = z
  .object({
    pilot: z.object({ items: Positive('pilot.items'), seconds: Positive('pilot.seconds'), hardware: HardwareId, devices: Count('pilot.devices').optional() }).strict(),
    fullItems: Positive('fullItems'),
    target: z.object({ hardware: HardwareId, devices: Count('target.devices').optional() }).strict().optional(),
    bound: z.enum(['compute', 'bandwidth'], { error: 'bound is compute or bandwidth' }).optional(),
    precision: InferencePrecision.or(TrainingPrecision).optional(),
    scalingEfficiency: Positive('scalingEfficiency').max(1, 'scalingEfficiency must not exceed 1').optional(),
    /** Default: the catalog's on-demand prices for the target device; no cost if it has none. */
    pricePerDeviceHourUsd: MaybeUncertain('pricePerDeviceHourUsd').optional(),
    provider: Provider.optional(),
    /** The target devices are yours: electricity plus write-off instead of a rental price. */
    owned: OwnedHardware.optional(),
    powerW: MaybeUncertain('powerW').optional(),
    pue: Positive('pue').min(1, 'pue is at least 1').optional(),
    gridKgCo2PerKwh: NonNegative('gridKgCo2PerKwh').optional(),
  })
  .strict()
  .refine((v) => noRentalWithOwned(v, v.pricePerDeviceHourUsd), { message: 'owned devices have no rental price: give owned, or pricePerDeviceHourUsd / provider, not both', path: ['owned'] });

const PilotFigures = z.object({ wallClockHours: z.number(), deviceHours: z.number(), costUsd: z.number().nullable(), energyKwh: z.number(), co2Kg: z.number() });
export const PilotEstimate = PilotFigures.extend({
  peakRatio: z.number(),
  range: z.object({ p10: PilotFigures, p50: PilotFigures, p90: PilotFigures }),
  assumptions: Assumptions,
  /** Ranked on wall-clock hours. */
  sensitivity: z.array(SensitivityEntry),
  warnings: z.array(z.string()).optional(),
  /** Owned devices only: the best-guess cost split into electricity and write-off. */
  ownedCost: OwnedCost.optional(),
  hardware: HardwareRef,
});
export type PilotEstimate = z.infer<typeof PilotEstimate>;

export const estimateContract = {
  'estimate.training': query(TrainingEstimateInput, TrainingEstimate),
  'estimate.optimal': query(OptimalEstimateInput, OptimalEstimate),
  'estimate.memory': query(MemoryEstimateInput, MemoryEstimate),
  'estimate.inference': query(InferenceEstimateInput, InferenceEstimate),
  'estimate.compare': query(z.object({ workload: Workload }).strict(), DeploymentComparison),
  'estimate.pilot': query(PilotEstimateInput, PilotEstimate),
} as const;
