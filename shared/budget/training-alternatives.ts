import type { HardwareSpec } from '../domain/hardware';
import type { MonteCarloOptions } from './monte-carlo';
import { estimateTraining, type TrainingEstimate, type TrainingInput } from './training-estimate';
import type { MaybeUncertain } from './uncertain-value';

/**
 * The same training run priced on other hardware, cheapest first, for the wizard's "cheaper
 * hardware alternatives". Each candidate keeps its own default MFU and power; devices that cannot
 * run the precision are skipped (with the reason) rather than failing the whole list.
 */
export interface HardwareCandidate {
  hardware: HardwareSpec;
  pricePerGpuHourUsd: MaybeUncertain;
  priceSource?: string;
}

export interface TrainingAlternative {
  hardware: string;
  name: string;
  estimate: TrainingEstimate;
}

export function trainingAlternatives(
  base: Omit<TrainingInput, 'hardware' | 'pricePerGpuHourUsd' | 'priceSource' | 'mfu' | 'gpuPowerW'>,
  candidates: readonly HardwareCandidate[],
  options: MonteCarloOptions = { samples: 2000 },
): { alternatives: TrainingAlternative[]; skipped: { hardware: string; reason: string }[] } {
  const alternatives: TrainingAlternative[] = [];
  const skipped: { hardware: string; reason: string }[] = [];
  for (const c of candidates) {
    try {
      const estimate = estimateTraining({ ...base, hardware: c.hardware, pricePerGpuHourUsd: c.pricePerGpuHourUsd, ...(c.priceSource ? { priceSource: c.priceSource } : {}) }, options);
      alternatives.push({ hardware: c.hardware.id, name: c.hardware.name, estimate });
    } catch (e) {
      skipped.push({ hardware: c.hardware.id, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  alternatives.sort((a, b) => a.estimate.costUsd - b.estimate.costUsd || a.hardware.localeCompare(b.hardware));
  return { alternatives, skipped };
}
