/**
 * Runs as link choices and their cost in words. Pure: the run's own figures (Track computes
 * them), said the way the runs table says them.
 */
import type { RunRow } from '../../../../shared/contract/runs';
import { formatCost } from '../runs/run-format';

type RunFacts = Pick<RunRow, 'id' | 'name' | 'experimentName' | 'costCents' | 'currency'>;

export function runName(r: Pick<RunRow, 'id' | 'name'>): string {
  return r.name || r.id.slice(0, 8);
}

/** "cost unknown" when Track does not know what the run ran on. */
export function runCostText(r: Pick<RunRow, 'costCents' | 'currency'>): string {
  return r.costCents === null ? 'cost unknown' : formatCost(r.costCents, r.currency);
}

export function linkChoices(runs: readonly RunFacts[]): Array<{ id: string; label: string }> {
  return runs.map((r) => ({ id: r.id, label: `${runName(r)} (${r.experimentName}, ${runCostText(r)})` }));
}
