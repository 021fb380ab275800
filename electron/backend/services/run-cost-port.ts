/**
 * Where an evaluation's training cost comes from: the run it is linked to. Track owns runs; this
 * port is the one place Evaluate reads a run's cost, so the two meet at a single function.
 * By default it reads the run's materialised US-dollar cost from the `runs` table when that table
 * exists in the workspace (Track's migration adds it), and knows no runs otherwise. A host or a
 * test may install another port for a backend.
 */
import type { BackendContext } from '../context';

export interface RunCost {
  /** The run's cost in US cents; null when the run exists but its cost is unknown. */
  usdCents: number | null;
}

export interface RunCostPort {
  /** null: no run with this id is known. */
  runCost(runId: string): RunCost | null;
}

const installed = new WeakMap<BackendContext, RunCostPort>();

export function setRunCostPort(ctx: BackendContext, port: RunCostPort): void {
  installed.set(ctx, port);
}

function hasRunCosts(ctx: BackendContext): boolean {
  const table = ctx.db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'runs'").get();
  if (!table) return false;
  const columns = ctx.db.prepare("SELECT name FROM pragma_table_info('runs')").all() as Array<{ name: string }>;
  return columns.some((c) => c.name === 'cost_usd_cents');
}

const sqlPort = (ctx: BackendContext): RunCostPort => ({
  runCost(runId) {
    if (!hasRunCosts(ctx)) return null;
    const row = ctx.db.prepare('SELECT cost_usd_cents AS cents FROM runs WHERE id = ?').get(runId) as { cents: number | null } | undefined;
    return row ? { usdCents: row.cents } : null;
  },
});

export function runCostPort(ctx: BackendContext): RunCostPort {
  return installed.get(ctx) ?? sqlPort(ctx);
}
