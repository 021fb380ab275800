import { paretoFront, type ParetoCandidate } from '../../../shared/budget/spend';
import type { BudgetPareto } from '../../../shared/contract/budget';
import type { RunRow } from '../../../shared/contract/runs';
import type { BackendContext } from '../context';
import { getProject } from '../db/repositories/projects.repository';
import { mustGetExperimentRecord } from './experiments.service';
import { listRuns } from './run-search.service';

/**
 * budget.pareto: metric per money for an experiment's runs. Each finished run is a point (its
 * latest value of the metric, its cost in the project's currency); the front is the runs no
 * other run beats on both (shared/budget/spend/pareto.ts), with one sentence on which to pick.
 * Running runs are listed apart: their cost is still growing.
 */
const PAGE = 50_000;

function runsOfExperiment(ctx: BackendContext, experimentId: string, metricKey: string): RunRow[] {
  const rows: RunRow[] = [];
  let pageToken: string | undefined;
  do {
    const page = listRuns(ctx, {
      experimentIds: [experimentId],
      filter: [],
      orderBy: [],
      view: 'active',
      maxResults: PAGE,
      columns: { params: [], tags: [], metrics: [metricKey] },
      ...(pageToken !== undefined ? { pageToken } : {}),
    });
    rows.push(...page.runs);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken !== undefined);
  return rows;
}

export function budgetPareto(ctx: BackendContext, input: { experimentId: string; metricKey: string; direction: 'higher' | 'lower' }): BudgetPareto {
  const experiment = mustGetExperimentRecord(ctx, input.experimentId, 'experimentId');
  const currency = getProject(ctx.db, experiment.projectId)?.currency ?? 'USD';
  const candidates: ParetoCandidate[] = [];
  const running: BudgetPareto['running'] = [];
  for (const r of runsOfExperiment(ctx, input.experimentId, input.metricKey)) {
    const name = r.name || r.id.slice(0, 8);
    if (r.status === 'RUNNING' && r.endTime === null) {
      running.push({ runId: r.id, name });
      continue;
    }
    const v = r.metrics[input.metricKey];
    candidates.push({ id: r.id, name, metric: typeof v === 'number' ? v : null, costCents: r.costCents });
  }
  const result = paretoFront({ candidates, metricName: input.metricKey, direction: input.direction, currency, noun: 'run' });
  if (running.length > 0) result.assumptions.push(`${running.length} running ${running.length === 1 ? 'run is' : 'runs are'} left out until ${running.length === 1 ? 'it finishes' : 'they finish'}: a cost still growing is not a price.`);
  return { ...result, experimentId: String(experiment.id), experimentName: experiment.name, metricKey: input.metricKey, direction: input.direction, currency, running };
}
