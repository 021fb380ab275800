import type { z } from 'zod';
import type { ScenarioPayload, ScenarioPayloadInput } from '../../../shared/contract/scenarios';
import { invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as estimate from './estimate.service';

/**
 * The estimate behind a scenario: run it when the caller sent no result, and derive the P50/P90
 * cost in whole US cents from the result (the scenarios contract states which figure per kind).
 */
type PayloadIn = z.output<typeof ScenarioPayloadInput>;
type Payload = z.output<typeof ScenarioPayload>;

export function withResult(ctx: BackendContext, p: PayloadIn): Payload {
  if (p.result !== undefined) return p as Payload;
  switch (p.kind) {
    case 'training':
      return { ...p, result: estimate.training(ctx, p.input) };
    case 'deployment':
      return { ...p, result: estimate.compare(ctx, p.input.workload) };
    case 'inference':
      return { ...p, result: estimate.inference(ctx, p.input) };
    case 'memory':
      return { ...p, result: estimate.memory(ctx, p.input) };
    case 'optimal':
      return { ...p, result: estimate.optimal(ctx, p.input) };
    case 'pilot':
      return { ...p, result: estimate.pilot(ctx, p.input) };
  }
}

/** USD to whole cents; refuses a figure no ledger should hold. */
function cents(usd: number | null | undefined): number | null {
  if (usd === null || usd === undefined) return null;
  if (!Number.isFinite(usd) || usd < 0 || usd > 1e13) {
    throw invalidInput('result', `a cost of ${usd} USD cannot be stored as a budget amount`, { issue: 'cost out of range' });
  }
  return Math.round(usd * 100);
}

export function costCents(p: Payload): { p50CostCents: number | null; p90CostCents: number | null } {
  switch (p.kind) {
    case 'training':
    case 'pilot':
      return { p50CostCents: cents(p.result.range.p50.costUsd), p90CostCents: cents(p.result.range.p90.costUsd) };
    case 'deployment': {
      const best = p.result.options.find((o) => o.option === p.result.recommendation.option);
      return { p50CostCents: cents(best?.totalCostUsd.p50), p90CostCents: cents(best?.totalCostUsd.p90) };
    }
    default:
      return { p50CostCents: null, p90CostCents: null };
  }
}
