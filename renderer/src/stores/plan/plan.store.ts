import { create } from 'zustand';
import type { Input, Output } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';
import { asError } from '../catalog/catalog.store';
import { cheaperAlternatives, type Alternative } from '../../features/plan/training/training-result';
import type { TrainingCandidate } from '../../features/plan/training/training-wizard';

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

type Status = 'idle' | 'running' | 'ready' | 'error';

interface PlanState {
  compareStatus: Status;
  comparison: Output<'estimate.compare'> | null;
  compareInput: Input<'estimate.compare'> | null;
  trainingStatus: Status;
  training: TrainingView | null;
  error: AppErrorData | null;
  runCompare(input: Input<'estimate.compare'>): Promise<void>;
  /** `alternatives`: hardware ids to price the same run on (those with a rental price). */
  runTraining(candidate: TrainingCandidate, alternatives: readonly string[]): Promise<void>;
  clear(): void;
}

async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch {
    return null;
  }
}

/** Other devices priced the same way; one that has no rental price in the catalog is skipped. */
async function alternativesFor(candidate: TrainingCandidate, ids: readonly string[], chosenId: string, chosenCostP50: number | null): Promise<Alternative[]> {
  if (chosenCostP50 === null) return [];
  const others = ids.filter((h) => h !== chosenId);
  const runs = await Promise.all(
    others.map(async (hardware): Promise<Alternative | null> => {
      if (candidate.mode === 'llm') {
        // Other devices are priced across all their providers: the chosen provider may not rent them.
        const { pricePerGpuHourUsd: _ignored, provider: _provider, ...rest } = candidate.input;
        const r = await optional(api().call('estimate.training', { ...rest, hardware }));
        const asOf = r?.assumptions.pricePerGpuHourUsd?.asOf;
        return r && { hardwareId: hardware, name: r.hardware.name, costUsd: { p10: r.range.p10.costUsd, p50: r.costUsd, p90: r.range.p90.costUsd }, wallClockHours: r.wallClockHours, ...(asOf ? { priceAsOf: asOf } : {}) };
      }
      const { pricePerDeviceHourUsd: _ignored, provider: _provider, ...rest } = candidate.input;
      const r = await optional(api().call('estimate.pilot', { ...rest, target: { ...rest.target, hardware } }));
      if (!r || r.costUsd === null) return null;
      const asOf = r.assumptions.pricePerDeviceHourUsd?.asOf;
      return { hardwareId: hardware, name: r.hardware.name, costUsd: { p10: r.range.p10.costUsd ?? r.costUsd, p50: r.costUsd, p90: r.range.p90.costUsd ?? r.costUsd }, wallClockHours: r.wallClockHours, ...(asOf ? { priceAsOf: asOf } : {}) };
    }),
  );
  return cheaperAlternatives(chosenCostP50, runs.filter((r): r is Alternative => r !== null));
}

/** Plan: the only code that calls the estimate procedures. */
export const usePlan = create<PlanState>((set) => ({
  compareStatus: 'idle',
  comparison: null,
  compareInput: null,
  trainingStatus: 'idle',
  training: null,
  error: null,
  async runCompare(input) {
    set({ compareStatus: 'running', error: null, compareInput: input });
    try {
      set({ comparison: await api().call('estimate.compare', input), compareStatus: 'ready' });
    } catch (e) {
      set({ compareStatus: 'error', error: asError(e), comparison: null });
    }
  },
  async runTraining(candidate, ids) {
    set({ trainingStatus: 'running', error: null });
    try {
      if (candidate.mode === 'llm') {
        const input = candidate.input;
        const gpus = input.gpus ?? 1;
        const [estimate, memory, optimal] = await Promise.all([
          api().call('estimate.training', input),
          optional(api().call('estimate.memory', { params: input.params as number, mode: 'training', gpus, zero: gpus > 1 ? 3 : 0 })),
          optional(api().call('estimate.optimal', { params: input.params as number })),
        ]);
        const alternatives = await alternativesFor(candidate, ids, input.hardware, estimate.costUsd);
        set({ training: { mode: 'llm', input, estimate, memory, optimal, alternatives }, trainingStatus: 'ready' });
      } else {
        const input = candidate.input;
        const estimate = await api().call('estimate.pilot', input);
        const alternatives = await alternativesFor(candidate, ids, input.target?.hardware ?? input.pilot.hardware, estimate.costUsd);
        set({ training: { mode: 'pilot', input, estimate, alternatives }, trainingStatus: 'ready' });
      }
    } catch (e) {
      set({ trainingStatus: 'error', error: asError(e), training: null });
    }
  },
  clear() {
    set({ compareStatus: 'idle', comparison: null, compareInput: null, trainingStatus: 'idle', training: null, error: null });
  },
}));
