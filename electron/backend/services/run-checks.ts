import { AppError } from '../../../shared/domain/errors';
import { batchSizeProblem, keyProblem, paramValueProblem, tagValueProblem } from '../../../shared/track/mlflow-limits';

/**
 * MLflow's limits, checked before a write joins the shared transaction so a bad request fails
 * alone. Every message names the key.
 */
export interface Tag {
  key: string;
  value: string;
}

function refuse(path: string, message: string): never {
  throw new AppError('INVALID_INPUT', message, { issues: [{ path, message }], location: { field: path } });
}

export function checkTags(tags: readonly Tag[], path = 'tags'): void {
  for (const t of tags) {
    const p = keyProblem('tag', t.key) ?? tagValueProblem(t.key, t.value);
    if (p) refuse(path, p);
  }
}

/** Params, with a repeated key in one batch allowed only when the value repeats too. */
export function checkParams(params: readonly Tag[], runId: string): Tag[] {
  const seen = new Map<string, string>();
  for (const p of params) {
    const problem = keyProblem('param', p.key) ?? paramValueProblem(p.key, p.value);
    if (problem) refuse('params', problem);
    const before = seen.get(p.key);
    if (before !== undefined && before !== p.value) {
      refuse('params', `Changing param values is not allowed. Param with key='${p.key}' was given twice in this batch for run ID='${runId}', with values '${before}' and '${p.value}'.`);
    }
    seen.set(p.key, p.value);
  }
  return [...seen].map(([key, value]) => ({ key, value }));
}

export interface MetricIn {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export function checkMetrics(metrics: readonly MetricIn[]): void {
  const okKeys = new Set<string>();
  for (const m of metrics) {
    if (!okKeys.has(m.key)) {
      const p = keyProblem('metric', m.key);
      if (p) refuse('metrics', p);
      okKeys.add(m.key);
    }
    if (typeof m.value !== 'number') refuse('metrics', `Metric "${m.key}": the value must be a number`);
    if (!Number.isSafeInteger(m.timestamp) || m.timestamp < 0) refuse('metrics', `Metric "${m.key}": the timestamp must be whole epoch milliseconds, got ${String(m.timestamp)}`);
    if (!Number.isSafeInteger(m.step)) refuse('metrics', `Metric "${m.key}": the step must be a whole number, got ${String(m.step)}`);
  }
}

export function checkBatchSize(metrics: number, params: number, tags: number): void {
  const p = batchSizeProblem(metrics, params, tags);
  if (p) refuse('batch', p);
}
