import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import { canSplit } from './device-traits';
import { modelStateBytesPerParam } from './training-memory';

/**
 * Does a full training run's model state fit on the GPUs it is costed on? Mixed-precision Adam
 * keeps 16 bytes per parameter (ZeRO §3.1: 2 + 2 + 12); sharded over every GPU (ZeRO-3 / FSDP)
 * each holds 16·N / GPUs. Activations come on top and depend on batch and sequence shapes the
 * training estimate does not ask for, so a fit here is necessary, not sufficient.
 */
export interface TrainingMemoryFit {
  fits: boolean;
  /** Model-state GB on each GPU: unsharded when that fits, else sharded over all of them. */
  perGpuGb: number;
  /** All weights, gradients and optimizer states, GB. */
  statesGb: number;
  /** Needs ZeRO-3 / FSDP sharding to fit. */
  sharded: boolean;
  /** The fewest GPUs of this kind that hold the sharded states; null when it cannot be split. */
  minGpus: number | null;
  deviceGb: number;
}

export function trainingMemoryFit(spec: HardwareSpec, params: number, gpus: number, precision: TrainingPrecision): TrainingMemoryFit {
  const s = modelStateBytesPerParam(precision, 'adam');
  const statesGb = (params * (s.weights + s.grads + s.optimizer)) / 1e9;
  const deviceGb = spec.memoryGb;
  const splittable = canSplit(spec);
  const minGpus = splittable ? Math.ceil(statesGb / deviceGb - 1e-9) : null;
  if (statesGb <= deviceGb) return { fits: true, perGpuGb: statesGb, statesGb, sharded: false, minGpus: 1, deviceGb };
  const sharded = splittable && gpus > 1;
  const perGpuGb = sharded ? statesGb / gpus : statesGb;
  return { fits: perGpuGb <= deviceGb, perGpuGb, statesGb, sharded, minGpus, deviceGb };
}

const gb = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3))));

/** One plain sentence on the fit, for a warning or a note. */
export function trainingFitSentence(fit: TrainingMemoryFit, spec: HardwareSpec, gpus: number): string {
  const need = `weights, gradients and Adam states take about ${gb(fit.statesGb)} GB (16 bytes per parameter, ZeRO §3.1)`;
  const Need = `${need[0]!.toUpperCase()}${need.slice(1)}`;
  if (fit.fits && !fit.sharded) return `${Need}; one ${spec.name} (${fit.deviceGb} GB) holds them, activations not counted.`;
  if (fit.fits) return `${Need}; they fit only sharded over the ${gpus} GPUs (ZeRO-3 / FSDP): ${gb(fit.perGpuGb)} GB each of ${fit.deviceGb} GB, activations not counted.`;
  const cure = fit.minGpus === null ? `${spec.name} cannot be split over several devices` : `use at least ${fit.minGpus.toLocaleString('en-US')} such GPUs with ZeRO-3 / FSDP sharding (more for activations)`;
  const have = gpus === 1 ? `one ${spec.name} holds ${gb(fit.deviceGb)} GB` : `${gpus} x ${spec.name} hold ${gb(gpus * fit.deviceGb)} GB together`;
  return `Does not fit in memory: ${need}, ${have}. ${cure[0]!.toUpperCase()}${cure.slice(1)}, or offload to CPU/NVMe, which is much slower than this estimate.`;
}
