import { z } from 'zod';
import { Id } from './common';
import { mutation, query } from './define';
import { ExperimentId } from './experiments';
import { LifecycleView } from './runs-filter';
import { MetricValue, RunId, RunStatus } from './runs';

/**
 * Runs in and out of Tally as files: an MLflow `mlruns/` folder (the file store), and the CSV and
 * JSON this module exports. Imports are keyed by run id, so importing the same file twice adds
 * nothing; each run is written in one transaction (a crash leaves whole runs only). What cannot
 * be read is skipped and listed with its file, line and field, never dropped silently; an input
 * that cannot be used at all (no such folder, not an mlruns folder, a CSV without its header, a
 * JSON file that does not parse) fails the call with INVALID_INPUT, FILE_NOT_FOUND or PARSE_ERROR.
 */
export const RUN_IMPORT_KINDS = ['mlruns', 'csv', 'json'] as const;
export const RunImportKind = z.enum(RUN_IMPORT_KINDS, { error: `kind is one of ${RUN_IMPORT_KINDS.join(', ')}` });
export type RunImportKind = z.infer<typeof RunImportKind>;

export const RunImportInput = z
  .object({
    kind: RunImportKind,
    /** Absolute path of the mlruns folder (or one experiment folder in it), or of the CSV / JSON file. */
    path: z.string().min(1, 'Choose a folder or a file').max(4096, 'That path is too long'),
    /**
     * Put new experiments in this project. Without it (and without projectName) they go where the
     * tracking API puts them: the project named by the experiment tag tally.project, else the
     * project a JSON export names, else a project named like the experiment. Experiments that
     * already exist (by name) stay where they are.
     */
    projectId: Id.optional(),
    /** The same by name; the project is created when there is none. */
    projectName: z.string().trim().min(1, 'Give the project a name').max(120).optional(),
    /** `task.progress` events carry this id while the import runs. */
    taskId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((i) => i.projectId === undefined || i.projectName === undefined, { message: 'Give projectId or projectName, not both', path: ['projectName'] });
export type RunImportInput = z.input<typeof RunImportInput>;

export const SKIPPED_KINDS = ['experiment', 'run', 'metric', 'param', 'tag', 'row', 'field'] as const;

/** One entry that was not imported, and why. `path` is the file (or folder) it came from. */
export const SkippedEntry = z.object({
  what: z.enum(SKIPPED_KINDS),
  path: z.string(),
  /** 1-based line in that file, when the problem sits on one. */
  line: z.number().int().min(1).nullable(),
  /** The field or key concerned ("status", "param.lr", "metric loss"), when there is one. */
  field: z.string().nullable(),
  reason: z.string(),
});
export type SkippedEntry = z.infer<typeof SkippedEntry>;

export const RunImportResult = z.object({
  kind: RunImportKind,
  path: z.string(),
  experiments: z.array(z.object({ id: ExperimentId, name: z.string(), projectId: Id, projectName: z.string(), created: z.boolean(), runs: z.number().int() })),
  /** Runs new to Tally. */
  runsCreated: z.number().int(),
  /** Runs Tally had already (same id): their fields and tags were refreshed, new params and points added. */
  runsUpdated: z.number().int(),
  metricPoints: z.number().int(),
  /** Points Tally already had (a repeated import): not stored again. */
  duplicatePoints: z.number().int(),
  params: z.number().int(),
  tags: z.number().int(),
  skipped: z.array(SkippedEntry),
  /** Skipped entries beyond the first 1,000 are counted here, not listed. */
  moreSkipped: z.number().int(),
});
export type RunImportResult = z.infer<typeof RunImportResult>;

export const RUN_EXPORT_FORMATS = ['csv', 'json'] as const;
export const RunExportInput = z
  .object({
    projectId: Id.optional(),
    experimentIds: z.array(ExperimentId).min(1).max(1000).optional(),
    format: z.enum(RUN_EXPORT_FORMATS, { error: 'format is csv or json' }).default('csv'),
    /** JSON only: every metric's full history as columns (steps, timestamps, values). */
    withHistory: z.boolean().default(false),
    view: LifecycleView.default('active'),
  })
  .strict()
  .refine((i) => i.projectId !== undefined || i.experimentIds !== undefined, { message: 'Give a projectId or experimentIds', path: ['projectId'] })
  .refine((i) => !(i.withHistory && i.format === 'csv'), { message: 'Metric histories go into JSON exports only', path: ['withHistory'] });
export type RunExportInput = z.input<typeof RunExportInput>;

export const RunExportResult = z.object({
  format: z.enum(RUN_EXPORT_FORMATS),
  /** A file name for the download: the project's (or experiment's) name, made safe. */
  fileName: z.string(),
  text: z.string(),
  runs: z.number().int(),
});

/** A metric's latest point, as exported (value as MLflow's REST API writes it). */
export const ExportedMetric = z.object({ key: z.string().min(1), value: MetricValue, step: z.number().int().default(0), timestamp: z.number().int().min(0) }).strict();

export const ExportedHistory = z
  .object({ steps: z.array(z.number().int()), timestamps: z.array(z.number().int().min(0)), values: z.array(MetricValue) })
  .strict()
  .refine((h) => h.steps.length === h.values.length && h.timestamps.length === h.values.length, { message: 'steps, timestamps and values must have the same length' });

const Nullable = <T extends z.ZodType>(t: T) => t.nullable().default(null);

/** One run of a JSON export. `cost` is what Tally worked out at export time; an import recomputes it. */
export const ExportedRun = z
  .object({
    id: RunId,
    name: z.string().max(500).default(''),
    experiment: z.string().trim().min(1, 'Every run needs its experiment name').max(500),
    status: RunStatus.default('FINISHED'),
    lifecycleStage: z.enum(['active', 'deleted']).default('active'),
    startTime: Nullable(z.string().datetime({ offset: true })),
    endTime: Nullable(z.string().datetime({ offset: true })),
    userId: z.string().max(1000).default(''),
    notes: z.string().max(100_000).default(''),
    params: z.record(z.string(), z.string()).default({}),
    tags: z.record(z.string(), z.string()).default({}),
    metrics: z.array(ExportedMetric).default([]),
    compute: z
      .object({
        hardwareId: Nullable(z.string().max(80)),
        devices: Nullable(z.number().int().min(1)),
        durationS: Nullable(z.number().min(0)),
        energyKwhMeasured: Nullable(z.number().min(0)),
        manualCostCents: Nullable(z.number().int().min(0)),
        manualCostCurrency: Nullable(z.string().regex(/^[A-Z]{3}$/)),
        pricePerDeviceHourUsd: Nullable(z.number().min(0)),
      })
      .partial()
      .default({}),
    cost: z.unknown().optional(),
    history: z.record(z.string(), ExportedHistory).optional(),
  })
  .strict();
export type ExportedRun = z.output<typeof ExportedRun>;

export const RUNS_EXPORT_FORMAT = 'tally-runs';

/** The JSON document `runs.export` writes and `runs.import` reads back. */
export const RunsExportDocument = z
  .object({
    format: z.literal(RUNS_EXPORT_FORMAT, { error: `not a Tally runs export (format must be "${RUNS_EXPORT_FORMAT}")` }),
    version: z.literal(1, { error: 'this Tally reads version 1 of the runs export' }),
    exportedAt: z.string().optional(),
    project: z.object({ name: z.string(), currency: z.string().optional() }).nullable().default(null),
    experiments: z
      .array(z.object({ name: z.string().min(1), lifecycleStage: z.enum(['active', 'deleted']).default('active'), artifactLocation: z.string().default(''), tags: z.record(z.string(), z.string()).default({}) }))
      .default([]),
    /** Checked one by one on import, so one bad run is skipped and named, not the file refused. */
    runs: z.array(z.unknown()),
  })
  .strict();
export type RunsExportDocument = z.output<typeof RunsExportDocument>;

export const runsIoContract = {
  'runs.import': mutation(RunImportInput, RunImportResult),
  'runs.export': query(RunExportInput, RunExportResult),
} as const;
