import { z } from 'zod';
import { CurrencyCode, Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import { ExperimentId, Lifecycle, TagMap } from './experiments';
import { LifecycleView, RunFilter, RunOrder } from './runs-filter';

/**
 * Runs: what MLflow clients log (params, tags, metric series, dataset inputs) plus what each run
 * cost. Params are immutable once logged; tags overwrite. Keys and values follow MLflow's limits
 * (key 250 characters, param value 6,000, tag value 8,000; a batch at most 1,000 metrics, 100
 * params, 100 tags); the backend checks them and names the key in its INVALID_INPUT message, so
 * the schemas below only cap sizes. Times in inputs are epoch milliseconds or ISO strings; outputs
 * give ISO strings (metric timestamps stay epoch ms). Metric values that JSON cannot carry travel
 * as the strings "NaN", "Infinity" and "-Infinity", as in MLflow's REST API.
 */
export const RunId = z.string().regex(/^[0-9a-f]{32}$/, 'A run id is 32 lowercase hex characters');
export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export const RunStatus = z.enum(RUN_STATUSES, { error: `status is one of ${RUN_STATUSES.join(', ')}` });
export type RunStatus = z.infer<typeof RunStatus>;

export const MetricValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
export type MetricValue = z.infer<typeof MetricValue>;
/** Epoch ms (what MLflow sends) or an ISO date-time. */
export const Timestamp = z.union([z.number().int('Times are whole epoch milliseconds').min(0).max(8.64e15), IsoDateTime]);
const Step = z.number().int('A step is a whole number').min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const KeyText = z.string().max(1000);

export const MetricPoint = z.object({ key: KeyText, value: MetricValue, timestamp: z.number().int().min(0).max(8.64e15), step: Step.default(0) }).strict();
export const KeyValue = z.object({ key: KeyText, value: z.string().max(100_000) }).strict();

export const CostBasis = z.enum(['manual', 'per-run-price', 'project-rate', 'catalog', 'unknown']);
export const EnergyBasis = z.enum(['measured-kwh', 'system-metrics', 'estimated', 'unknown']);
export const HoursBasis = z.enum(['duration', 'start-end', 'running', 'unknown']);

/** shared/budget/run-cost.ts's RunCost: the figures, their bases and every assumption with its source. */
export const RunCost = z.object({
  costCents: z.number().int().nullable(),
  currency: CurrencyCode,
  costUsdCents: z.number().int().nullable(),
  costCentsPerHour: z.number().nullable(),
  costUsdCentsPerHour: z.number().nullable(),
  basis: CostBasis,
  priceSource: z.string().nullable(),
  priceAsOf: z.string().nullable(),
  pricePerDeviceHour: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  devices: z.number().int().nullable(),
  hours: z.number().nullable(),
  hoursBasis: HoursBasis,
  energyKwh: z.number().nullable(),
  energyKwhPerHour: z.number().nullable(),
  energyBasis: EnergyBasis,
  co2Kg: z.number().nullable(),
  gridKgCo2PerKwh: z.number().nullable(),
  unknownReason: z.string().nullable(),
  assumptions: z.array(z.object({ name: z.string(), value: z.union([z.number(), z.string()]), unit: z.string().optional(), source: z.string(), asOf: z.string().optional() })),
});
export type RunCost = z.infer<typeof RunCost>;

/** One row of the runs table (10,000 of them must sort and scroll). */
export const RunRow = z.object({
  id: RunId,
  name: z.string(),
  experimentId: ExperimentId,
  experimentName: z.string(),
  projectId: Id,
  status: RunStatus,
  lifecycleStage: Lifecycle,
  startTime: IsoDateTime.nullable(),
  endTime: IsoDateTime.nullable(),
  userId: z.string(),
  params: TagMap,
  tags: TagMap,
  /** Latest value per key (highest step, then timestamp). */
  metrics: z.record(z.string(), MetricValue),
  hardwareId: z.string().nullable(),
  /** The catalog's name for the device; null when the id is unknown or not set. */
  hardwareName: z.string().nullable(),
  devices: z.number().int().nullable(),
  hours: z.number().nullable(),
  hoursBasis: HoursBasis,
  costCents: z.number().int().nullable(),
  currency: CurrencyCode,
  costUsdCents: z.number().int().nullable(),
  costBasis: CostBasis,
  energyKwh: z.number().nullable(),
  energyBasis: EnergyBasis,
  co2Kg: z.number().nullable(),
  costUnknownReason: z.string().nullable(),
});
export type RunRow = z.infer<typeof RunRow>;

export const LatestMetric = z.object({ key: z.string(), value: MetricValue, step: z.number(), timestamp: z.number(), points: z.number().int() });
export const DatasetInput = z.object({
  name: z.string().min(1, 'A dataset needs a name').max(500),
  digest: z.string().max(500).default(''),
  context: z.string().max(500).default(''),
  sourceType: z.string().max(500).default(''),
  source: z.string().max(65_535).default(''),
  schema: z.string().max(1_048_576).default(''),
  profile: z.string().max(65_535).default(''),
});

export const RunCompute = z.object({
  hardwareId: z.string().nullable(),
  devices: z.number().int().nullable(),
  durationS: z.number().nullable(),
  energyKwhMeasured: z.number().nullable(),
  manualCostCents: z.number().int().nullable(),
  manualCostCurrency: CurrencyCode.nullable(),
  pricePerDeviceHourUsd: z.number().nullable(),
  scenarioId: Id.nullable(),
  /** Why a tally.* tag's value was not used, if one was not. */
  note: z.string(),
});

export const RunDetail = RunRow.extend({
  notes: z.string(),
  artifactUri: z.string(),
  deletedTime: IsoDateTime.nullable(),
  latestMetrics: z.array(LatestMetric),
  inputs: z.array(z.object({ name: z.string(), digest: z.string(), context: z.string(), sourceType: z.string(), source: z.string(), schema: z.string(), profile: z.string() })),
  compute: RunCompute,
  cost: RunCost,
});
export type RunDetail = z.infer<typeof RunDetail>;

const Columns = z.union([z.literal('all'), z.array(z.string().max(1000)).max(500)]);
export const RunListInput = z
  .object({
    projectId: Id.optional(),
    experimentIds: z.array(ExperimentId).min(1).max(1000).optional(),
    filter: RunFilter.default([]),
    orderBy: z.array(RunOrder).max(5).default([]),
    view: LifecycleView.default('active'),
    maxResults: z.number().int().min(1).max(50_000).default(1000),
    pageToken: z.string().max(2000).optional(),
    /** Which params / tags / metrics to return per row: 'all' or a list of keys (the column chooser). */
    columns: z.object({ params: Columns.default('all'), tags: Columns.default('all'), metrics: Columns.default('all') }).strict().default({ params: 'all', tags: 'all', metrics: 'all' }),
  })
  .strict()
  .refine((i) => i.projectId !== undefined || i.experimentIds !== undefined, { message: 'Give a projectId or experimentIds', path: ['projectId'] });
export type RunListInput = z.input<typeof RunListInput>;

export const RunCreateInput = z
  .object({
    experimentId: ExperimentId,
    /** An MLflow run id to keep (importers); generated when omitted. */
    id: RunId.optional(),
    name: z.string().max(500).optional(),
    startTime: Timestamp.optional(),
    status: RunStatus.optional(),
    userId: z.string().max(1000).optional(),
    tags: z.array(KeyValue).max(10_000).default([]),
  })
  .strict();
export type RunCreateInput = z.input<typeof RunCreateInput>;

export const RunUpdateInput = z
  .object({
    id: RunId,
    patch: z.object({ status: RunStatus, endTime: Timestamp.nullable(), startTime: Timestamp, name: z.string().max(500) }).partial().strict(),
  })
  .strict();

export const LogBatchInput = z
  .object({
    runId: RunId,
    metrics: z.array(MetricPoint).max(10_000).default([]),
    params: z.array(KeyValue).max(10_000).default([]),
    tags: z.array(KeyValue).max(10_000).default([]),
  })
  .strict();
export type LogBatchInput = z.input<typeof LogBatchInput>;

export const ComputePatch = z
  .object({
    hardwareId: z.string().trim().min(1).max(80).nullable(),
    devices: z.number().int('Devices is a whole number').min(1, 'At least 1 device').max(1_000_000).nullable(),
    durationS: z.number().min(0, 'A duration cannot be negative').max(1e10).nullable(),
    energyKwhMeasured: z.number().min(0, 'Energy cannot be negative').max(1e12).nullable(),
    manualCostCents: z.number().int('Amounts are stored in whole cents').min(0, 'A cost cannot be negative').max(1e15).nullable(),
    manualCostCurrency: CurrencyCode.nullable(),
    pricePerDeviceHourUsd: z.number().min(0, 'A price cannot be negative').max(1e6).nullable(),
    scenarioId: Id.nullable(),
  })
  .partial()
  .strict();
export type ComputePatch = z.input<typeof ComputePatch>;

export const MetricHistoryInput = z
  .object({
    runId: RunId,
    key: KeyText,
    maxResults: z.number().int().min(1).max(1_000_000).default(25_000),
    pageToken: z.string().max(2000).optional(),
    format: z.enum(['points', 'columns']).default('points'),
  })
  .strict();

export const MetricHistory = z.object({
  runId: RunId,
  key: z.string(),
  total: z.number().int(),
  points: z.array(z.object({ step: z.number(), timestamp: z.number(), value: MetricValue })).optional(),
  columns: z.object({ steps: z.array(z.number()), timestamps: z.array(z.number()), values: z.array(MetricValue) }).optional(),
  nextPageToken: z.string().nullable(),
});

/** A downsampled series for charts: per bucket of steps, its first step, mean, min and max of the finite values. */
export const ChartSeries = z.object({
  runId: RunId,
  totalPoints: z.number().int(),
  nonFinite: z.number().int(),
  steps: z.array(z.number()),
  values: z.array(z.number()),
  mins: z.array(z.number()),
  maxs: z.array(z.number()),
});

export const RunCompareInput = z
  .object({
    runIds: z.array(RunId).min(2, 'Compare at least 2 runs').max(10, 'Compare at most 10 runs'),
    metricKeys: z.array(KeyText).max(50).optional(),
    maxPoints: z.number().int().min(10).max(20_000).default(2000),
  })
  .strict();

export const RunComparison = z.object({
  runs: z.array(RunRow),
  params: z.array(z.object({ key: z.string(), values: z.array(z.string().nullable()), differs: z.boolean() })),
  metrics: z.array(z.object({ key: z.string(), series: z.array(ChartSeries) })),
});

const ById = z.object({ id: RunId }).strict();
const Lifecycled = z.object({ id: RunId, lifecycleStage: Lifecycle });

export const runsContract = {
  'runs.list': query(RunListInput, z.object({ runs: z.array(RunRow), nextPageToken: z.string().nullable(), total: z.number().int() })),
  'runs.get': query(ById, RunDetail),
  'runs.create': mutation(RunCreateInput, RunDetail),
  'runs.update': mutation(RunUpdateInput, RunDetail),
  'runs.delete': mutation(ById, Lifecycled),
  'runs.restore': mutation(ById, Lifecycled),
  'runs.purge': mutation(z.object({ ids: z.array(RunId).min(1).max(10_000) }).strict(), z.object({ purged: z.number().int() })),
  'runs.logBatch': mutation(LogBatchInput, z.object({ runId: RunId, metricsStored: z.number().int(), metricsDuplicate: z.number().int() })),
  'runs.logInputs': mutation(z.object({ runId: RunId, datasets: z.array(DatasetInput).min(1).max(1000) }).strict(), z.object({ runId: RunId, stored: z.number().int() })),
  'runs.setTag': mutation(z.object({ runId: RunId, key: KeyText, value: z.string().max(100_000) }).strict(), z.object({ runId: RunId })),
  'runs.deleteTag': mutation(z.object({ runId: RunId, key: KeyText }).strict(), z.object({ runId: RunId })),
  'runs.setCompute': mutation(z.object({ id: RunId, compute: ComputePatch }).strict(), RunDetail),
  'runs.setNotes': mutation(z.object({ id: RunId, notes: z.string().max(100_000, 'Notes are limited to 100,000 characters') }).strict(), RunDetail),
  'runs.metricHistory': query(MetricHistoryInput, MetricHistory),
  'runs.compare': query(RunCompareInput, RunComparison),
} as const;
