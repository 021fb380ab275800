import type { Input, Output, ProcedureName } from '../../shared/contract';
import type { Dispatch } from '../../shared/rpc/dispatcher';

/**
 * Seeds tracked runs through the real dispatcher (the same procedures an MLflow client reaches),
 * for integration tests, the end-to-end suite and the runs UI bench.
 */
export async function call<N extends ProcedureName>(dispatch: Dispatch, name: N, input: Input<N>): Promise<Output<N>> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as Output<N>;
}

export interface SeedRun {
  name: string;
  status?: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  /** Epoch ms. */
  startTime: number;
  endTime?: number;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** Per key, the values at steps 0, 1, 2 ... (NaN and infinities allowed). */
  metrics?: Record<string, readonly number[]>;
  compute?: Input<'runs.setCompute'>['compute'];
}

const BATCH = 1000;

function wire(v: number): number | 'NaN' | 'Infinity' | '-Infinity' {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** Logs one run fully: create, params and tags, metrics in batches of 1,000, end, compute. */
export async function seedRun(dispatch: Dispatch, experimentId: string, run: SeedRun): Promise<string> {
  const created = await call(dispatch, 'runs.create', { experimentId, name: run.name, startTime: run.startTime });
  const id = created.id;
  const params = Object.entries(run.params ?? {}).map(([key, value]) => ({ key, value }));
  const tags = Object.entries(run.tags ?? {}).map(([key, value]) => ({ key, value }));
  const points: Array<{ key: string; value: number | 'NaN' | 'Infinity' | '-Infinity'; timestamp: number; step: number }> = [];
  for (const [key, values] of Object.entries(run.metrics ?? {})) {
    values.forEach((v, step) => points.push({ key, value: wire(v), timestamp: run.startTime + step * 1000, step }));
  }
  if (params.length || tags.length) await call(dispatch, 'runs.logBatch', { runId: id, params, tags });
  const pending: Array<Promise<unknown>> = [];
  for (let i = 0; i < points.length; i += BATCH) pending.push(call(dispatch, 'runs.logBatch', { runId: id, metrics: points.slice(i, i + BATCH) }));
  await Promise.all(pending);
  const status = run.status ?? 'FINISHED';
  await call(dispatch, 'runs.update', { id, patch: { status, ...(run.endTime !== undefined ? { endTime: run.endTime } : status === 'RUNNING' ? {} : { endTime: run.startTime }) } });
  if (run.compute) await call(dispatch, 'runs.setCompute', { id, compute: run.compute });
  return id;
}

/** A project with one experiment holding the given runs (seeded a few at a time, as clients log). */
export async function seedProjectRuns(
  dispatch: Dispatch,
  opts: { projectName: string; experimentName: string; runs: readonly SeedRun[]; concurrency?: number; currency?: string },
): Promise<{ projectId: string; experimentId: string; runIds: string[] }> {
  const project = await call(dispatch, 'projects.create', { name: opts.projectName, ...(opts.currency ? { currency: opts.currency } : {}) });
  const experiment = await call(dispatch, 'experiments.create', { projectId: project.id, name: opts.experimentName });
  const runIds: string[] = new Array<string>(opts.runs.length);
  const width = opts.concurrency ?? 1;
  for (let i = 0; i < opts.runs.length; i += width) {
    const ids = await Promise.all(opts.runs.slice(i, i + width).map((r) => seedRun(dispatch, experiment.id, r)));
    ids.forEach((id, j) => (runIds[i + j] = id));
  }
  return { projectId: project.id, experimentId: experiment.id, runIds };
}
