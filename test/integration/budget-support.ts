import type { Output, ProcedureName } from '../../shared/contract';
import { dispatchErr, dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';

/**
 * A real backend on a temp SQLite file for the budget suites, its clock fixed at NOW: today is
 * 2026-11-20 and it is noon (UTC). Runs are priced by their own tag at $10 per device-hour on
 * one H100, so an hour costs 1,000 cents.
 */
export const NOW = '2026-11-20T12:00:00.000Z';
export const HOUR = 3_600_000;
export const at = (iso: string) => Date.parse(iso);
export const PRICED = { 'tally.hardware': 'h100-sxm', 'tally.devices': '1', 'tally.price_per_device_hour': '10' };

export function budgetBackend() {
  const t = testBackend({ now: NOW });
  const ok = <N extends ProcedureName>(name: N, input: unknown): Promise<Output<N>> => dispatchOk(t.backend, name, input);
  const err = (name: ProcedureName, input: unknown) => dispatchErr(t.backend, name, input);
  return {
    ...t,
    ok,
    err,
    project: (name: string, extra: Record<string, unknown> = {}) => ok('projects.create', { name, ...extra }),
    experiment: (projectId: string, name: string) => ok('experiments.create', { projectId, name }),
    entry: (projectId: string, date: string, amountCents: number, category = 'other', extra: Record<string, unknown> = {}) =>
      ok('ledger.add', { projectId, date, amountCents, category, ...extra }),
    /** A run from `start`; finished at `end` when given, else still running. */
    async run(experimentId: string, name: string, start: string, end: string | null, tags: Record<string, string> = PRICED, metrics: Record<string, number> = {}) {
      const r = await ok('runs.create', { experimentId, name, startTime: at(start), tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
      const points = Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp: at(start), step: 0 }));
      if (points.length > 0) await ok('runs.logBatch', { runId: r.id, metrics: points });
      if (end === null) return r;
      return ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: at(end) } });
    },
    /** A training plan of `gpuHours` on one H100 at a certain $10 per GPU-hour. */
    scenario: (projectId: string, name: string, gpuHours: number) =>
      ok('scenarios.create', { projectId, name, kind: 'training', input: { hardware: 'h100-sxm', gpuHours, gpus: 1, pricePerGpuHourUsd: 10 } }),
  };
}

export type BudgetBackend = ReturnType<typeof budgetBackend>;
