import { z } from 'zod';
import { CHECK_IDS } from '../quality/finding';
import { DEFAULT_THRESHOLDS, type QualityThresholds } from '../quality/thresholds';
import { Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import { DatasetProfile, Verdict } from './datasets';

/**
 * Data-quality check runs. `checks.start` analyses a registered dataset in a separate worker
 * process and returns at once with a task id; progress arrives as `task.progress` events (phase,
 * done = bytes read, total = file size, message = rows read) and through `checks.status`. Only a
 * run that completes is stored: a cancelled or crashed run leaves the database as it was, and its
 * task reports the error code (CANCELLED, WORKER_CRASHED, PARSE_ERROR with file, line, column).
 */

export const Severity = z.enum(['info', 'warning', 'error']);
export const FailOn = z.enum(['error', 'warning', 'never']);
export type FailOn = z.infer<typeof FailOn>;

export const Finding = z.object({
  id: z.enum(CHECK_IDS),
  severity: Severity,
  column: z.string().optional(),
  columns: z.array(z.string()).optional(),
  count: z.number().optional(),
  share: z.number().optional(),
  details: z.record(z.string(), z.json()),
  message: z.string(),
  advice: z.string(),
});
export type Finding = z.infer<typeof Finding>;

const ColumnDrift = z.object({
  column: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  method: z.enum(['ks', 'chi_square', 'wasserstein_normed', 'jensen_shannon']),
  statistic: z.number(),
  pValue: z.number().optional(),
  threshold: z.number(),
  effectSize: z.object({ name: z.string(), value: z.number() }),
  drifted: z.boolean(),
  negligible: z.boolean(),
  psi: z.number(),
  psiBand: z.enum(['stable', 'moderate', 'major']),
  referenceSize: z.number(),
  currentSize: z.number(),
  /** Numeric columns: values the statistic was computed on, when a sample rather than all. */
  sampled: z.object({ reference: z.number(), current: z.number() }).optional(),
  /** Categorical columns: categories compared. */
  categories: z.number().optional(),
  /** Categorical columns with too many categories to count: shares of rows pooled into "(other)". */
  pooled: z.object({ reference: z.number(), current: z.number() }).optional(),
});
export const DriftReport = z.object({
  columns: z.array(ColumnDrift),
  /** Columns in both files that were not compared, and why; runs stored before this have none. */
  skipped: z.array(z.object({ column: z.string(), reason: z.string() })).default([]),
  driftedColumns: z.number(),
  share: z.number(),
  datasetDrift: z.boolean(),
});

/**
 * What the two files share, whatever the findings say: rows identical in both and, when an id
 * column was named, entities present in both. Filled for every comparison run.
 */
export const FileOverlap = z.object({
  checkedRows: z.number().int().min(0),
  referenceRows: z.number().int().min(0),
  /** Checked-file rows identical to some reference row. */
  sharedRows: z.number().int().min(0),
  ids: z
    .object({
      column: z.string(),
      /** Distinct id values present in both files. */
      sharedIds: z.number().int().min(0),
      checkedDistinct: z.number().int().min(0),
      referenceDistinct: z.number().int().min(0),
      /** Checked-file rows whose id also occurs in the reference. */
      checkedRowsWithSharedId: z.number().int().min(0),
    })
    .nullable(),
});
export type FileOverlap = z.infer<typeof FileOverlap>;

/**
 * One column's distribution in both files on the same bins, for an overlaid chart: numeric columns
 * as shares of values per bin of one shared set of edges, categorical ones as shares per value.
 * Shares are of each file's non-missing values, so files of different sizes compare.
 */
export const DistributionPair = z.object({
  column: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  /** Numeric: ascending bin edges, one more than the shares. Categorical: empty. */
  edges: z.array(z.number()),
  /** Categorical: the values, the last possibly "(other)". Numeric: empty. */
  values: z.array(z.string()),
  reference: z.array(z.number().min(0).max(1)),
  checked: z.array(z.number().min(0).max(1)),
  drifted: z.boolean(),
  /** True when numeric shares come from uniform samples of each file's values. */
  fromSample: z.boolean(),
});
export type DistributionPair = z.infer<typeof DistributionPair>;

/** Declared population shares per column, e.g. { region: { north: 0.4, south: 0.6 } }. */
export const PopulationShares = z
  .record(
    z.string().min(1, 'Name the column'),
    z.record(z.string(), z.number({ error: 'Give each share as a number' }).min(0, 'Shares cannot be negative').max(1, 'Shares are at most 1')),
  )
  .superRefine((shares, ctx) => {
    // Shares under 1 leave room for "other groups"; above 1 (beyond rounding) or all 0 they cannot be a population.
    for (const [column, groups] of Object.entries(shares)) {
      const sum = Object.values(groups).reduce((s, v) => s + v, 0);
      if (sum === 0) ctx.addIssue({ code: 'custom', path: [column], message: `The shares of "${column}" are all 0; give at least one group a share above 0` });
      else if (sum > 1.01) ctx.addIssue({ code: 'custom', path: [column], message: `The shares of "${column}" add up to ${Math.round(sum * 1000) / 1000}; they must add up to at most 1 (what is left counts as other groups)` });
    }
  });

/** Any subset of the documented thresholds (shared/quality/thresholds.ts); unknown names are refused. */
export const ThresholdOverrides = z
  .object(
    Object.fromEntries(
      Object.keys(DEFAULT_THRESHOLDS).map((k) => [k, z.number({ error: `${k} must be a number` }).finite(`${k} must be a finite number`).optional()]),
    ) as { [K in keyof QualityThresholds]: z.ZodOptional<z.ZodNumber> },
  )
  .strict();

const ColumnName = z.string().trim().min(1, 'Choose a column').max(500, 'That column name is too long');

export const CheckStartInput = z
  .object({
    projectId: Id,
    datasetId: Id,
    /** The dataset to compare with (e.g. training data when datasetId is the test split). */
    referenceDatasetId: Id.optional(),
    target: ColumnName.optional(),
    id: ColumnName.optional(),
    time: ColumnName.optional(),
    population: PopulationShares.optional(),
    thresholds: ThresholdOverrides.optional(),
    /** The lowest severity that fails the run's gate (default error), as `tally check --fail-on`. */
    failOn: FailOn.optional(),
  })
  .strict()
  .refine((v) => v.referenceDatasetId === undefined || v.referenceDatasetId !== v.datasetId, {
    message: 'Choose a different file to compare with',
    path: ['referenceDatasetId'],
  });
export type CheckStartInput = z.input<typeof CheckStartInput>;

/** The options a run was made with, stored with it so it can be repeated. */
export const CheckRunOptions = z.object({
  target: z.string().nullable(),
  id: z.string().nullable(),
  time: z.string().nullable(),
  population: PopulationShares.nullable(),
  thresholds: z.record(z.string(), z.number()),
  failOn: FailOn,
});

export const FindingCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const CheckRunSummary = z.object({
  id: Id,
  projectId: Id,
  /** Null when the dataset was removed since (the run keeps its file name). */
  datasetId: Id.nullable(),
  referenceDatasetId: Id.nullable(),
  datasetName: z.string(),
  referenceName: z.string().nullable(),
  /** Content hash of the checked file at the time of the run. */
  datasetHash: z.string(),
  verdict: Verdict,
  /** The owner's paragraph: what to do first, in plain words. */
  summary: z.string(),
  counts: FindingCounts,
  /** True when a finding reached `options.failOn` (what `tally check` turns into exit code 1). */
  gateFailed: z.boolean(),
  rows: z.number(),
  columns: z.number(),
  options: CheckRunOptions,
  durationMs: z.number(),
  createdAt: IsoDateTime,
});
export type CheckRunSummary = z.infer<typeof CheckRunSummary>;

export const CheckNote = z.object({ check: z.string(), message: z.string() });

export const CheckRun = CheckRunSummary.extend({
  /** Most important first. */
  findings: z.array(Finding),
  profile: DatasetProfile,
  referenceProfile: DatasetProfile.nullable(),
  drift: DriftReport.nullable(),
  /** What the checks did not cover (columns left out, capped pairs); runs stored before notes existed have none. */
  notes: z.array(CheckNote).default([]),
  /** Shared rows and ids of a comparison run; null without a reference (and for runs stored before it was kept). */
  overlap: FileOverlap.nullable().default(null),
  /** Both files' distributions of the compared columns, drifted ones first (bounded); empty without a reference. */
  distributions: z.array(DistributionPair).default([]),
});
export type CheckRun = z.infer<typeof CheckRun>;

export const TaskState = z.enum(['running', 'succeeded', 'failed', 'cancelled']);

export const TaskError = z.object({
  code: z.string(),
  message: z.string(),
  location: z.object({ field: z.string().optional(), file: z.string().optional(), line: z.number().optional(), column: z.number().optional() }).optional(),
});

/** What every background task (check, evaluation, monitor batch) reports while it runs. */
export const BackgroundTaskFields = z.object({
  taskId: Id,
  projectId: Id,
  state: TaskState,
  /** The step it is at; each kind of task names its own steps, ending in done, failed or cancelled. */
  phase: z.string(),
  /** Which file the figures are about. */
  file: z.string().nullable(),
  rows: z.number(),
  bytes: z.number(),
  totalBytes: z.number().nullable(),
  /** Set when state is failed or cancelled. */
  error: TaskError.nullable(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});

/** phase: hashing | reading-reference | reading | summarising | comparing | checking | saving | done */
export const CheckTask = BackgroundTaskFields.extend({
  /** Set when state is succeeded. */
  runId: Id.nullable(),
});
export type CheckTask = z.infer<typeof CheckTask>;

export const SaveHtmlInput = z
  .object({
    runId: Id,
    /** Absolute folder path; default: Downloads, else home. */
    folder: z.string().trim().min(1, 'Choose a folder').max(4096, 'That path is too long').optional(),
  })
  .strict();

export const SavedReport = z.object({ path: z.string(), folder: z.string(), fileName: z.string(), bytes: z.number().int().min(0) });
export type SavedReport = z.infer<typeof SavedReport>;

export const checksContract = {
  'checks.start': mutation(CheckStartInput, z.object({ taskId: Id })),
  /** Stops a running analysis (its worker process is killed); nothing is stored. */
  'checks.cancel': mutation(z.object({ taskId: Id }).strict(), CheckTask),
  'checks.status': query(z.object({ taskId: Id }).strict(), CheckTask),
  'checks.get': query(z.object({ runId: Id }).strict(), CheckRun),
  /** Newest first. */
  'checks.list': query(z.object({ projectId: Id }).strict(), z.array(CheckRunSummary)),
  /** The newest run of a project (for the project page), or null. */
  'checks.latest': query(z.object({ projectId: Id }).strict(), CheckRunSummary.nullable()),
  /** One self-contained HTML report (inline CSS and SVG, no scripts, no network). */
  'checks.exportHtml': query(z.object({ runId: Id }).strict(), z.object({ html: z.string(), fileName: z.string() })),
  /**
   * Writes the same HTML report into a folder on this machine (default: Downloads when there is
   * one, else the home folder) under a name that is free there, and says where it went.
   */
  'checks.saveHtml': mutation(SaveHtmlInput, SavedReport),
} as const;
