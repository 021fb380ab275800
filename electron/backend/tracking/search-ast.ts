/**
 * What an MLflow search filter and order_by mean, once parsed: the values the tracking store
 * evaluates. The parser (search-filter.ts) produces only well-typed clauses, so the store never
 * re-validates comparators against entity types.
 *
 * Semantics the store keeps, as MLflow does:
 * - clauses are AND-ed (MLflow has no OR);
 * - a clause on a metric, param or tag the run lacks is false (also for `!=`);
 * - metric clauses compare the run's latest value of the key;
 * - LIKE is case-sensitive, ILIKE is not; `%` is any run of characters, `_` one character;
 * - a dataset clause is true when any dataset input of the run matches (context is the
 *   `mlflow.data.context` input tag).
 */

export type NumericComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type StringComparator = '=' | '!=' | 'LIKE' | 'ILIKE';
export type ListComparator = 'IN' | 'NOT IN';
export type NullComparator = 'IS NULL' | 'IS NOT NULL';

/** Run attributes compared as strings (MLflow's searchable RunInfo fields). */
export type RunStringAttribute = 'status' | 'run_name' | 'run_id' | 'user_id' | 'artifact_uri';
/** Run attributes compared as numbers: milliseconds since the epoch. */
export type RunNumericAttribute = 'start_time' | 'end_time';
export type DatasetField = 'name' | 'digest' | 'context';

export type RunFilterClause =
  | { type: 'metric'; key: string; comparator: NumericComparator; value: number }
  | { type: 'param' | 'tag'; key: string; comparator: StringComparator; value: string }
  | { type: 'param' | 'tag'; key: string; comparator: NullComparator }
  | { type: 'attribute'; key: RunStringAttribute; comparator: StringComparator; value: string }
  | { type: 'attribute'; key: 'run_id'; comparator: ListComparator; value: string[] }
  | { type: 'attribute'; key: RunNumericAttribute; comparator: NumericComparator; value: number }
  | { type: 'dataset'; key: DatasetField; comparator: StringComparator; value: string }
  | { type: 'dataset'; key: DatasetField; comparator: ListComparator; value: string[] };

/** Attributes a run search may order by. */
export type RunOrderAttribute = RunStringAttribute | RunNumericAttribute;

/**
 * One order_by term. Runs lacking the key (or holding NaN) sort after all others in both
 * directions; after the given terms the store orders by start_time DESC, then run_id ASC.
 */
export type RunOrderTerm =
  | { type: 'metric' | 'param' | 'tag'; key: string; ascending: boolean }
  | { type: 'attribute'; key: RunOrderAttribute; ascending: boolean };

export type ExperimentNumericAttribute = 'creation_time' | 'last_update_time';

export type ExperimentFilterClause =
  | { type: 'attribute'; key: 'name'; comparator: StringComparator; value: string }
  | { type: 'attribute'; key: ExperimentNumericAttribute; comparator: NumericComparator; value: number }
  | { type: 'tag'; key: string; comparator: StringComparator; value: string };

export type ExperimentOrderKey = 'name' | 'experiment_id' | 'creation_time' | 'last_update_time';

/** Experiments are ordered by these terms; the store breaks remaining ties by experiment_id ASC. */
export interface ExperimentOrderTerm {
  key: ExperimentOrderKey;
  ascending: boolean;
}

/** MLflow's default order for experiment search when the client names none. */
export const DEFAULT_EXPERIMENT_ORDER: readonly ExperimentOrderTerm[] = [
  { key: 'creation_time', ascending: false },
  { key: 'experiment_id', ascending: true },
];
