/**
 * Energy from measured power: MLflow's system-metrics logger records each GPU's draw as the
 * series `system/gpu_<i>_power_usage_watts` (watts, timestamps in epoch ms). The energy of one
 * series is the trapezoid integral of watts over time; a run's GPU energy is the sum over GPUs.
 */
export const GPU_POWER_METRIC = /^system\/gpu_(\d+)_power_usage_watts$/;

export function isGpuPowerMetric(key: string): boolean {
  return GPU_POWER_METRIC.test(key);
}

/**
 * kWh of one power series by the trapezoid rule. Points are taken in timestamp order; points
 * whose value is not a finite, non-negative number are left out (a NaN sample is a gap the
 * neighbours bridge). Fewer than two usable points give 0.
 */
export function integrateWattsKwh(timestampsMs: ArrayLike<number>, watts: ArrayLike<number>): number {
  const idx: number[] = [];
  for (let i = 0; i < timestampsMs.length; i++) {
    const w = watts[i] as number;
    const t = timestampsMs[i] as number;
    if (Number.isFinite(w) && w >= 0 && Number.isFinite(t)) idx.push(i);
  }
  idx.sort((a, b) => (timestampsMs[a] as number) - (timestampsMs[b] as number));
  let wattMs = 0;
  for (let k = 1; k < idx.length; k++) {
    const i = idx[k - 1] as number;
    const j = idx[k] as number;
    wattMs += (((watts[i] as number) + (watts[j] as number)) / 2) * ((timestampsMs[j] as number) - (timestampsMs[i] as number));
  }
  return wattMs / 3.6e9;
}

export interface PowerSeries {
  key: string;
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** What the GPU power series of a run add up to, before PUE; null when none has two usable points. */
export interface MeasuredGpuEnergy {
  kwh: number;
  gpus: number;
  points: number;
}

export function gpuEnergyFromSeries(series: readonly PowerSeries[]): MeasuredGpuEnergy | null {
  let kwh = 0;
  let gpus = 0;
  let points = 0;
  for (const s of series) {
    if (!isGpuPowerMetric(s.key) || s.values.length < 2) continue;
    kwh += integrateWattsKwh(s.timestamps, s.values);
    gpus += 1;
    points += s.values.length;
  }
  return gpus === 0 ? null : { kwh, gpus, points };
}
