/**
 * The Evaluate page's list in words: per evaluation its task, the one headline metric with its
 * interval, the gate status and the linked run with its cost. Pure.
 */
import type { EvaluationSummary } from '../../../../../shared/contract/evaluations';
import type { RunRow } from '../../../../../shared/contract/runs';
import { runCostText, runName } from '../link-choices';
import { formatInterval, formatMetric, LIST_METRIC, metricWords, TASK_WORDS } from '../metric-words';

export const GATE_BADGE = {
  none: { text: 'No gates', tone: 'none' },
  passed: { text: 'Gates passed', tone: 'ok' },
  failed: { text: 'Gate failed', tone: 'error' },
} as const;

export interface EvaluationRow {
  id: string;
  name: string;
  task: string;
  metric: string;
  value: string;
  interval: string | null;
  gate: (typeof GATE_BADGE)[keyof typeof GATE_BADGE];
  run: string | null;
  rows: string;
  created: string;
}

export function evaluationRow(e: EvaluationSummary, run: Pick<RunRow, 'id' | 'name' | 'costCents' | 'currency'> | null): EvaluationRow {
  const key = LIST_METRIC[e.task];
  return {
    id: e.id,
    name: e.name,
    task: TASK_WORDS[e.task],
    metric: metricWords(key).plain,
    value: formatMetric(key, e.headline[key]),
    interval: formatInterval(key, e.headlineCi[key]),
    gate: GATE_BADGE[e.gateStatus],
    run: e.runId === null ? null : run ? `${runName(run)} · ${runCostText(run)}` : 'a run not found in this project',
    rows: e.rows.toLocaleString('en-US'),
    created: e.createdAt.slice(0, 10),
  };
}
