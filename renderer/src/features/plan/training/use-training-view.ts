import { useQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../../../../shared/contract';
import type { AppError } from '../../../../../shared/domain/errors';
import { fetchRpc } from '../../../data/rpc-query';
import { alternativesToShow, type Alternative } from './training-result';
import type { TrainingCandidate } from './training-wizard';

/** What the training result page shows: the estimate plus the checks around it. */
export type TrainingView =
  | {
      mode: 'llm';
      input: Input<'estimate.training'>;
      estimate: Output<'estimate.training'>;
      memory: Output<'estimate.memory'> | null;
      optimal: Output<'estimate.optimal'> | null;
      alternatives: Alternative[];
    }
  | { mode: 'pilot'; input: Input<'estimate.pilot'>; estimate: Output<'estimate.pilot'>; alternatives: Alternative[] };

/** A side figure (memory, compute-optimal size, a device to compare) that may be refused without failing the page. */
const optional = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

/** Other devices priced the same way, each by its best guess (the range's P50) as the chosen one is; one that has no rental price in the catalog is skipped. */
async function alternativesFor(candidate: TrainingCandidate, ids: readonly string[], chosenId: string, chosenCostP50: number | null): Promise<Alternative[]> {
  if (chosenCostP50 === null) return [];
  // Beside GPUs you own, renting the very same model is the first comparison to make.
  const others = candidate.input.owned ? ids : ids.filter((h) => h !== chosenId);
  const runs = await Promise.all(
    others.map(async (hardware): Promise<Alternative | null> => {
      if (candidate.mode === 'llm') {
        // Other devices are priced across all their providers: the chosen provider may not rent them.
        const { pricePerGpuHourUsd: _ignored, provider: _provider, owned: _owned, ...rest } = candidate.input;
        const r = await optional(fetchRpc('estimate.training', { ...rest, hardware }));
        const asOf = r?.assumptions.pricePerGpuHourUsd?.asOf;
        return r && { hardwareId: hardware, name: r.hardware.name, costUsd: { p10: r.range.p10.costUsd, p50: r.range.p50.costUsd, p90: r.range.p90.costUsd }, wallClockHours: r.range.p50.wallClockHours, ...(asOf ? { priceAsOf: asOf } : {}) };
      }
      const { pricePerDeviceHourUsd: _ignored, provider: _provider, owned: _owned, ...rest } = candidate.input;
      const r = await optional(fetchRpc('estimate.pilot', { ...rest, target: { ...rest.target, hardware } }));
      const best = r?.range.p50.costUsd ?? null;
      if (!r || best === null) return null;
      const asOf = r.assumptions.pricePerDeviceHourUsd?.asOf;
      return { hardwareId: hardware, name: r.hardware.name, costUsd: { p10: r.range.p10.costUsd ?? best, p50: best, p90: r.range.p90.costUsd ?? best }, wallClockHours: r.range.p50.wallClockHours, ...(asOf ? { priceAsOf: asOf } : {}) };
    }),
  );
  return alternativesToShow(candidate.input.owned !== undefined, chosenCostP50, runs.filter((r): r is Alternative => r !== null), chosenId);
}

async function trainingView(candidate: TrainingCandidate, ids: readonly string[]): Promise<TrainingView> {
  if (candidate.mode === 'llm') {
    const input = candidate.input;
    const gpus = input.gpus ?? 1;
    const [estimate, memory, optimal] = await Promise.all([
      fetchRpc('estimate.training', input),
      optional(fetchRpc('estimate.memory', { params: input.params as number, mode: 'training', gpus, zero: gpus > 1 ? 3 : 0 })),
      optional(fetchRpc('estimate.optimal', { params: input.params as number })),
    ]);
    const alternatives = await alternativesFor(candidate, ids, input.hardware, estimate.range.p50.costUsd);
    return { mode: 'llm', input, estimate, memory, optimal, alternatives };
  }
  const input = candidate.input;
  const estimate = await fetchRpc('estimate.pilot', input);
  const alternatives = await alternativesFor(candidate, ids, input.target?.hardware ?? input.pilot.hardware, estimate.range.p50.costUsd);
  return { mode: 'pilot', input, estimate, alternatives };
}

/**
 * The training estimate for the asked question (null: none asked yet), with memory, the
 * compute-optimal size and cheaper devices (`alternatives`: hardware ids with a rental price).
 * Each estimate is its own cached read; the view is keyed under "estimate", so a catalog edit
 * (here or in another window) prices it again.
 */
export function useTrainingView(candidate: TrainingCandidate | null, alternatives: readonly string[]) {
  return useQuery<TrainingView, AppError>({
    queryKey: ['estimate', 'training-view', candidate, alternatives],
    queryFn: () => trainingView(candidate!, alternatives),
    enabled: candidate !== null,
  });
}
