import type { HardwareSpec, MemoryType } from '../domain/hardware';
import { memoryTypeOf } from './device-traits';
import type { Uncertain } from './uncertain-value';

/**
 * The share of a device's datasheet memory bandwidth that batch-1 decode achieves end to end
 * (tokens/s × bytes per token ÷ bandwidth), by the memory the weights stream from. Fast HBM
 * devices reach a smaller share: fixed per-token costs (kernel launches, synchronisation) weigh
 * more when each token takes 2-5 ms. Measured with llama.cpp's llama-bench, Llama-2 7B Q4_0
 * (3.56 GiB), tg128 (llama.cpp discussions #15013 and #4167, as compiled in a survey of local
 * inference engines):
 *
 * - HBM: A100-80GB 200.9 tokens/s = 0.38, H100 SXM 280.7 = 0.32. Optimised servers at batch 1
 *   get more, about 0.6 (Databricks, "LLM Inference Performance Engineering", 2023: MBU on A100;
 *   from memory, not re-checked), which the high case covers.
 * - GDDR: RTX 3060 75.6 = 0.80, RTX 3090 158.2 = 0.65, RTX 4090 189.0 = 0.72, RTX 5090 300.4 = 0.64.
 * - Unified (Apple): M1/M2/M3 Ultra 83.7-94.3 at 800 GB/s = 0.40-0.45, M4 Max 83.1 = 0.58,
 *   M4 Pro 50.7 = 0.71. Phone SoCs have no measurement here and take the same range.
 * - LPDDR (edge modules, boards): Jetson AGX Orin 33.6 = 0.63; boards take the same range.
 */
export interface BandwidthEfficiencyDefault {
  value: Uncertain;
  source: string;
}

const TABLE: Record<MemoryType, BandwidthEfficiencyDefault> = {
  hbm: { value: { p10: 0.3, p50: 0.4, p90: 0.6 }, source: 'HBM GPUs at batch 1: llama.cpp A100 0.38, H100 0.32 of datasheet bandwidth (discussion #15013); optimised servers about 0.6 (Databricks 2023, memory)' },
  gddr: { value: { p10: 0.6, p50: 0.7, p90: 0.8 }, source: 'GDDR GPUs at batch 1: llama.cpp RTX 3060 0.80, 3090 0.65, 4090 0.72, 5090 0.64 of datasheet bandwidth (discussion #15013)' },
  unified: { value: { p10: 0.4, p50: 0.55, p90: 0.72 }, source: 'unified-memory SoCs at batch 1: llama.cpp Apple M-series Ultra 0.40-0.45, M4 Max 0.58, M4 Pro 0.71 of datasheet bandwidth (discussion #4167); phones assumed alike' },
  lpddr: { value: { p10: 0.5, p50: 0.63, p90: 0.75 }, source: 'LPDDR edge modules at batch 1: llama.cpp Jetson AGX Orin 0.63 of datasheet bandwidth (discussion #15013); boards assumed alike' },
};

export function decodeBandwidthEfficiency(spec: HardwareSpec): BandwidthEfficiencyDefault {
  return TABLE[memoryTypeOf(spec)];
}
