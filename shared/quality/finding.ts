/**
 * What a check reports. The shape is fixed by issue 4 because the CLI's --json output, the JUnit
 * report, CI gates and the UI all read it: `id` is one of CHECK_IDS, `message` says what was found
 * in plain words with numbers, `advice` says what to do. Findings never carry raw cell values of
 * sensitive columns (the pii check redacts them).
 */

export const SINGLE_DATASET_CHECK_IDS = [
  'missing_values',
  'disguised_missing',
  'duplicate_rows',
  'constant_column',
  'almost_constant',
  'unique_identifier',
  'mixed_types',
  'string_variants',
  'high_cardinality',
  'skewed',
  'outliers',
  'high_correlation',
  'pii',
] as const;

export const TARGET_CHECK_IDS = ['class_imbalance', 'conflicting_labels', 'target_leakage'] as const;

export const REFERENCE_CHECK_IDS = [
  'train_test_overlap',
  'group_leakage',
  'date_leakage',
  'new_categories',
  'new_labels',
  'drift',
] as const;

export const POPULATION_CHECK_IDS = ['representativeness'] as const;

/** Every check id, in the order findings are reported. Other tools and CI rely on these strings. */
export const CHECK_IDS = [
  ...SINGLE_DATASET_CHECK_IDS,
  ...TARGET_CHECK_IDS,
  ...REFERENCE_CHECK_IDS,
  ...POPULATION_CHECK_IDS,
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type Severity = 'info' | 'warning' | 'error';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** JSON-safe values only, so a finding crosses IPC, HTTP and the --json output unchanged. */
export type DetailValue = string | number | boolean | null | DetailValue[] | { [key: string]: DetailValue };
export type FindingDetails = Record<string, DetailValue>;

export interface Finding {
  id: CheckId;
  severity: Severity;
  /** The one column concerned (the UI links the finding to it). */
  column?: string;
  /** Several columns (a correlated pair, the id + time columns ...). */
  columns?: string[];
  /** How many rows/cells/values are affected. */
  count?: number;
  /** `count` as a share of the relevant total, in [0, 1]. */
  share?: number;
  /** Machine-readable measurements: statistic names, p-values, effect sizes, thresholds used. */
  details: FindingDetails;
  /** What was found, in plain words with numbers a non-technical owner understands. */
  message: string;
  /** What to do about it. */
  advice: string;
}

export type Verdict = 'pass' | 'warn' | 'fail';
