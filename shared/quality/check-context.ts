/**
 * What every check receives and what it is: a fixed id, what it needs to run, and a pure `run`.
 */
import type { CheckInput, ColumnSummary } from './check-input';
import type { DriftReport } from './drift/dataset-drift';
import type { CheckId, Finding } from './finding';
import type { QualityThresholds } from './thresholds';

/** Declared population shares per column, e.g. { region: { north: 0.4, south: 0.6 } }. */
export type PopulationShares = Record<string, Record<string, number>>;

export interface CheckOptions {
  thresholds?: Partial<QualityThresholds>;
  /** Target (label) column name (--target). */
  target?: string;
  /** Entity id column name (--id). */
  id?: string;
  /** Time column name (--time). */
  time?: string;
  /** Declared population shares (--population). */
  population?: PopulationShares;
  /**
   * Words for the two files in messages, e.g. { current: 'test', reference: 'training' } gives
   * "12% of test rows also appear in the training data". Defaults: 'checked' and 'reference'.
   */
  roles?: { current?: string; reference?: string };
}

export interface CheckContext {
  input: CheckInput;
  thresholds: QualityThresholds;
  options: CheckOptions;
  roles: { current: string; reference: string };
  /** Column by name in the current file. */
  column(name: string): ColumnSummary | undefined;
  /** Per-column drift, computed once per run (undefined without a reference). */
  drift(): DriftReport | undefined;
  /**
   * Says what a check could not cover (columns left out, pairs capped, a role it could not use),
   * so the report never passes silently over what it did not look at.
   */
  note(check: CheckId, message: string): void;
}

/** What a check did not cover, in plain words; shown with the report's findings. */
export interface CheckNote {
  check: CheckId;
  message: string;
}

export type CheckNeeds = 'dataset' | 'target' | 'reference' | 'population';

export interface CheckDefinition {
  id: CheckId;
  /** Short human title for reports and the UI. */
  title: string;
  /** One line on why it matters, for the report's "what is this?" text. */
  about: string;
  needs: CheckNeeds;
  run(context: CheckContext): Finding[];
}

/** Columns that describe rows rather than predict: the target, the id and the time column. */
export function isRoleColumn(context: CheckContext, name: string): boolean {
  const { target, id, time } = context.options;
  return name === target || name === id || name === time;
}
