/**
 * CheckInput: the single contract between the analysis engine (electron/backend/analysis, which
 * streams files of any size) and the pure data-quality checks (shared/quality).
 *
 * Design rules
 * - Every field is a BOUNDED summary: its size does not grow with the number of rows, so the engine
 *   can fill it in one (or two) streaming passes with bounded memory. Samples are reservoir samples
 *   with a fixed cap (suggested caps below; the checks work with any cap).
 * - JSON-safe: plain objects, arrays, strings, finite numbers, null. No Map, Date, BigInt, typed
 *   arrays (a Float64Array sample would not survive IPC/JSON), NaN or Infinity. Times are ISO 8601
 *   strings in summaries and epoch milliseconds inside numeric samples.
 * - "current" is the file being checked (e.g. the test split or this month's data); "reference" is
 *   the file it is compared with (e.g. the training split or last month). Same words as Evidently.
 * - Counting invariant per column: count + missing + disguisedMissing === rows.
 * - Value text: topValues / distinctSample / categoryDifferences hold each value as text, and the
 *   SAME value must get the SAME text in both files (drift and new_categories compare them):
 *   numbers canonical (String(Number(x)), so "1.0" and 1 are "1"), strings as read (untrimmed, so
 *   " ok" stays distinct from "ok" for string_variants).
 * - Placeholder tokens for disguisedMissing: DISGUISED_MISSING_TOKENS / disguisedMissingToken()
 *   in ./missing-tokens.ts, so the engine and the checks agree.
 * - A reference implementation of every field, in memory, is ./testing/build-check-input.ts
 *   (buildCheckInput(rows, options)); the engine's output on small files should match it.
 *
 * Which check reads which field is noted as "-> check_id".
 */

/** Inferred column type. `identifier` = unique-per-row key (ids, uuids, hashes). */
export type ColumnType = 'integer' | 'float' | 'boolean' | 'datetime' | 'categorical' | 'text' | 'identifier';

/** A value (as its original text, trimmed of nothing) and how many non-missing cells hold it. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * How many non-missing cells parse as each kind (each cell votes once, for the first kind that
 * matches in this order: integer, float, boolean, datetime, else text). -> mixed_types
 * e.g. a "price" column with 9,800 floats and 200 "n/a text" cells.
 */
export interface TypeVotes {
  integer: number;
  float: number;
  boolean: number;
  datetime: number;
  text: number;
}

/** Fixed quantiles of the non-missing numeric values (exact or sketch-estimated, e.g. t-digest). */
export interface Quantiles {
  p1: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
}

/** Histogram: `edges.length === counts.length + 1`, edges ascending, last bin closed. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/**
 * Numeric profile, present for integer, float and datetime columns (datetime in epoch ms).
 * All statistics are over the non-missing numeric values only.
 */
export interface NumericSummary {
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator, as pandas). -> profile (drift recomputes its
   *  norm from the sample, as Evidently does with numpy's std) */
  std: number;
  /** Cells equal to 0. -> profile */
  zeros: number;
  /** Cells < 0. -> profile */
  negatives: number;
  /** -> outliers (Tukey fences from p25/p75), skewed (the median in its message) */
  quantiles: Quantiles;
  /**
   * Adjusted Fisher-Pearson skewness (pandas `Series.skew()`); NaN-free: 0 when std is 0 or n < 3.
   * The engine can compute it from streamed moments with `skewnessFromMoments` in
   * shared/evaluation/stats. -> skewed
   */
  skewness: number;
  /** -> profile charts (the report draws histograms, not raw rows) */
  histogram: Histogram;
  /**
   * True when `quantiles` and the `histogram`'s shape come from a uniform sample of the values
   * rather than every value (large columns; the histogram is scaled to the true count). min, max,
   * mean, std, skewness, zeros and negatives are always exact. -> profile labels
   */
  quantilesAreEstimates: boolean;
  /**
   * Uniform reservoir sample of the non-missing values (suggested cap 10,000). When the column
   * has fewer values than the cap this is ALL of them, which makes small-data tests exact.
   * -> drift (KS, Wasserstein, PSI), outliers (share beyond the fences)
   */
  sample: number[];
}

/** Lengths in characters (UTF-16 code units are fine) of non-missing text cells.
 *  -> profile, unique_identifier (long free text is not an identifier) */
export interface TextLengthSummary {
  min: number;
  max: number;
  mean: number;
}

/** One column of one file. */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Non-missing cells (neither real nor disguised missing). */
  count: number;
  /** Real nulls: empty CSV field, JSON null or absent key, Parquet null. -> missing_values */
  missing: number;
  /**
   * Cells whose text is a placeholder for "no value": "NA", "N/A", "null", "none", "nan", "-", "?",
   * whitespace-only ... (case-insensitive, trimmed). -> disguised_missing, missing_values
   */
  disguisedMissing: number;
  /** Which placeholder tokens were seen, with counts (bounded, e.g. 20). -> disguised_missing */
  disguisedTokens: ValueCount[];
  /**
   * Placeholder words this column uses as a real category, as written, with their cells ("None"
   * in a damage column, where it is the commonest answer): counted in `count`, `distinct` and
   * `topValues`, not in `disguisedMissing` (missing-tokens.ts placeholderIsCategory).
   * -> disguised_missing (a note says so)
   */
  placeholderValues?: ValueCount[];
  /** Distinct non-missing values. -> unique_identifier, high_cardinality, constant_column */
  distinct: number;
  /** True when `distinct` comes from a sketch (HyperLogLog ...) rather than an exact set. */
  distinctIsEstimate: boolean;
  /** -> mixed_types */
  typeVotes: TypeVotes;
  /**
   * Most frequent values, count descending (bounded, suggested 50), with every other non-missing
   * cell counted in `otherCount` (so sum(topValues) + otherCount === count).
   * -> almost_constant, class_imbalance, drift (categorical), representativeness, new_labels
   */
  topValues: ValueCount[];
  otherCount: number;
  /**
   * True when the counts in `topValues` are not exact: the column had too many different values
   * to count every one, so the counts (and which values rank highest) are as far as the engine
   * could keep them. -> profile labels
   */
  topValuesAreEstimates: boolean;
  /**
   * The guaranteed bound of estimated top-value counts: each true count lies between the count
   * given and that count plus this many (a heavy-hitter summary, Misra-Gries); a value left out
   * of the list occurs at most this many times. 0 when the counts are exact. Optional for
   * summaries made before the bound existed.
   */
  topValuesMaxError?: number;
  /**
   * A bounded sample of DISTINCT values with their counts (suggested cap 1,000 values; e.g. the
   * first 1,000 distinct values plus their counts, or a distinct reservoir). For non-numeric
   * columns (text, categorical, identifier, boolean) and integers; may be empty for floats and dates.
   * -> pii (share of matching cells; card numbers stored as integers), string_variants ("OK" vs "ok.")
   */
  distinctSample: ValueCount[];
  /** Present for integer, float and datetime columns. */
  numeric?: NumericSummary;
  /** Present for text, categorical and identifier columns. */
  textLength?: TextLengthSummary;
  /** Present for datetime columns: ISO 8601 of the earliest and latest value. -> date_leakage */
  timeRange?: { min: string; max: string };
}

/**
 * A uniform reservoir sample of WHOLE rows (suggested cap 10,000), columns in `columns` order.
 * Cell encoding: number for integer/float (datetime as epoch ms), boolean as its text, string
 * otherwise, null for real or disguised missing.
 * -> high_correlation (Pearson/Spearman/Cramér's V need joint values), target_leakage (per-feature
 *    AUC / predictive power against the target)
 */
export interface RowSample {
  columns: string[];
  rows: (string | number | null)[][];
}

/** Computed by the engine when a target column is given (--target). */
export interface TargetFacts {
  column: string;
  /**
   * Hash every row's feature columns (all except the target); `conflictingGroups` = hashes that
   * occur with two or more different labels, `conflictingRows` = rows in those groups.
   * -> conflicting_labels
   */
  conflictingGroups: number;
  conflictingRows: number;
}

/** Categories of one column present in the current file but never in the reference. */
export interface CategoryDifference {
  column: string;
  /** Unseen values, most frequent first (bounded, e.g. 20). */
  unseenValues: ValueCount[];
  /** Distinct unseen values and current-file cells holding one (exact or estimate). */
  unseenDistinct: number;
  unseenRows: number;
  /** Reference categories absent from the current file (bounded list, for context). */
  vanishedValues: string[];
}

/**
 * Counts of every category of one column in both files, aligned (index i is the same category in
 * both; 0 where a file lacks it), when the engine counted every value of the column in both files.
 * Bounded by the engine's exact-count limit. -> drift (categorical: no pooling into "(other)")
 */
export interface CategoryCounts {
  column: string;
  reference: number[];
  current: number[];
}

/** Comparison facts that need both files. Filled when --reference is given. */
export interface ReferenceFacts {
  /** Display name of the reference file (no need for a full path). */
  file?: string;
  rows: number;
  /** The reference file's column summaries, same shape as current ones. -> drift */
  columns: ColumnSummary[];
  /**
   * Current-file rows whose 64-bit full-row hash also occurs in the reference.
   * -> train_test_overlap
   */
  overlapRows: number;
  /** With --id: entity ids present in both files. -> group_leakage */
  idOverlap?: {
    column: string;
    currentDistinct: number;
    referenceDistinct: number;
    sharedIds: number;
    /** Current-file rows whose id also occurs in the reference. */
    currentRowsWithSharedId: number;
  };
  /** With --time: time ranges (ISO 8601) and how many current rows are not after the reference. */
  time?: {
    column: string;
    referenceMin: string;
    referenceMax: string;
    currentMin: string;
    currentMax: string;
    /** Current-file rows with time <= referenceMax. -> date_leakage */
    currentRowsNotAfterReference: number;
  };
  /**
   * For each categorical/boolean/text column in both files (and the target): values unseen in the
   * reference. -> new_categories, new_labels (for the target column)
   */
  categoryDifferences: CategoryDifference[];
  /**
   * Categorical columns whose top values do not list every category in one of the files, with all
   * their categories counted. -> drift
   */
  categoryCounts?: CategoryCounts[];
}

/**
 * What the engine decided or could not judge while reading, in plain words (how the --time column's
 * dates were read, columns a check could not use). runChecks lists these first in the report's notes.
 */
export interface EngineNote {
  /** The check the note is about. */
  check: string;
  message: string;
}

/**
 * What the engine decided or could not judge while reading, in plain words (how the --time column's
 * dates were read, columns a check could not use). runChecks lists these first in the report's notes.
 */
export interface EngineNote {
  /** The check the note is about. */
  check: string;
  message: string;
}

/** Everything the checks need about one dataset (and optionally its reference). */
export interface CheckInput {
  /** Display name of the checked file. */
  file?: string;
  rows: number;
  columns: ColumnSummary[];
  /** Rows identical (by 64-bit row hash) to an earlier row of the same file. -> duplicate_rows */
  duplicateRows: number;
  /** -> high_correlation, target_leakage */
  rowSample?: RowSample;
  /** -> conflicting_labels (class_imbalance reads the target's topValues) */
  target?: TargetFacts;
  /** -> train_test_overlap, group_leakage, date_leakage, new_categories, new_labels, drift */
  reference?: ReferenceFacts;
  /** -> the report's notes */
  notes?: EngineNote[];
}
