import type { HardwareSpec, MemoryType } from '../domain/hardware';
import { memoryTypeOf } from './device-traits';
import type { Uncertain } from './uncertain-value';

/**
 * How fast a device streams weights and KV cache during decode, by the memory they live in:
 * each step takes bytes / (datasheet bandwidth × streaming efficiency) + a fixed per-step cost
 * (kernel launches, synchronisation). The fixed cost is why batch-1 decode on fast HBM reaches
 * only a third of the datasheet bandwidth, while large batches reach three quarters of it.
 *
 * Fitted to published measurements (Llama-2 7B; llama.cpp figures from discussions #15013 and
 * #4167 as compiled in a survey of local inference engines, tg128 at Q4_0, 3.56 GiB):
 * - HBM: streaming 0.8 from TensorRT-LLM's large-batch runs (performance.md, v0.6.1: LLaMA 7B FP8
 *   on one H100 at batch 112, 128 in / 2,048 out, 6,818 tokens/s, i.e. 0.74 of 3,350 GB/s; A100
 *   FP16 at batch 60, 1,928 tokens/s, 0.78 of 2,039 GB/s); per-step 2.4 ms from llama.cpp batch 1
 *   (A100-80GB 200.9 tokens/s, H100 280.7). Servers with CUDA graphs pay less: the low case
 *   0.5 ms.
 * - GDDR: streaming 0.8, per-step 0.7 ms (RTX 3060 75.6, RTX 3090 158.2, RTX 4090 189.0,
 *   RTX 5090 300.4 tokens/s; RTX 4090 F16 61.76 and Q8_0 100.22, llama.cpp PR #3776).
 * - Unified (Apple): streaming 0.85, per-step 4.5 ms (M1/M2/M3 Ultra 83.7-94.3 at 800 GB/s,
 *   M4 Max 83.1 at 546, M4 Pro 50.7 at 273). Phone SoCs have no measurement here and take it.
 * - LPDDR (edge modules, boards): streaming 0.7, per-step 3 ms (Jetson AGX Orin 33.6 at
 *   204.8 GB/s; one measurement, so the split between the two is Tally judgement).
 */
export interface DecodeEfficiency {
  bandwidth: Uncertain;
  stepOverheadMs: Uncertain;
  source: string;
}

const TABLE: Record<MemoryType, DecodeEfficiency> = {
  hbm: {
    bandwidth: { p10: 0.65, p50: 0.8, p90: 0.9 },
    stepOverheadMs: { p10: 0.5, p50: 2.4, p90: 3.5 },
    source: 'HBM: streaming 0.8 of datasheet bandwidth (TensorRT-LLM 7B large-batch runs on H100/A100), 2.4 ms per step (llama.cpp batch 1: A100 200.9, H100 280.7 tokens/s, discussion #15013)',
  },
  gddr: {
    bandwidth: { p10: 0.7, p50: 0.8, p90: 0.9 },
    stepOverheadMs: { p10: 0.3, p50: 0.7, p90: 1.5 },
    source: 'GDDR: streaming 0.8, 0.7 ms per step (llama.cpp batch 1: RTX 3060/3090/4090/5090, discussion #15013; RTX 4090 F16 and Q8_0, PR #3776)',
  },
  unified: {
    bandwidth: { p10: 0.7, p50: 0.85, p90: 0.95 },
    stepOverheadMs: { p10: 3, p50: 4.5, p90: 6.5 },
    source: 'unified memory: streaming 0.85, 4.5 ms per step (llama.cpp batch 1 on Apple M1-M4, discussion #4167); phones assumed alike',
  },
  lpddr: {
    bandwidth: { p10: 0.55, p50: 0.7, p90: 0.85 },
    stepOverheadMs: { p10: 1, p50: 3, p90: 6 },
    source: 'LPDDR: streaming 0.7, 3 ms per step (llama.cpp batch 1 on Jetson AGX Orin, discussion #15013; split Tally judgement); boards assumed alike',
  },
};

export function decodeEfficiency(spec: HardwareSpec): DecodeEfficiency {
  return TABLE[memoryTypeOf(spec)];
}
