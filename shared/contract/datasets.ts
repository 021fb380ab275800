import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { mutation, query } from './define';

/**
 * Datasets stay where the user keeps them: Tally records the path, size, a content hash, the
 * format and the schema, and never writes to the file. A file that moved (missing) or whose
 * content differs from the last analysis (changed) is flagged, never silently reused.
 */

export const DatasetFormat = z.enum(['csv', 'tsv', 'jsonl', 'json', 'parquet']);
export type DatasetFormat = z.infer<typeof DatasetFormat>;

/** What the file is for; it also gives the words used in findings ("12% of test rows ..."). */
export const DatasetRole = z.enum(['training', 'test', 'production', 'reference', 'other']);
export type DatasetRole = z.infer<typeof DatasetRole>;

export const ColumnType = z.enum(['integer', 'float', 'boolean', 'datetime', 'categorical', 'text', 'identifier']);

/** ok: as analysed; missing: no file at the path any more; changed: content differs from the recorded hash. */
export const DatasetStatus = z.enum(['ok', 'missing', 'changed']);
export type DatasetStatus = z.infer<typeof DatasetStatus>;

export const SchemaColumn = z.object({ name: z.string(), type: ColumnType.nullable() });

/**
 * Sniffed at registration from the head of the file (types are a guess from the first rows);
 * replaced by the profiled schema after each analysis (`source: 'profile'`).
 */
export const DatasetSchema = z.object({
  source: z.enum(['sniffed', 'profile']),
  columns: z.array(SchemaColumn),
  encoding: z.string().nullable(),
  /** Delimited text only. */
  delimiter: z.string().nullable(),
  hasHeader: z.boolean().nullable(),
});
export type DatasetSchema = z.infer<typeof DatasetSchema>;

export const Verdict = z.enum(['pass', 'warn', 'fail']);

export const LatestRunRole = z.enum(['checked', 'compared']);
export type LatestRunRole = z.infer<typeof LatestRunRole>;

export const Dataset = z.object({
  id: Id,
  projectId: Id,
  /** File name without the folder. */
  name: z.string(),
  path: z.string(),
  role: DatasetRole.nullable(),
  format: DatasetFormat,
  sizeBytes: z.number().int().min(0),
  /** Content hash recorded at registration, relink or the last analysis: "sha256:<hex>". */
  hash: z.string(),
  schema: DatasetSchema,
  status: DatasetStatus,
  registeredAt: IsoDateTime,
  analysedAt: IsoDateTime.nullable(),
  /** The newest check run that read this file, as the checked file or as the file it was compared with. */
  latestRunId: Id.nullable(),
  /** That run's verdict: the quality verdict, separate from `status` (whether the file is unchanged). */
  latestVerdict: Verdict.nullable(),
  /** How that run read this file: checked, or compared with (the reference of another file's check). */
  latestRunRole: LatestRunRole.nullable(),
});
export type Dataset = z.infer<typeof Dataset>;

const ValueCount = z.object({ value: z.string(), count: z.number() });

/**
 * One column's profile: what `tally check --json` prints per column and the UI draws as a card.
 * Bounded in size whatever the file (histograms and top values, never raw rows); values of columns
 * with a PII finding are redacted.
 */
export const ColumnProfile = z.object({
  name: z.string(),
  type: ColumnType,
  count: z.number(),
  missing: z.number(),
  disguisedMissing: z.number(),
  distinct: z.number(),
  /** True when `distinct` is a sketch estimate rather than an exact count. */
  distinctIsEstimate: z.boolean(),
  typeVotes: z.object({ integer: z.number(), float: z.number(), boolean: z.number(), datetime: z.number(), text: z.number() }),
  /** Most frequent values (at most 20), count descending; `otherCount` holds the rest. */
  topValues: z.array(ValueCount),
  otherCount: z.number(),
  /** True when the top values' counts are not exact (too many different values to count each). */
  topValuesAreEstimates: z.boolean(),
  /**
   * The guaranteed bound of estimated counts: each true count is between the count shown and that
   * count plus this many. 0 when exact; profiles stored before the bound existed have none.
   */
  topValuesMaxError: z.number().optional(),
  disguisedTokens: z.array(ValueCount),
  numeric: z
    .object({
      min: z.number(),
      max: z.number(),
      mean: z.number(),
      std: z.number(),
      zeros: z.number(),
      negatives: z.number(),
      skewness: z.number(),
      quantiles: z.object({ p1: z.number(), p5: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p95: z.number(), p99: z.number() }),
      /** edges.length === counts.length + 1; datetime columns in epoch milliseconds. */
      histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }),
      /** True when quantiles and the histogram's shape come from a uniform sample of the values. */
      quantilesAreEstimates: z.boolean(),
    })
    .nullable(),
  textLength: z.object({ min: z.number(), max: z.number(), mean: z.number() }).nullable(),
  timeRange: z.object({ min: z.string(), max: z.string() }).nullable(),
  /** True when the column's values were redacted because the pii check matched them. */
  redacted: z.boolean(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const DatasetProfile = z.object({
  file: z.string(),
  format: DatasetFormat,
  encoding: z.string().nullable(),
  sizeBytes: z.number(),
  rows: z.number(),
  duplicateRows: z.number(),
  /** Estimated in-memory size of the table as typed columns. */
  memoryBytes: z.number(),
  columns: z.array(ColumnProfile),
});
export type DatasetProfile = z.infer<typeof DatasetProfile>;

export const DatasetDetail = Dataset.extend({
  /** The profile of the latest analysis (as the checked or the compared file), or null before the first one. */
  profile: DatasetProfile.nullable(),
});
export type DatasetDetail = z.infer<typeof DatasetDetail>;

const FilePath = z.string().trim().min(1, 'Choose a file').max(4096, 'That path is too long');

export const DatasetRegisterInput = z.object({ projectId: Id, path: FilePath, role: DatasetRole.optional() }).strict();
export const DatasetRelinkInput = z.object({ id: Id, path: FilePath }).strict();

/** Likely target / id / time columns for the wizard, best first, each with a one-line reason. */
const Guess = z.object({ column: z.string(), reason: z.string() });
export const ColumnGuesses = z.object({
  columns: z.array(z.string()),
  target: z.array(Guess),
  id: z.array(Guess),
  time: z.array(Guess),
});
export type ColumnGuesses = z.infer<typeof ColumnGuesses>;

export const datasetsContract = {
  /** Registering the same path twice in a project returns the existing dataset (role updated if given). */
  'datasets.register': mutation(DatasetRegisterInput, Dataset),
  'datasets.list': query(z.object({ projectId: Id }).strict(), z.array(Dataset)),
  'datasets.get': query(z.object({ id: Id }).strict(), DatasetDetail),
  /** Point a moved file's record at its new path; status is `changed` when the content differs. */
  'datasets.relink': mutation(DatasetRelinkInput, Dataset),
  /** Forgets the dataset (its check runs stay, naming the file); never touches the file. */
  'datasets.remove': mutation(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'datasets.guessColumns': query(z.object({ datasetId: Id }).strict(), ColumnGuesses),
} as const;
