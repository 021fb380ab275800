import { DEFAULT_HARDWARE } from '../catalog/hardware.data';
import type { HardwareSpec } from '../domain/hardware';
import { estimateInference, type InferenceInput } from './inference-estimate';
import { estimateInferenceMemory } from './inference-memory';
import { estimateTraining, type TrainingInput } from './training-estimate';
import { point, ranged, type Estimated, type PublishedRow } from './published-row';

/**
 * Published figures the estimator is checked against, each with its source, what Tally is told
 * (and what it has to assume), the published value and how far the estimate may land from it.
 * Every row runs in CI (published-runs.test.ts prints where each lands); the README quotes the
 * result per estimate. Tally's own defaults are used unless a row says otherwise: these rows
 * measure the defaults, not the arithmetic.
 *
 * Steady-state throughput rows (llm-foundry, Llama 3 Table 4, PaLM, OPT) are compared with
 * goodput 1 (a benchmark has no restarts); whole-run rows (llm.c, MPT-7B, BLOOM, GPT-3, LLaMA,
 * Llama 2, Llama 3.1) use the default goodput. Tolerance: the estimate may land within a factor
 * (1 + tolerance) either way of the published value.
 */

const FAST = { samples: 200, seed: 20220329 };

function hw(id: string): HardwareSpec {
  const h = DEFAULT_HARDWARE.find((x) => x.id === id);
  if (!h) throw new Error(`published-runs: no catalog device ${id}`);
  return h;
}

/** TPU v4 as PaLM describes it (§4: 275 TFLOPS bf16 per chip); not in the default catalog. */
const TPU_V4: HardwareSpec = { id: 'tpu-v4', name: 'Google TPU v4', vendor: 'Google', kind: 'accelerator', fp32Tflops: null, tf32Tflops: null, bf16Tflops: 275, fp8Tflops: null, int8Tops: null, memoryGb: 32, bandwidthGbs: 1200, tdpW: null };

/** Steady-state training throughput, tokens/s per GPU: 1e9 tokens over the estimated GPU-seconds. */
function tokensPerSPerGpu(input: Omit<TrainingInput, 'tokens' | 'pricePerGpuHourUsd'>): Estimated {
  const e = estimateTraining({ ...input, tokens: 1e9, goodput: 1, pricePerGpuHourUsd: 1, gpuPowerW: 1 }, FAST);
  const rate = (gpuHours: number) => 1e9 / (gpuHours * 3600);
  return ranged(rate(e.gpuHours), rate(e.range.p10.gpuHours), rate(e.range.p90.gpuHours));
}

type TrainingRun = ReturnType<typeof estimateTraining>;
const hoursOf = (e: TrainingRun, k: 'gpuHours' | 'wallClockHours' | 'energyKwh' | 'co2Kg', scale = 1): Estimated => ranged(e[k] * scale, e.range.p10[k] * scale, e.range.p90[k] * scale);

function run(input: Omit<TrainingInput, 'pricePerGpuHourUsd'>): ReturnType<typeof estimateTraining> {
  return estimateTraining({ ...input, pricePerGpuHourUsd: 1 }, FAST);
}

const infer = (input: InferenceInput) => estimateInference(input, FAST);

const FOUNDRY = 'mosaicml/llm-foundry scripts/train/benchmarking/README.md (commit 8c8dd48, Jul 2025)';
const LLAMA2_7B_KV = { layers: 32, kvHeads: 32, headDim: 128 };
const LLAMACPP = 'llama.cpp discussion #15013 (NVIDIA) / #4167 (Apple): Llama-2 7B Q4_0, llama-bench tg128, as compiled in a survey of local inference engines';
const TRT = 'NVIDIA/TensorRT-LLM docs/source/performance.md (v0.5-v0.6.1)';

function foundry(id: string, device: string, params: number, gpus: number, published: number, extra = ''): PublishedRow {
  return {
    id,
    kind: 'training throughput',
    figure: 'tokens/s per GPU',
    source: `${FOUNDRY}, ${device === 'h100-sxm' ? 'H100 80GB BF16' : device === 'a100-40gb' ? 'A100 40GB' : 'A100 80GB'} table`,
    assumptions: `${(params / 1e9).toPrecision(3)}B params, ${gpus} GPUs, seq 2048, BF16, default MFU, goodput 1 (benchmark)${extra}`,
    published,
    tolerance: 0.25,
    estimate: () => tokensPerSPerGpu({ hardware: hw(device), params, gpus }),
  };
}

function llamaCpp(id: string, device: string, published: number): PublishedRow {
  return {
    id,
    kind: 'decode speed',
    figure: 'batch-1 decode tokens/s',
    source: LLAMACPP,
    assumptions: '6.74B params, int4 (Q4_0, 4.5 bits), KV 32 x 32 x 128 at FP16, 1 prompt token, 128 output tokens, optimised server',
    published,
    tolerance: 0.3,
    estimate: () => decodeOf(infer({ params: 6.74e9, hardware: hw(device), precision: 'int4', kv: LLAMA2_7B_KV, promptTokens: 1, outputTokens: 128 })),
  };
}

const decodeOf = (e: ReturnType<typeof infer>): Estimated => ranged(e.decodeTokensPerSPerSequence, e.range.p10.decodeTokensPerSPerSequence, e.range.p90.decodeTokensPerSPerSequence);

function firstToken(id: string, device: string, precision: 'fp8' | 'fp16', params: number, gpus: number, prompt: number, published: number): PublishedRow {
  return {
    id,
    kind: 'first token',
    figure: 'first-token latency, ms',
    source: `${TRT}, Low Latency table (v0.5)`,
    assumptions: `${(params / 1e9).toFixed(0)}B params, ${precision.toUpperCase()}, ${gpus} GPU${gpus > 1 ? 's (tensor parallel)' : ''}, batch 1, ${prompt} prompt tokens, optimised server`,
    published,
    tolerance: 0.35,
    estimate: () => {
      const e = infer({ params, hardware: hw(device), gpus, precision, promptTokens: prompt, outputTokens: 1, kv: params > 20e9 ? { layers: 80, kvHeads: 8, headDim: 128 } : LLAMA2_7B_KV });
      return ranged(e.latencyMs.firstToken, e.range.p10.latencyMs.firstToken, e.range.p90.latencyMs.firstToken);
    },
  };
}

function serving(id: string, device: string, precision: 'fp8' | 'fp16', batch: number, prompt: number, output: number, published: number): PublishedRow {
  return {
    id,
    kind: 'serving throughput',
    figure: 'output tokens/s per GPU',
    source: `${TRT}, Peak Throughput table (${precision === 'fp8' ? 'H100 FP8, v0.6.1' : 'A100 FP16'})`,
    assumptions: `LLaMA 7B (6.74B, KV 32 x 32 x 128${precision === 'fp8' ? ', FP8 KV cache by default' : ''}), 1 GPU, batch ${batch}, ${prompt} in / ${output} out, optimised server`,
    published,
    // At batch 768 the step is both memory- and compute-heavy; the roofline's max() lets them
    // overlap fully, so that row lands fast (x1.35). The others are memory-bound.
    tolerance: 0.4,
    estimate: () => {
      const e = infer({ params: 6.74e9, hardware: hw(device), gpus: 1, precision, batch, promptTokens: prompt, outputTokens: output, kv: LLAMA2_7B_KV });
      const rate = (ms: number) => (batch * output) / (ms / 1000);
      return ranged(rate(e.latencyMs.total), rate(e.range.p10.latencyMs.total), rate(e.range.p90.latencyMs.total));
    },
  };
}

export const PUBLISHED_RUNS: readonly PublishedRow[] = [
  // ---- training throughput (steady state) -------------------------------------------------
  foundry('foundry-a100-125m', 'a100-80gb', 125.3e6, 8, 142_830),
  foundry('foundry-a100-350m', 'a100-80gb', 356e6, 8, 58_782),
  foundry('foundry-a100-760m', 'a100-80gb', 760.5e6, 8, 32_434),
  foundry('foundry-a100-1b', 'a100-80gb', 1.316e9, 8, 20_513),
  foundry('foundry-a100-3b', 'a100-80gb', 2.652e9, 8, 10_811),
  foundry('foundry-a100-7b', 'a100-80gb', 6.659e9, 8, 4_641),
  foundry('foundry-a100-13b', 'a100-80gb', 12.85e9, 8, 2_262),
  foundry('foundry-a100-30b', 'a100-80gb', 29.98e9, 8, 916, ', activation checkpointing'),
  foundry('foundry-a100-70b-64', 'a100-80gb', 64.86e9, 64, 410, ', activation checkpointing'),
  foundry('foundry-a100-40gb-7b-128', 'a100-40gb', 6.659e9, 128, 3_623, ', activation checkpointing'),
  foundry('foundry-a100-40gb-350m', 'a100-40gb', 356e6, 8, 55_995),
  foundry('foundry-h100-760m', 'h100-sxm', 760.5e6, 8, 63_147),
  foundry('foundry-h100-1b', 'h100-sxm', 1.316e9, 8, 45_455),
  foundry('foundry-h100-7b', 'h100-sxm', 6.659e9, 8, 10_643),
  foundry('foundry-h100-13b', 'h100-sxm', 12.85e9, 8, 4_792),
  foundry('foundry-h100-30b', 'h100-sxm', 29.98e9, 8, 2_002, ', activation checkpointing'),
  foundry('foundry-h100-70b-64', 'h100-sxm', 64.86e9, 64, 1_039, ', activation checkpointing'),
  foundry('foundry-h100-7b-512', 'h100-sxm', 6.659e9, 512, 9_670),
  foundry('foundry-h100-1b-512', 'h100-sxm', 1.316e9, 512, 39_837),
  {
    id: 'foundry-h100-fp8-3b',
    kind: 'training throughput',
    figure: 'tokens/s per GPU',
    source: `${FOUNDRY}, H100 80GB FP8 table`,
    assumptions: '2.65B params, 8 GPUs, seq 2048, FP8, default MFU (x0.6 against the FP8 peak), goodput 1',
    published: 30_586,
    tolerance: 0.25,
    estimate: () => tokensPerSPerGpu({ hardware: hw('h100-sxm'), params: 2.652e9, gpus: 8, precision: 'fp8' }),
  },
  ...[
    { id: 'llama3-table4-8k', gpus: 8192, seq: 8192, tflops: 430 },
    { id: 'llama3-table4-16k', gpus: 16384, seq: 8192, tflops: 400 },
    { id: 'llama3-table4-16k-131k-context', gpus: 16384, seq: 131072, tflops: 380 },
  ].map(
    (r): PublishedRow => ({
      id: r.id,
      kind: 'training throughput',
      figure: 'tokens/s per GPU',
      source: `Llama 3 (Dubey et al. 2024, arXiv 2407.21783) Table 4: ${r.tflops} TFLOPs/GPU on ${r.gpus.toLocaleString('en-US')} H100s, BF16`,
      assumptions: `405B params, 126 layers, 128 heads x 128, seq ${r.seq.toLocaleString('en-US')}, attention FLOPs counted (PaLM App. B), default MFU, goodput 1; published TFLOPs turned into tokens/s with the same FLOPs per token`,
      published: (r.tflops * 1e12) / (6 * 405e9 + 12 * 126 * 128 * 128 * r.seq),
      tolerance: 0.25,
      estimate: () => tokensPerSPerGpu({ hardware: hw('h100-sxm'), params: 405e9, gpus: r.gpus, attention: { layers: 126, heads: 128, headDim: 128, seqLen: r.seq } }),
    }),
  ),
  {
    id: 'palm-540b',
    kind: 'training throughput',
    figure: 'tokens/s per chip',
    source: 'PaLM (Chowdhery et al. 2022) §4.1 and Table 3: 238.3K tokens/s on 6,144 TPU v4 chips, 46.2% MFU',
    assumptions: '540.35B params, 118 layers, 48 heads x 256, seq 2048, attention FLOPs counted; TPU v4 at 275 TFLOPS (PaLM §4; not in the catalog), default MFU, goodput 1',
    published: 238.3e3 / 6144,
    tolerance: 0.25,
    estimate: () => tokensPerSPerGpu({ hardware: TPU_V4, params: 540.35e9, gpus: 6144, attention: { layers: 118, heads: 48, headDim: 256, seqLen: 2048 } }),
  },
  {
    id: 'opt-175b',
    kind: 'training throughput',
    figure: 'tokens/s per GPU',
    source: 'OPT (Zhang et al. 2022, arXiv 2205.01068) §2.4: up to 147 TFLOP/s per GPU on 992 A100-80GB',
    assumptions: '175B params, 992 GPUs, default MFU, goodput 1; published TFLOP/s turned into tokens/s at 6N FLOPs per token',
    published: 147e12 / (6 * 175e9),
    tolerance: 0.25,
    estimate: () => tokensPerSPerGpu({ hardware: hw('a100-80gb'), params: 175e9, gpus: 992 }),
  },
  // ---- whole training runs ------------------------------------------------------------------
  {
    id: 'llmc-gpt2-124m',
    kind: 'training run',
    figure: 'wall-clock hours',
    source: 'karpathy/llm.c discussion #481 ("~90 minutes" on one 8X A100 80GB SXM node); scripts/run_gpt2_124M.sh: 18,865 steps x 524,288 tokens',
    assumptions: '124.4M params, 9.89B tokens, 8 x A100-80GB, default MFU and goodput',
    published: 1.5,
    tolerance: 0.45,
    estimate: () => hoursOf(run({ hardware: hw('a100-80gb'), gpus: 8, params: 124.4e6, tokens: 18_865 * 524_288 }), 'wallClockHours'),
  },
  {
    id: 'llmc-gpt2-1558m',
    kind: 'training run',
    figure: 'wall-clock hours',
    source: 'karpathy/llm.c discussion #677 (GPT-2 1558M "on a single 8XH100 node in 24 hours"); scripts/run_gpt2_1558M.sh: 32,000 steps x 1,048,576 tokens',
    assumptions: '1.558B params, 33.6B tokens, 8 x H100 SXM, default MFU and goodput',
    published: 24,
    tolerance: 0.3,
    estimate: () => hoursOf(run({ hardware: hw('h100-sxm'), gpus: 8, params: 1.558e9, tokens: 32_000 * 1_048_576 }), 'wallClockHours'),
  },
  {
    id: 'mpt-7b',
    kind: 'training run',
    figure: 'wall-clock hours',
    source: 'MosaicML MPT-7B model card (440 A100-40GB for about 9.5 days) and blog (1T tokens, ~$200k)',
    assumptions: '6.66B params, 1T tokens, 440 x A100-40GB, default MFU and goodput',
    published: 9.5 * 24,
    tolerance: 0.45,
    estimate: () => hoursOf(run({ hardware: hw('a100-40gb'), gpus: 440, params: 6.659e9, tokens: 1e12 }), 'wallClockHours'),
  },
  {
    id: 'bloom-176b',
    kind: 'training run',
    figure: 'GPU-hours',
    source: 'BLOOM (BigScience 2022, arXiv 2211.05100): 1,082,990 compute hours on 384 A100-80GB; 366B tokens',
    assumptions: '176.2B params, 366B tokens, 384 x A100-80GB, default MFU and goodput',
    published: 1_082_990,
    tolerance: 0.6,
    estimate: () => hoursOf(run({ hardware: hw('a100-80gb'), gpus: 384, params: 176.2e9, tokens: 366e9 }), 'gpuHours'),
  },
  {
    id: 'gpt3-175b',
    kind: 'training run',
    figure: 'GPU-hours',
    source: 'Patterson et al. 2021 (arXiv 2104.10350) Table 4: GPT-3 on 10,000 V100 for 14.8 days (recalled, not re-checked); 3.14e23 FLOPs (Brown et al. 2020 Table D.1)',
    assumptions: '175B params, 300B tokens, 10,000 x V100 32GB, FP16 (no BF16 on V100), default MFU and goodput',
    published: 10_000 * 14.8 * 24,
    tolerance: 0.3,
    estimate: () => hoursOf(run({ hardware: hw('v100-32gb'), gpus: 10_000, params: 175e9, tokens: 300e9 }), 'gpuHours'),
  },
  {
    id: 'llama1-65b',
    kind: 'training run',
    figure: 'GPU-hours',
    source: 'LLaMA (Touvron et al. 2023, arXiv 2302.13971) §2.4 and Table 15: 1,022,362 GPU-hours on 2,048 A100-80GB, 1.4T tokens',
    assumptions: '65.2B params, 1.4T tokens, 2,048 x A100-80GB, default MFU and goodput',
    published: 1_022_362,
    tolerance: 0.3,
    estimate: () => hoursOf(run({ hardware: hw('a100-80gb'), gpus: 2048, params: 65.2e9, tokens: 1.4e12 }), 'gpuHours'),
  },
  ...[
    { id: 'llama2-7b', params: 6.74e9, hours: 184_320 },
    { id: 'llama2-13b', params: 13.0e9, hours: 368_640 },
    { id: 'llama2-70b', params: 69.0e9, hours: 1_720_320 },
  ].map(
    (r): PublishedRow => ({
      id: r.id,
      kind: 'training run',
      figure: 'GPU-hours',
      source: `Llama 2 model card (meta-llama/llama MODEL_CARD.md): ${r.hours.toLocaleString('en-US')} A100-80GB GPU-hours, 2T tokens`,
      assumptions: `${(r.params / 1e9).toPrecision(3)}B params, 2T tokens; GPU count not published: 1,024 assumed (Tally judgement), default MFU and goodput`,
      published: r.hours,
      tolerance: 0.3,
      estimate: () => hoursOf(run({ hardware: hw('a100-80gb'), gpus: 1024, params: r.params, tokens: 2e12 }), 'gpuHours'),
    }),
  ),
  {
    id: 'llama3.1-405b',
    kind: 'training run',
    figure: 'GPU-hours',
    source: 'Llama 3.1 model card: 30.84M H100-80GB GPU-hours for 405B; Llama 3 paper: 3.8e25 FLOPs, 15.6T tokens, up to 16,384 GPUs',
    assumptions: '405B params, 15.6T tokens, 16,384 x H100 SXM, 6N FLOPs, default MFU and goodput',
    published: 30.84e6,
    tolerance: 0.3,
    estimate: () => hoursOf(run({ hardware: hw('h100-sxm'), gpus: 16_384, params: 405e9, tokens: 15.6e12 }), 'gpuHours'),
  },
  // ---- energy and CO2 from published GPU-hours ----------------------------------------------
  {
    id: 'llama1-65b-energy',
    kind: 'energy and CO2',
    figure: 'MWh',
    source: 'LLaMA Table 15: 449 MWh for 65B (400 W per A100, PUE 1.1)',
    assumptions: '1,022,362 GPU-hours, 400 W, PUE 1.1',
    published: 449,
    tolerance: 0.01,
    estimate: () => point(run({ hardware: hw('a100-80gb'), gpuHours: 1_022_362, gpuPowerW: 400, pue: 1.1, gridKgCo2PerKwh: 0.385 }).energyKwh / 1000),
  },
  {
    id: 'llama1-65b-co2',
    kind: 'energy and CO2',
    figure: 't CO2e',
    source: 'LLaMA Table 15: 173 tCO2eq for 65B (0.385 kg/kWh, US average, Wu et al. 2022)',
    assumptions: '1,022,362 GPU-hours, 400 W, PUE 1.1, 0.385 kg/kWh',
    published: 173,
    tolerance: 0.01,
    estimate: () => point(run({ hardware: hw('a100-80gb'), gpuHours: 1_022_362, gpuPowerW: 400, pue: 1.1, gridKgCo2PerKwh: 0.385 }).co2Kg / 1000),
  },
  {
    id: 'llama1-7b-energy',
    kind: 'energy and CO2',
    figure: 'MWh',
    source: 'LLaMA Table 15: 36 MWh and 14 tCO2eq for 7B',
    assumptions: '82,432 GPU-hours, 400 W, PUE 1.1',
    published: 36,
    tolerance: 0.02,
    estimate: () => point(run({ hardware: hw('a100-80gb'), gpuHours: 82_432, gpuPowerW: 400, pue: 1.1 }).energyKwh / 1000),
  },
  {
    id: 'bloom-176b-energy',
    kind: 'energy and CO2',
    figure: 'MWh',
    source: 'GENCI on BLOOM (Jean Zay): 1,082,990 hours of computation, 433 MWh, 25 t CO2 (dynamic GPU energy at 400 W per A100, Luccioni et al. 2022)',
    assumptions: '1,082,990 GPU-hours, 400 W, PUE 1 (the published figure leaves the facility out)',
    published: 433,
    tolerance: 0.01,
    estimate: () => point(run({ hardware: hw('a100-80gb'), gpuHours: 1_082_990, gpuPowerW: 400, pue: 1 }).energyKwh / 1000),
  },
  {
    id: 'bloom-176b-co2',
    kind: 'energy and CO2',
    figure: 't CO2e',
    source: 'GENCI on BLOOM: 25 t CO2 at the French grid (57 g/kWh, Luccioni et al. 2022)',
    assumptions: '1,082,990 GPU-hours, 400 W, PUE 1, 0.057 kg/kWh',
    published: 25,
    tolerance: 0.03,
    estimate: () => point(run({ hardware: hw('a100-80gb'), gpuHours: 1_082_990, gpuPowerW: 400, pue: 1, gridKgCo2PerKwh: 0.057 }).co2Kg / 1000),
  },
  // ---- inference --------------------------------------------------------------------------
  llamaCpp('llamacpp-a100', 'a100-80gb', 200.9),
  llamaCpp('llamacpp-h100', 'h100-sxm', 280.7),
  llamaCpp('llamacpp-rtx4090', 'rtx-4090', 189.0),
  llamaCpp('llamacpp-rtx3090', 'rtx-3090', 158.2),
  llamaCpp('llamacpp-m2-ultra', 'apple-m2-ultra', 94.3),
  llamaCpp('llamacpp-jetson-agx-orin', 'jetson-agx-orin', 33.6),
  {
    id: 'llamacpp-rtx4090-f16',
    kind: 'decode speed',
    figure: 'batch-1 decode tokens/s',
    source: 'ggml-org/llama.cpp PR #3776 (RTX 4090, llama 7B F16, tg128: 61.76 tokens/s)',
    assumptions: '6.74B params, FP16, KV 32 x 32 x 128, 1 prompt token, 128 output tokens',
    published: 61.76,
    tolerance: 0.3,
    estimate: () => decodeOf(infer({ params: 6.74e9, hardware: hw('rtx-4090'), precision: 'fp16', kv: LLAMA2_7B_KV, promptTokens: 1, outputTokens: 128 })),
  },
  {
    id: 'llamacpp-rtx4090-q8',
    kind: 'decode speed',
    figure: 'batch-1 decode tokens/s',
    source: 'ggml-org/llama.cpp PR #3776 (RTX 4090, llama 7B Q8_0, tg128: 100.22 tokens/s)',
    assumptions: '6.74B params, int8 (Q8_0, 8.5 bits), KV 32 x 32 x 128, 1 prompt token, 128 output tokens',
    published: 100.22,
    tolerance: 0.3,
    estimate: () => decodeOf(infer({ params: 6.74e9, hardware: hw('rtx-4090'), precision: 'int8', kv: LLAMA2_7B_KV, promptTokens: 1, outputTokens: 128 })),
  },
  {
    id: 'llamacpp-a100-f16',
    kind: 'decode speed',
    figure: 'batch-1 decode tokens/s',
    source: 'ggml-org/llama.cpp issue #3479: single-batch 7B F16 on an A100 "~72 t/s" (discussion #3359)',
    assumptions: '6.74B params, FP16, A100 80GB assumed (the variant is not stated), 1 prompt token, 128 output tokens',
    published: 72,
    tolerance: 0.35,
    estimate: () => decodeOf(infer({ params: 6.74e9, hardware: hw('a100-80gb'), precision: 'fp16', kv: LLAMA2_7B_KV, promptTokens: 1, outputTokens: 128 })),
  },
  firstToken('trt-ttft-h100-7b-128', 'h100-sxm', 'fp8', 6.74e9, 1, 128, 7),
  firstToken('trt-ttft-h100-7b-2048', 'h100-sxm', 'fp8', 6.74e9, 1, 2048, 36),
  firstToken('trt-ttft-a100-7b-128', 'a100-80gb', 'fp16', 6.74e9, 1, 128, 16),
  firstToken('trt-ttft-a100-7b-2048', 'a100-80gb', 'fp16', 6.74e9, 1, 2048, 133),
  firstToken('trt-ttft-l40s-7b-128', 'l40s', 'fp8', 6.74e9, 1, 128, 14),
  firstToken('trt-ttft-l40s-7b-2048', 'l40s', 'fp8', 6.74e9, 1, 2048, 73),
  firstToken('trt-ttft-h100-70b-128', 'h100-sxm', 'fp8', 69e9, 4, 128, 26),
  firstToken('trt-ttft-h100-70b-2048', 'h100-sxm', 'fp8', 69e9, 4, 2048, 109),
  firstToken('trt-ttft-a100-70b-128', 'a100-80gb', 'fp16', 69e9, 4, 128, 47),
  firstToken('trt-ttft-a100-70b-2048', 'a100-80gb', 'fp16', 69e9, 4, 2048, 377),
  serving('trt-h100-7b-128-128', 'h100-sxm', 'fp8', 768, 128, 128, 19_694),
  serving('trt-h100-7b-128-2048', 'h100-sxm', 'fp8', 112, 128, 2048, 6_818),
  serving('trt-h100-7b-2048-128', 'h100-sxm', 'fp8', 80, 2048, 128, 2_244),
  serving('trt-h100-7b-2048-2048', 'h100-sxm', 'fp8', 48, 2048, 2048, 2_740),
  serving('trt-a100-7b-128-128', 'a100-80gb', 'fp16', 384, 128, 128, 5_586),
  serving('trt-a100-7b-128-2048', 'a100-80gb', 'fp16', 60, 128, 2048, 1_928),
  // ---- memory -------------------------------------------------------------------------------
  ...[
    { id: 'trt-h100-fp8-7b-b768-fits', batch: 768, context: 256 },
    { id: 'trt-h100-fp8-7b-b112-fits', batch: 112, context: 2176 },
  ].map(
    (r): PublishedRow => ({
      id: r.id,
      kind: 'memory',
      figure: 'H100-80GB devices needed',
      source: `${TRT}: LLaMA 7B FP8 (--fp8_kv_cache) served at batch ${r.batch} on one H100 80GB`,
      assumptions: `6.74B params, FP8 weights, KV 32 x 32 x 128 at the default FP8, ${r.context} tokens of context, batch ${r.batch}`,
      published: 1,
      tolerance: 0,
      estimate: () => point(estimateInferenceMemory({ params: 6.74e9, precision: 'fp8', kv: LLAMA2_7B_KV, context: r.context, batch: r.batch }, [hw('h100-sxm')]).fits[0]?.count ?? Number.POSITIVE_INFINITY),
    }),
  ),
  {
    id: 'llamabench-7b-q4-size',
    kind: 'memory',
    figure: 'weights, GB',
    source: 'llama.cpp examples/llama-bench/README.md: llama 7B mostly Q4_0, 3.56 GiB, 6.74B params',
    assumptions: '6.74B params at int4 (Q4_0, 4.5 bits a weight)',
    published: 3.56 * 1.073741824,
    tolerance: 0.02,
    estimate: () => point(estimateInferenceMemory({ params: 6.74e9, precision: 'int4' }).breakdown.weightsGb),
  },
];
