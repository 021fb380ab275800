import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateTrainingMemory, type ZeroStage } from './training-memory';
import { estimateInferenceMemory } from './inference-memory';
import { activationBytesPerLayer } from './activation-memory';
import { kvCacheBytes, kvShapeFrom } from './bytes-per-value';
import { estimateInference } from './inference-estimate';
import { A100_40GB, A100_80GB, H100_SXM, IPHONE_A17_PRO, JETSON_AGX_ORIN, JETSON_ORIN_NANO, L4, RASPBERRY_PI_5, T4, TEST_DEVICES } from './test-hardware';

describe('training memory against published worked values', () => {
  it('reproduces the ZeRO paper example: 7.5B params, Nd = 64 -> 120, 31.4, 16.6, 1.9 GB (Rajbhandari et al. 2019, Fig. 1)', () => {
    const at = (zeroStage: ZeroStage) => estimateTrainingMemory({ params: 7.5e9, zeroStage, gpus: 64 }).totalGb;
    expect(at(0)).toBeCloseTo(120, 6);
    expect(at(1)).toBeCloseTo(31.4, 1);
    expect(at(2)).toBeCloseTo(16.6, 1);
    expect(at(3)).toBeCloseTo(1.9, 1);
  });

  it('splits mixed-precision Adam as 2 + 2 + 12 bytes per parameter', () => {
    const m = estimateTrainingMemory({ params: 1e9 });
    expect(m.breakdown).toMatchObject({ weightsGb: 2, gradientsGb: 2, optimizerGb: 12, activationsGb: 0, kvCacheGb: 0 });
    expect(estimateTrainingMemory({ params: 1e9, precision: 'fp32' }).totalGb).toBe(16); // pure fp32 Adam is 16 B/param too (reference §2.5)
    expect(estimateTrainingMemory({ params: 1e9, optimizer: 'sgd' }).totalGb).toBeLessThan(16);
    expect(estimateTrainingMemory({ params: 1e9, optimizer: 'adafactor' }).totalGb).toBeLessThan(estimateTrainingMemory({ params: 1e9, optimizer: 'sgd' }).totalGb);
  });

  it('Korthikanti et al. 2022: for GPT-3 (a = 96, s = 2048, h = 12288) 5as/h = 80, and selective recompute keeps 34/114 = 30% of it', () => {
    const shape = { layers: 96, hidden: 12288, heads: 96, seqLen: 2048, microBatch: 1 };
    const sbh = 2048 * 12288;
    expect(activationBytesPerLayer(shape)).toBe(sbh * (34 + 80));
    expect(activationBytesPerLayer({ ...shape, recompute: 'selective' }) / activationBytesPerLayer(shape)).toBeCloseTo(34 / 114, 10);
    expect(activationBytesPerLayer({ ...shape, attention: 'flash' })).toBe(34 * sbh);
    expect(activationBytesPerLayer({ ...shape, recompute: 'full' })).toBe(2 * sbh);
    expect(activationBytesPerLayer({ ...shape, tensorParallel: 8 })).toBe((sbh * 114) / 8);
  });

  it('QLoRA fine-tunes a 65B model in under 48 GB (Dettmers et al. 2023 abstract)', () => {
    // LLaMA-65B: 80 layers, hidden 8192, 64 heads; r = 64 on q, k, v, o; seq 512, batch 1, gradient checkpointing.
    const act = { layers: 80, hidden: 8192, heads: 64, seqLen: 512, microBatch: 1, recompute: 'full' as const };
    const q = estimateTrainingMemory({ params: 65.2e9, activations: act, lora: { rank: 64, baseQuantization: 'nf4' } }, [A100_80GB, A100_40GB, { ...L4, id: 'gpu-48', memoryGb: 48 }]);
    expect(q.totalGb).toBeLessThan(48);
    expect(q.totalGb).toBeGreaterThan(33); // the NF4 base alone is 65.2e9 x 4.127 / 8 = 33.6 GB
    expect(q.fits.map((f) => [f.hardware, f.count])).toEqual([['a100-40gb', 1], ['gpu-48', 1], ['a100-80gb', 1]]);
    const full = estimateTrainingMemory({ params: 65.2e9, activations: act });
    expect(full.totalGb).toBeGreaterThan(1000);
  });

  it('finds how many GPUs ZeRO-3 needs, and nothing for ZeRO-0 when one GPU is too small', () => {
    const z3 = estimateTrainingMemory({ params: 7.5e9, zeroStage: 3 }, [A100_80GB, A100_40GB]);
    // 120 GB of states: 2 x 80 GB holds 60 GB each; 40 GB cards need 3 (40 GB each: exactly full).
    expect(z3.fits).toEqual([
      { hardware: 'a100-80gb', name: A100_80GB.name, count: 2, memoryGb: 80 },
      { hardware: 'a100-40gb', name: A100_40GB.name, count: 3, memoryGb: 40 },
    ]);
    expect(estimateTrainingMemory({ params: 7.5e9 }, [A100_80GB]).fits).toEqual([]);
  });

  it('rejects nonsense', () => {
    expect(() => estimateTrainingMemory({ params: 0 })).toThrow(/^Model size \(parameters\): must be a positive number, got 0/);
    expect(() => estimateTrainingMemory({ params: 1e9, zeroStage: 4 as ZeroStage })).toThrow(/^Zero stage: must be 0, 1, 2 or 3/);
    expect(() => estimateTrainingMemory({ params: 1e9, lora: { rank: 8 } })).toThrow(/lora/);
  });

  it('more GPUs never raise per-GPU memory under any ZeRO stage', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e12, noNaN: true }), fc.constantFrom<ZeroStage>(0, 1, 2, 3), fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 512 }), (p, stage, g1, g2) => {
        const [lo, hi] = g1 <= g2 ? [g1, g2] : [g2, g1];
        expect(estimateTrainingMemory({ params: p, zeroStage: stage, gpus: hi }).totalGb).toBeLessThanOrEqual(estimateTrainingMemory({ params: p, zeroStage: stage, gpus: lo }).totalGb * (1 + 1e-12));
      }),
      { seed: 3 },
    );
  });
});

describe('inference memory', () => {
  it('Llama-2-7B KV cache is 0.5 MiB per token at fp16 (32 layers x 32 KV heads x 128 head dim)', () => {
    expect(kvCacheBytes({ layers: 32, kvHeads: 32, headDim: 128 }, 1, 1, 2)).toBe(524_288);
    const m = estimateInferenceMemory({ params: 6.74e9, kv: { layers: 32, kvHeads: 32, headDim: 128 }, context: 4096, batch: 1 });
    expect(m.breakdown.kvCacheGb).toBeCloseTo((524_288 * 4096) / 1e9, 9); // 2.15 GB
  });

  it('derives the KV shape from hidden and heads, with kv-heads for grouped-query attention', () => {
    expect(kvShapeFrom({ layers: 32, hidden: 4096, heads: 32 })).toEqual({ layers: 32, kvHeads: 32, headDim: 128 });
    expect(kvShapeFrom({ layers: 80, hidden: 8192, heads: 64, kvHeads: 8 })).toEqual({ layers: 80, kvHeads: 8, headDim: 128 });
    expect(kvShapeFrom({ hidden: 4096, heads: 32 })).toBeUndefined();
  });

  it('weights by precision: 7B at fp16 14 GB, int8 (Q8_0, 8.5 bits) 7.44 GB, int4 (Q4_0, 4.5 bits) 3.94 GB; overhead 20% of weights (EleutherAI)', () => {
    expect(estimateInferenceMemory({ params: 7e9 }).breakdown).toMatchObject({ weightsGb: 14, overheadGb: 2.8 });
    expect(estimateInferenceMemory({ params: 7e9, precision: 'int8' }).breakdown.weightsGb).toBeCloseTo(7.4375, 12);
    // llama-bench lists Llama-2 7B Q4_0 (6.74B params) at 3.56 GiB = 3.82 GB: 4.54 bits a weight.
    expect(estimateInferenceMemory({ params: 6.74e9, precision: 'int4' }).breakdown.weightsGb).toBeCloseTo(3.56 * 1.073741824, 1);
    expect(estimateInferenceMemory({ params: 7e9 }).notes[0]).toMatch(/KV cache not counted/);
  });

  it('lists the devices that hold it and how many, fewest first', () => {
    const m = estimateInferenceMemory({ params: 70e9, precision: 'fp16', kv: { layers: 80, kvHeads: 8, headDim: 128 }, context: 4096, batch: 1 }, TEST_DEVICES);
    // 140 GB weights + 28 GB overhead + 1.34 GB KV = 169.3 GB.
    expect(m.totalGb).toBeCloseTo(169.34, 1);
    expect(m.fits.slice(0, 2).map((f) => [f.hardware, f.count])).toEqual([['a100-80gb', 3], ['h100-sxm', 3]]);
    expect(m.fits.find((f) => f.hardware === T4.id)?.count).toBe(11);
    expect(m.fits.find((f) => f.hardware === 'raspberry-pi-5')).toBeUndefined(); // a board is never split
    expect(H100_SXM.memoryGb).toBe(80);
  });

  it('memory and inference share one default request, 512 + 256 tokens, so they agree on what fits', () => {
    const kv = { layers: 32, kvHeads: 32, headDim: 128 };
    const m = estimateInferenceMemory({ params: 7e9, kv }, [L4]);
    expect(m.assumptions.context).toMatchObject({ value: 768, source: expect.stringMatching(/512 prompt \+ 256 output tokens/) });
    const e = estimateInference({ params: 7e9, hardware: L4, kv }, { samples: 50 });
    expect(e.memoryGb).toBeCloseTo(m.totalGb, 12);
    // 14 GB + 2.8 GB + 0.4 GB of KV fits one 24 GB L4 in both.
    expect(m.fits).toEqual([expect.objectContaining({ hardware: 'l4', count: 1 })]);
    expect(e.gpus).toBe(1);
  });

  it("FP8 weights default to an FP8 KV cache: NVIDIA's 7B FP8 runs at batch 768 and 112 fit one 80 GB H100", () => {
    const kv = { layers: 32, kvHeads: 32, headDim: 128 };
    // TensorRT-LLM performance.md: LLaMA 7B FP8 on one H100 at batch 768 (128 + 128 tokens) and 112 (128 + 2,048).
    const b768 = estimateInferenceMemory({ params: 6.74e9, precision: 'fp8', kv, context: 256, batch: 768 }, [H100_SXM]);
    const b112 = estimateInferenceMemory({ params: 6.74e9, precision: 'fp8', kv, context: 2176, batch: 112 }, [H100_SXM]);
    expect(b768.assumptions.kvBytesPerElement?.value).toBe(1);
    expect(b768.totalGb).toBeLessThan(80);
    expect(b112.totalGb).toBeLessThan(80);
    expect(b768.fits[0]?.count).toBe(1);
    // With an FP16 cache they would need the 111 and 136 GB the issue quotes.
    expect(estimateInferenceMemory({ params: 6.74e9, precision: 'fp8', kvPrecision: 'fp16', kv, context: 256, batch: 768 }).totalGb).toBeCloseTo(111.2, 1);
    expect(estimateInferenceMemory({ params: 6.74e9, precision: 'fp8', kvPrecision: 'fp16', kv, context: 2176, batch: 112 }).totalGb).toBeCloseTo(135.9, 1);
  });

  it('never splits phones, boards or Jetsons: 7B fp16 does not "fit" on 3 iPhones or 3 Raspberry Pis, nor 7B ZeRO-3 training on 2 Jetsons', () => {
    const inf = estimateInferenceMemory({ params: 7e9, precision: 'fp16' }, [IPHONE_A17_PRO, RASPBERRY_PI_5, JETSON_ORIN_NANO, A100_40GB]);
    expect(inf.fits.map((f) => [f.hardware, f.count])).toEqual([['a100-40gb', 1]]);
    expect(inf.notes.join(' ')).toMatch(/3 catalog devices that cannot be split over .* do not hold it alone/);
    // A 4-bit 1B model fits one phone alone.
    expect(estimateInferenceMemory({ params: 1e9, precision: 'int4' }, [IPHONE_A17_PRO]).fits).toEqual([expect.objectContaining({ hardware: 'apple-a17-pro', count: 1 })]);
    const train = estimateTrainingMemory({ params: 7e9, zeroStage: 3, gpus: 2 }, [JETSON_AGX_ORIN, A100_80GB]);
    expect(train.fits.map((f) => [f.hardware, f.count])).toEqual([['a100-80gb', 2]]);
    expect(train.notes.join(' ')).toMatch(/1 catalog device that cannot be split over .* does not hold it alone/);
  });

  it('longer context or bigger batch never needs less memory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 64 }), (c1, c2, b) => {
        const kv = { layers: 32, kvHeads: 8, headDim: 128 };
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(estimateInferenceMemory({ params: 8e9, kv, context: hi, batch: b }).totalGb).toBeGreaterThanOrEqual(estimateInferenceMemory({ params: 8e9, kv, context: lo, batch: b }).totalGb);
        expect(estimateInferenceMemory({ params: 8e9, kv, context: lo, batch: b + 1 }).totalGb).toBeGreaterThan(estimateInferenceMemory({ params: 8e9, kv, context: lo, batch: b }).totalGb);
      }),
      { seed: 3 },
    );
  });
});
