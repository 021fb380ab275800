import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import { BackgroundTaskFields, DriftReport } from './checks';
import { Interval, MetricMap } from './evaluation-result';
import { PredictionRoles } from './evaluations';

/**
 * Monitors watch a model's inputs and outputs over time. A monitor holds a reference (a dataset,
 * or an evaluation whose file and roles it takes) and takes batches: files added one by one
 * (`monitors.addBatch`) or found new in its folder (`monitors.rescan`). Each batch is compared with
 * the reference by the Check engine's drift tests and PSI bands (per feature, and for the model's
 * output columns: prediction drift), and evaluated when it holds the label column. A batch that
 * crosses a threshold carries alerts in plain words. Batches run in the analysis worker process
 * with progress and cancel, like checks; a failed batch stores nothing.
 *
 * With slice columns in its roles (chosen when it is created, else the reference evaluation's), a
 * monitor also follows each slice: per batch, the slice's share of the rows and its metrics next
 * to the same slice of the reference (numeric columns cut at the reference's bins, so every
 * batch's "age 60+" is the same group), and an alert when a slice's
 * headline metric drops below the reference slice's by more than the metric threshold, by that
 * much more than the whole batch dropped (a group that fell behind, not a model that got worse
 * everywhere: that is the whole's own alert), and significantly (one-sided z-test on the two
 * bootstrap intervals, Holm-corrected over the batch's slices, p < 0.05).
 */

const FilePath = z.string().trim().min(1, 'Choose a file').max(4096, 'That path is too long');
const SliceColumn = z.string().trim().min(1, 'Choose a column').max(500, 'That column name is too long');

export const MonitorThresholds = z
  .object({
    /** A column whose PSI reaches this raises an alert (default 0.25, the "major" band). */
    psi: z.number().min(0, 'PSI is 0 or more').max(10).optional(),
    /** The share of drifted columns that raises an alert (default 0.5, Evidently's dataset drift). */
    driftShare: z.number().min(0).max(1).optional(),
    /** A drop of the headline metric below the reference by more than this raises an alert (default 0.05). */
    metricDrop: z.number().min(0).max(1).optional(),
  })
  .strict();

export const ResolvedThresholds = z.object({ psi: z.number(), driftShare: z.number(), metricDrop: z.number() });

export const MonitorReferenceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), datasetId: Id }).strict(),
  z.object({ kind: z.literal('evaluation'), evaluationId: Id }).strict(),
]);

export const MonitorCreateInput = z
  .object({
    projectId: Id,
    name: z.string().trim().min(1, 'Give the monitor a name').max(200, 'Keep the name under 200 characters'),
    reference: MonitorReferenceInput,
    /** A folder whose new files `monitors.rescan` adds as batches. */
    folder: FilePath.optional(),
    /** Which columns are the label and the model output (an evaluation reference brings its own). */
    roles: PredictionRoles.optional(),
    /**
     * The columns whose groups the monitor follows, each a column of the reference file. They
     * replace the roles' (or the reference evaluation's) slice columns; [] follows none. Absent:
     * the roles' slice columns as they are.
     */
    slices: z.array(SliceColumn).max(20, 'At most 20 slice columns').optional(),
    thresholds: MonitorThresholds.optional(),
  })
  .strict();
export type MonitorCreateInput = z.input<typeof MonitorCreateInput>;

export const Monitor = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  reference: z.object({
    kind: z.enum(['dataset', 'evaluation']),
    /** Null once the referenced record was removed (the monitor keeps its file path and hash). */
    datasetId: Id.nullable(),
    evaluationId: Id.nullable(),
    name: z.string(),
    path: z.string(),
    hash: z.string(),
  }),
  folder: z.string().nullable(),
  roles: PredictionRoles.nullable(),
  thresholds: ResolvedThresholds,
  batchCount: z.number(),
  latestBatchAt: IsoDateTime.nullable(),
  /** True when the newest batch raised an alert. */
  alert: z.boolean(),
  createdAt: IsoDateTime,
});
export type Monitor = z.infer<typeof Monitor>;

/** A slice of one batch next to the same slice of the reference. */
export const MonitorSlice = z.object({
  column: z.string(),
  /** The value, or the bin of a numeric column ("60+"), or "(missing)". */
  value: z.string(),
  /** How it reads in a sentence: "age 60+", "region = north". */
  label: z.string(),
  /** Rows of the batch in this slice, and their share of the batch's rows. */
  n: z.number(),
  share: z.number(),
  metrics: MetricMap,
  /** 95% intervals of the metrics (a seeded bootstrap of 200 resamples, Wilson for proportions). */
  ci: z.record(z.string(), Interval),
  /** Fewer rows than slices are judged on (30): shown, never alerted on. */
  tooSmall: z.boolean(),
  /** This slice raised an alert: it fell behind the reference slice (see above). */
  fellBehind: z.boolean(),
  /** The same slice of the reference file; null when the reference has no such rows. */
  reference: z.object({ n: z.number(), share: z.number(), metrics: MetricMap, ci: z.record(z.string(), Interval) }).nullable(),
});
export type MonitorSlice = z.infer<typeof MonitorSlice>;

export const MonitorBatch = z.object({
  id: Id,
  monitorId: Id,
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  hash: z.string(),
  rows: z.number(),
  /** From the time column, when the roles name one. */
  periodStart: IsoDateTime.nullable(),
  periodEnd: IsoDateTime.nullable(),
  /** Per feature: the Check engine's drift test, effect size and PSI band against the reference. */
  drift: DriftReport,
  /** The drift entries of the model's output columns (score, probabilities or prediction). */
  predictionDrift: DriftReport.shape.columns,
  /** The batch's metrics when it holds the label column; else null with the reason. */
  metrics: MetricMap.nullable(),
  metricsReason: z.string().nullable(),
  /**
   * The whole reference's metrics the batch was compared with: the reference evaluation's, or the
   * reference file evaluated with the monitor's roles; null when there is none.
   */
  referenceMetrics: MetricMap.nullable(),
  /** Per slice of the roles' slice columns, when the batch was evaluated; else empty, with the reason. */
  slices: z.array(MonitorSlice),
  slicesReason: z.string().nullable(),
  /** Plain sentences, one per threshold crossed ("age drifted: PSI 0.31, a major shift"). */
  alerts: z.array(z.string()),
  createdAt: IsoDateTime,
});
export type MonitorBatch = z.infer<typeof MonitorBatch>;

export const MonitorDetail = Monitor.extend({
  /** Oldest first: the timeline. */
  batches: z.array(MonitorBatch),
  /** The reference's metrics (an evaluation reference), for the lines drawn on metric charts. */
  referenceMetrics: MetricMap.nullable(),
  /** The headline metric the alerts follow (f1, macroF1 or r2). */
  headlineMetric: z.string().nullable(),
  /** What changed since the first batch, in one or two plain sentences. */
  summary: z.string(),
});
export type MonitorDetail = z.infer<typeof MonitorDetail>;

/**
 * What the "new monitor" form offers to follow: the reference file's columns that are not the
 * label or the model's output, in file order, each with the reason Tally suggests it (a column of
 * a few distinct values or a group-like name) or null; `followed` is what the monitor follows when
 * the user changes nothing (the reference evaluation's slice columns). A data file reference has
 * no results to judge per group: no columns, and `note` says why.
 */
export const MonitorSliceChoices = z.object({
  columns: z.array(z.object({ name: z.string(), suggested: z.string().nullable() })),
  followed: z.array(z.string()),
  note: z.string().nullable(),
});
export type MonitorSliceChoices = z.infer<typeof MonitorSliceChoices>;

/** phase: hashing | reading-reference | reading | comparing | evaluating | saving | done | failed | cancelled */
export const MonitorTaskState = BackgroundTaskFields.extend({
  /** Batches stored so far (a rescan adds one per new file). */
  batchIds: z.array(Id),
});
export type MonitorTaskState = z.infer<typeof MonitorTaskState>;

export const monitorsContract = {
  'monitors.create': mutation(MonitorCreateInput, Monitor),
  /** Newest first. */
  /** The columns a new monitor on this reference can follow groups of (reads the head of its file). */
  'monitors.sliceChoices': query(z.object({ reference: MonitorReferenceInput }).strict(), MonitorSliceChoices),
  'monitors.list': query(z.object({ projectId: Id }).strict(), z.array(Monitor)),
  'monitors.get': query(z.object({ id: Id }).strict(), MonitorDetail),
  /** Compares one file with the reference in the worker process; returns at once with a task id. */
  'monitors.addBatch': mutation(z.object({ monitorId: Id, path: FilePath }).strict(), z.object({ taskId: Id })),
  /** Adds every file in the monitor's folder that is not a batch yet (by content hash), oldest first. */
  'monitors.rescan': mutation(z.object({ monitorId: Id }).strict(), z.object({ taskId: Id.nullable(), files: z.array(z.string()) })),
  'monitors.status': query(z.object({ taskId: Id }).strict(), MonitorTaskState),
  'monitors.cancel': mutation(z.object({ taskId: Id }).strict(), MonitorTaskState),
  /** Forgets the monitor and its batches (never touches the files). */
  'monitors.delete': mutation(z.object({ id: Id }).strict(), z.object({ id: Id })),
} as const;
