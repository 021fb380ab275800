import type { Output, ProcedureName } from '../../shared/contract';
import type { AppEvent } from '../../shared/contract/events';
import { dispatchErr, dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';

/** A real backend on a temp SQLite file with helpers for the Track suites. The clock is fixed. */
export const NOW = '2026-11-30T09:00:00.000Z';
export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-11-29T00:00:00.000Z');

export function trackBackend() {
  const t = testBackend({ now: NOW });
  const events: AppEvent[] = [];
  t.backend.subscribe((e) => events.push(e));
  const ok = <N extends ProcedureName>(name: N, input: unknown): Promise<Output<N>> => dispatchOk(t.backend, name, input);
  const err = (name: ProcedureName, input: unknown) => dispatchErr(t.backend, name, input);
  return {
    ...t,
    events,
    ok,
    err,
    async project(name = 'Vision', extra: Record<string, unknown> = {}) {
      return ok('projects.create', { name, ...extra });
    },
    async experiment(projectId: string, name = 'exp') {
      return ok('experiments.create', { projectId, name });
    },
    /** A finished run from T0 lasting `hours`, with the given tags. */
    async run(experimentId: string, opts: { hours?: number; tags?: Record<string, string>; name?: string; startTime?: number } = {}) {
      const start = opts.startTime ?? T0;
      const r = await ok('runs.create', { experimentId, startTime: start, ...(opts.name ? { name: opts.name } : {}), tags: Object.entries(opts.tags ?? {}).map(([key, value]) => ({ key, value })) });
      if (opts.hours === undefined) return r;
      return ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: start + opts.hours * HOUR } });
    },
  };
}

export type TrackBackend = ReturnType<typeof trackBackend>;

/** Resolves with the first event that matches; events are pushed by the backend, no polling. */
export function nextEvent(tb: TrackBackend, match: (e: AppEvent) => boolean): Promise<AppEvent> {
  const seen = tb.events.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const off = tb.backend.subscribe((e) => {
      if (match(e)) {
        off();
        resolve(e);
      }
    });
  });
}
