import type { RunningRun, SpendItem } from '../../../shared/budget/spend';
import type { UncountedEntry, UncountedRun } from '../../../shared/contract/budget';
import type { Project } from '../../../shared/contract/projects';
import type { RunStatus } from '../../../shared/contract/runs';
import type { BackendContext } from '../context';
import { spendRunsOfProject, type SpendRun } from '../db/repositories/budget.repository';
import { listLedger } from '../db/repositories/ledger.repository';
import { spreadOverDays } from './run-spend-days';

/**
 * What a project has spent and committed, as the budget math's inputs, in the project's
 * currency: the ledger's entries (manual and bills, converted when they were booked), each
 * finished run's cost spread over the UTC days it ran, and the running runs (committed, not
 * spent). Whatever cannot be counted is kept with the reason: an entry in a currency with no
 * rate, a run whose cost is unknown, a finished run with no time to date it by.
 */
export interface ProjectSpend {
  items: SpendItem[];
  running: RunningRun[];
  uncountedRuns: UncountedRun[];
  uncountedEntries: UncountedEntry[];
  /** Finished runs whose cost was spread over more than one day. */
  runsSplit: number;
  scheduledRuns: number;
  runs: SpendRun[];
}

const H = 3_600_000;

/** The ledger's own notion of a run still going (ledger.list's `running`). */
export function isRunning(r: SpendRun): boolean {
  return r.status === 'RUNNING' && r.endTime == null;
}

/**
 * A run's cost at `now`: the stored cost, or for a run whose cost grows with the clock its
 * hourly cost times the hours since it started (run-costs.ts figuresAt, the runs table's and
 * ledger.list's arithmetic; the integration test holds the two equal).
 */
export function costAt(r: SpendRun, now: number): number | null {
  const growing = r.durationS == null && r.endTime == null && r.status === 'RUNNING' && r.startTime != null;
  if (!growing || r.costCentsPerHour == null) return r.costCents;
  const x = (r.costCentsPerHour * Math.max(0, now - (r.startTime as number))) / H;
  return Math.sign(x) * Math.round(Math.abs(x));
}

function uncounted(r: SpendRun, reason: string): UncountedRun {
  return { runId: r.id, runName: r.name, experimentName: r.experimentName, status: r.status as RunStatus, reason };
}

/** A running run: its cost so far, its hourly rate and, when it was given a duration, its planned hours. */
function runningRun(r: SpendRun, now: number, costCents: number): RunningRun {
  const rate = r.costCentsPerHour ?? 0;
  const planned = r.durationS == null ? undefined : r.durationS / 3600;
  const elapsed = r.startTime == null ? 0 : Math.max(0, now - r.startTime) / H;
  // With a given duration the stored cost is the whole run's; what it has cost so far is the elapsed part.
  const soFar = planned !== undefined && r.costCentsPerHour != null ? Math.round(rate * Math.min(elapsed, planned)) : costCents;
  return {
    runId: r.id,
    startedAt: new Date(r.startTime ?? now).toISOString(),
    costSoFarCents: Math.max(0, soFar),
    ratePerHourCents: Math.max(0, rate),
    ...(planned !== undefined ? { plannedHours: planned } : {}),
    experimentId: String(r.experimentId),
    experimentName: r.experimentName,
  };
}

function finishedEnd(r: SpendRun, start: number): number | null {
  if (r.endTime != null) return r.endTime;
  if (r.durationS != null) return start + r.durationS * 1000;
  return r.hours != null ? start + r.hours * H : null;
}

export function projectSpend(ctx: BackendContext, project: Project): ProjectSpend {
  const now = ctx.clock().getTime();
  const out: ProjectSpend = { items: [], running: [], uncountedRuns: [], uncountedEntries: [], runsSplit: 0, scheduledRuns: 0, runs: [] };
  for (const e of listLedger(ctx.db, project.id)) {
    if (e.projectAmountCents === null) {
      out.uncountedEntries.push({ id: e.id, date: e.date, amountCents: e.amountCents, currency: e.currency, description: e.description, reason: `it is in ${e.currency} and no rate into ${project.currency} is known` });
    } else {
      out.items.push({ date: e.date, amountCents: e.projectAmountCents, category: e.category, source: e.source });
    }
  }
  out.runs = spendRunsOfProject(ctx.db, project.id);
  for (const r of out.runs) {
    if (r.status === 'SCHEDULED') {
      out.scheduledRuns += 1;
      continue;
    }
    const costCents = costAt(r, now);
    if (costCents == null) {
      out.uncountedRuns.push(uncounted(r, r.costUnknownReason ?? 'its cost is unknown'));
      continue;
    }
    if (isRunning(r)) {
      out.running.push(runningRun(r, now, costCents));
      continue;
    }
    const start = r.startTime ?? r.endTime;
    if (start == null) {
      out.uncountedRuns.push(uncounted(r, 'it has no start or end time, so the day it was spent is unknown'));
      continue;
    }
    const days = spreadOverDays(costCents, start, r.startTime == null ? null : finishedEnd(r, start));
    if (days.length > 1) out.runsSplit += 1;
    for (const d of days) {
      out.items.push({ date: d.date, amountCents: d.amountCents, category: 'compute', source: 'run', runId: r.id, experimentId: String(r.experimentId), experimentName: r.experimentName });
    }
  }
  return out;
}
