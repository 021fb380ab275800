import type { Assumptions } from './assumption';
import type { DeviceFit } from './device-fit';

/** GB here are 1e9 bytes (not GiB), the unit vendors quote memory in. */
export interface MemoryBreakdown {
  weightsGb: number;
  gradientsGb: number;
  optimizerGb: number;
  activationsGb: number;
  kvCacheGb: number;
  overheadGb: number;
}

export interface MemoryEstimate {
  /** Per device: for training, each GPU's share at the given ZeRO stage and GPU count. */
  totalGb: number;
  breakdown: MemoryBreakdown;
  /** Devices that hold it, fewest first, with how many are needed. */
  fits: DeviceFit[];
  assumptions: Assumptions;
  /** Things the figure leaves out, in plain words. */
  notes: string[];
}

export function sumBreakdown(b: MemoryBreakdown): number {
  return b.weightsGb + b.gradientsGb + b.optimizerGb + b.activationsGb + b.kvCacheGb + b.overheadGb;
}
