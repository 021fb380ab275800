/**
 * Where an evaluation's training cost comes from: the run it is linked to. Track owns runs; this
 * port is the one place Evaluate reads a run's cost, so the two meet at a single function.
 * By default it asks the Track store for the run's US-dollar cost; a test may install another
 * port for a backend.
 */
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { getRun } from './runs.service';

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

/** The run's own figure from the Track store: its materialised cost, or cost so far while it runs. */
const storePort = (ctx: BackendContext): RunCostPort => ({
  runCost(runId) {
    try {
      return { usdCents: getRun(ctx, runId).costUsdCents };
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  },
});

export function runCostPort(ctx: BackendContext): RunCostPort {
  return installed.get(ctx) ?? storePort(ctx);
}
