/**
 * UI state of a project's Evaluate page (not server data): the evaluations picked for comparison.
 * Pure; evaluate-ui.store.ts holds it per project.
 */
import { MAX_COMPARE, MIN_COMPARE, toggleSelected } from '../runs/runs-ui';

export { toggleSelected };

/** Picks that still exist (an evaluation deleted elsewhere drops out of the selection). */
export function livePicks(selected: readonly string[], existing: readonly string[]): string[] {
  const ids = new Set(existing);
  return selected.filter((id) => ids.has(id));
}

export function canCompareEvaluations(selected: readonly string[]): boolean {
  return selected.length >= MIN_COMPARE && selected.length <= MAX_COMPARE;
}

export function compareEvaluationsHint(selected: readonly string[], refused: boolean): string {
  if (refused) return `At most ${MAX_COMPARE} evaluations can be compared; untick one first.`;
  const n = selected.length;
  if (n === 0) return `Tick ${MIN_COMPARE} to ${MAX_COMPARE} evaluations to compare them.`;
  if (n === 1) return '1 evaluation picked: tick at least one more to compare.';
  return `${n} evaluations picked (at most ${MAX_COMPARE}).`;
}
