import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateTraining, type TrainingInput } from './training-estimate';
import { modelFlopsUtilization, trainingFlopsPerToken } from './training-flops';
import { defaultMfu } from './default-mfu';
import { A100_80GB, H100_SXM, JETSON_AGX_ORIN, RTX_4090, T4, V100_16GB } from './test-hardware';

const FAST = { samples: 400, seed: 7 };

describe('training compute, time and energy against published worked values', () => {
  it('reproduces PaLM 540B MFU of 46.2% (Chowdhery et al. 2022 App. B / Table 3)', () => {
    // 540.35B params, 118 layers, 48 heads, head dim 256, seq 2048; 238.3K tokens/s on 6144 TPU v4 (275 TFLOPS bf16).
    const perToken = trainingFlopsPerToken(540.35e9, { layers: 118, heads: 48, headDim: 256, seqLen: 2048 });
    expect(modelFlopsUtilization(238.3e3, perToken, 6144, 275e12)).toBeCloseTo(0.462, 3);
  });

  it('reproduces GPT-3 175B training compute, 3.14e23 FLOPs on 300B tokens (Brown et al. 2020, Table D.1)', () => {
    const e = estimateTraining({ hardware: A100_80GB, params: 175e9, tokens: 300e9, mfu: 0.4, pricePerGpuHourUsd: 1 }, FAST);
    expect(Math.abs((e.flops as number) / 3.14e23 - 1)).toBeLessThan(0.005);
  });

  it('reproduces LLaMA-65B GPU-hours and wall-clock from its reported throughput (Touvron et al. 2023 §2.4, Table 15)', () => {
    // 380 tokens/s/GPU on 2048 A100-80GB, 1.4T tokens, ~21 days; Table 15: 1,022,362 GPU-hours.
    // Table 15's hours are throughput x tokens, with no restarts counted: goodput 1.
    const mfu = modelFlopsUtilization(380, 6 * 65.2e9, 1, 312e12);
    const e = estimateTraining({ hardware: A100_80GB, gpus: 2048, params: 65.2e9, tokens: 1.4e12, mfu, goodput: 1, pricePerGpuHourUsd: 1 }, FAST);
    expect(e.gpuHours / 1_022_362).toBeCloseTo(1, 1);
    expect(e.wallClockHours / 24).toBeGreaterThan(20);
    expect(e.wallClockHours / 24).toBeLessThan(22);
  });

  it('reproduces LLaMA-1 energy and CO2 (Touvron et al. 2023 §6, Table 15: 400 W, PUE 1.1, 0.385 kg/kWh)', () => {
    const common = { hardware: A100_80GB, gpuPowerW: 400, pue: 1.1, gridKgCo2PerKwh: 0.385, pricePerGpuHourUsd: 1 };
    const b65 = estimateTraining({ ...common, gpuHours: 1_022_362 }, FAST);
    expect(b65.energyKwh / 1000).toBeCloseTo(449, -1); // published: 449 MWh
    expect(Math.round(b65.co2Kg / 1000)).toBe(173); // published: 173 tCO2eq
    const b7 = estimateTraining({ ...common, gpuHours: 82_432 }, FAST);
    expect(Math.round(b7.energyKwh / 1000)).toBe(36); // 36 MWh
    expect(Math.round(b7.co2Kg / 1000)).toBe(14); // 14 tCO2eq
    expect(b7.flops).toBeUndefined();
    expect(b7.range.p50.flops).toBeUndefined();
  });

  it('uses the dense peak of the chosen precision', () => {
    const bf16 = estimateTraining({ hardware: H100_SXM, params: 7e9, tokens: 1e12, mfu: 0.4, goodput: 1, pricePerGpuHourUsd: 2 }, FAST);
    const fp8 = estimateTraining({ hardware: H100_SXM, params: 7e9, tokens: 1e12, mfu: 0.4, goodput: 1, precision: 'fp8', pricePerGpuHourUsd: 2 }, FAST);
    expect(bf16.gpuHours).toBeCloseTo((6 * 7e9 * 1e12) / (989.5e12 * 0.4 * 3600), 6);
    expect(bf16.gpuHours / fp8.gpuHours).toBeCloseTo(1979 / 989.5, 6);
    expect(bf16.assumptions.peakTflops?.value).toBe(989.5);
  });

  it('falls back to BF16 when a device has no FP8 and says so', () => {
    const e = estimateTraining({ hardware: A100_80GB, params: 1e9, tokens: 2e10, precision: 'fp8', pricePerGpuHourUsd: 2 }, FAST);
    expect(e.assumptions.peakTflops?.value).toBe(312);
    expect(e.assumptions.peakTflops?.source).toMatch(/fp8Tflops/);
  });

  it('reports the default MFU and its source, by hardware, model size and GPU count', () => {
    const e = estimateTraining({ hardware: H100_SXM, params: 70e9, tokens: 1.4e12, pricePerGpuHourUsd: 3 }, FAST);
    expect(e.assumptions.mfu?.value).toBeCloseTo(0.4, 12);
    expect(e.assumptions.mfu?.range?.p10).toBeCloseTo(0.3, 12);
    expect(e.assumptions.mfu?.range?.p90).toBeCloseTo(0.48, 12);
    expect(e.assumptions.mfu?.source).toMatch(/Llama 3/);
    // llm-foundry's A100 table on 8 GPUs: 7B reaches 0.59 of peak on the 6N basis, 350M 0.40.
    expect(defaultMfu(A100_80GB, 6.66e9, { gpus: 8 }).value.p50).toBeCloseTo(0.55, 12);
    expect(defaultMfu(A100_80GB, 3.56e8, { gpus: 8 }).value.p50).toBeCloseTo(0.55 * (0.72 + 0.18 * Math.log10(3.56)), 12);
    expect(defaultMfu(RTX_4090, 1e8).value.p50).toBeCloseTo(0.25 * 0.72, 12);
    // Past 64 GPUs a model loses MFU per doubling: 3% up to 10B, 0.5% from 400B (llm-foundry, Llama 3).
    expect(defaultMfu(H100_SXM, 7e9, { gpus: 512 }).value.p50).toBeCloseTo(0.4 * 0.91, 12);
    expect(defaultMfu(H100_SXM, 405e9, { gpus: 16384 }).value.p50).toBeCloseTo(0.4 * 0.96, 12);
    expect(defaultMfu(H100_SXM, 1e9, { gpus: 1e6 }).value.p50).toBeCloseTo(0.4 * 0.9 * 0.8, 12);
  });

  it('adds a goodput factor that grows with the run and widens the range (restarts, evaluation, lost work)', () => {
    const small = estimateTraining({ hardware: H100_SXM, gpus: 8, params: 7e9, tokens: 1e12, mfu: 0.4, pricePerGpuHourUsd: 2 }, FAST);
    const large = estimateTraining({ hardware: H100_SXM, gpus: 4096, params: 7e9, tokens: 1e12, mfu: 0.4, pricePerGpuHourUsd: 2 }, FAST);
    const steady = (6 * 7e9 * 1e12) / (989.5e12 * 0.4 * 3600);
    expect(small.gpuHours).toBeCloseTo(steady / 0.97, 6);
    expect(large.gpuHours).toBeCloseTo(steady / 0.88, 6);
    expect(large.assumptions.goodput).toMatchObject({ value: 0.88, range: { p10: 0.75, p90: 0.95 } });
    expect(large.assumptions.goodput?.source).toMatch(/Llama 3/);
    const spread = (e: typeof small) => e.range.p90.gpuHours / e.range.p10.gpuHours;
    expect(spread(large)).toBeGreaterThan(spread(small));
    const mine = estimateTraining({ hardware: H100_SXM, gpus: 4096, params: 7e9, tokens: 1e12, mfu: 0.4, goodput: 0.8, pricePerGpuHourUsd: 2 }, FAST);
    expect(mine.gpuHours).toBeCloseTo(steady / 0.8, 6);
    expect(mine.assumptions.goodput?.source).toBe('user input');
    expect(() => estimateTraining({ hardware: H100_SXM, params: 7e9, tokens: 1e12, goodput: 1.2, pricePerGpuHourUsd: 2 })).toThrow(/^Share of GPU time that trains: is a share of the GPU-hours/);
  });

  it('gives ordered ranges and a sensitivity ranking led by the widest input', () => {
    const e = estimateTraining({ hardware: H100_SXM, gpus: 64, params: 7e9, tokens: 2e12, pricePerGpuHourUsd: { p10: 2.99, p50: 10, p90: 12.29 } }, FAST);
    for (const k of ['gpuHours', 'wallClockHours', 'costUsd', 'energyKwh', 'co2Kg'] as const) {
      expect(e.range.p10[k]).toBeLessThanOrEqual(e.range.p50[k]);
      expect(e.range.p50[k]).toBeLessThanOrEqual(e.range.p90[k]);
    }
    expect(e.sensitivity[0]?.input).toBe('pricePerGpuHourUsd');
    expect(e.sensitivityByMetric.wallClockHours.map((s) => s.input)).toEqual(['mfu', 'goodput']);
    expect(e.range.p50.flops).toBe(6 * 7e9 * 2e12);
  });

  it('is reproducible for a seed', () => {
    const input: TrainingInput = { hardware: A100_80GB, params: 1e9, tokens: 2e10, pricePerGpuHourUsd: { p10: 1.3, p50: 1.9, p90: 5.1 } };
    expect(estimateTraining(input, FAST)).toEqual(estimateTraining(input, FAST));
    expect(estimateTraining(input, { samples: 400, seed: 8 }).range).not.toEqual(estimateTraining(input, FAST).range);
  });

  it('rejects bad input naming the field', () => {
    expect(() => estimateTraining({ hardware: A100_80GB, params: -1, tokens: 1, pricePerGpuHourUsd: 1 })).toThrow(/^Model size \(parameters\): must be a positive number, got -1/);
    expect(() => estimateTraining({ hardware: A100_80GB, tokens: 1, pricePerGpuHourUsd: 1 })).toThrow(/params/);
    expect(() => estimateTraining({ hardware: A100_80GB, gpuHours: Number.NaN, pricePerGpuHourUsd: 1 })).toThrow(/^GPU-hours: must be a positive number, got NaN/);
    expect(() => estimateTraining({ hardware: A100_80GB, gpuHours: 1, gpus: 1.5, pricePerGpuHourUsd: 1 })).toThrow(/^Number of GPUs: must be a whole number of at least 1, got 1.5/);
    expect(() => estimateTraining({ hardware: A100_80GB, gpuHours: 1, pricePerGpuHourUsd: { p10: 3, p50: 2, p90: 4 } })).toThrow(/P10 <= P50/);
    expect(() => estimateTraining({ hardware: { ...A100_80GB, tdpW: null }, gpuHours: 1, pricePerGpuHourUsd: 1 })).toThrow(/^Power per GPU: is required/);
  });
});

describe('precision, memory and plausibility on real inputs', () => {
  it('FP8 on an A100 runs at the BF16 peak without the FP8 MFU penalty (7B on 1T tokens: was 131.9k vs 92.3k GPU-hours)', () => {
    const bf16 = estimateTraining({ hardware: A100_80GB, gpus: 8, params: 7e9, tokens: 1e12, pricePerGpuHourUsd: 2 }, FAST);
    const fp8 = estimateTraining({ hardware: A100_80GB, gpus: 8, params: 7e9, tokens: 1e12, precision: 'fp8', pricePerGpuHourUsd: 2 }, FAST);
    expect(fp8.gpuHours).toBeCloseTo(bf16.gpuHours, 6);
    expect(fp8.assumptions.precision).toMatchObject({ value: 'bf16', source: expect.stringMatching(/^fp8 requested; .* runs it as bf16/) });
    expect(fp8.assumptions.mfu?.source).toMatch(/has no FP8: the run uses its 16-bit peak, so no FP8 factor/);
    // On an H100 FP8 is faster than BF16, but by less than the 2x of the peaks (x0.6 MFU).
    const h100 = (precision: 'bf16' | 'fp8') => estimateTraining({ hardware: H100_SXM, gpus: 8, params: 7e9, tokens: 1e12, precision, pricePerGpuHourUsd: 2 }, FAST).gpuHours;
    expect(h100('bf16') / h100('fp8')).toBeCloseTo(2 * 0.6, 6);
  });

  it('T4 and V100 have no BF16: runs are costed and labelled FP16, and the result says so', () => {
    for (const hardware of [T4, V100_16GB]) {
      const e = estimateTraining({ hardware, params: 1e8, tokens: 1e9, pricePerGpuHourUsd: 1 }, FAST);
      expect(e.assumptions.precision?.value, hardware.id).toBe('fp16');
      expect(e.notes.join(' '), hardware.id).toMatch(/has no BF16: costed as FP16 mixed precision/);
      expect(e.assumptions.peakTflops?.value).toBe(hardware.bf16Tflops);
    }
    expect(estimateTraining({ hardware: A100_80GB, params: 1e8, tokens: 1e9, pricePerGpuHourUsd: 1 }, FAST).assumptions.precision?.value).toBe('bf16');
  });

  it('checks memory: GPT-3 175B on 8 x V100-16GB is costed with a warning that it does not fit', () => {
    const e = estimateTraining({ hardware: V100_16GB, gpus: 8, params: 175e9, tokens: 300e9, pricePerGpuHourUsd: 2.48 }, FAST);
    expect(e.memoryFit).toMatchObject({ fits: false, statesGb: 2800, minGpus: 175, deviceGb: 16 });
    expect(e.warnings).toEqual([expect.stringMatching(/^Does not fit in memory: weights, gradients and Adam states take about 2,800 GB .* Use at least 175 such GPUs/)]);
    const ok = estimateTraining({ hardware: A100_80GB, gpus: 64, params: 7e9, tokens: 1e12, pricePerGpuHourUsd: 2 }, FAST);
    expect(ok.memoryFit).toMatchObject({ fits: true, sharded: true });
    expect(ok.warnings).toEqual([]);
    expect(ok.notes.join(' ')).toMatch(/fit only sharded over the 64 GPUs/);
    expect(estimateTraining({ hardware: A100_80GB, gpuHours: 10, pricePerGpuHourUsd: 2 }, FAST).memoryFit).toBeNull();
  });

  it('never splits a device without a link to a second one: 7B on 2 Jetsons is refused', () => {
    expect(() => estimateTraining({ hardware: JETSON_AGX_ORIN, gpus: 2, params: 7e9, tokens: 1e12, pricePerGpuHourUsd: 1 })).toThrow(/^Number of GPUs: must be 1: NVIDIA Jetson AGX Orin 64GB has no link to a second device/);
    expect(estimateTraining({ hardware: JETSON_AGX_ORIN, params: 1e8, tokens: 1e9, pricePerGpuHourUsd: 1 }, FAST).gpuHours).toBeGreaterThan(0);
  });

  it('refuses PUE 10, 1 MW per GPU and 50 kg CO2/kWh, and warns on values outside the usual range', () => {
    const base = { hardware: A100_80GB, params: 7e9, tokens: 1e11, gpus: 8, pricePerGpuHourUsd: 2 };
    expect(() => estimateTraining({ ...base, pue: 10 })).toThrow(/^PUE \(data-centre overhead for cooling and power supply\): must be at most 3, got 10/);
    expect(() => estimateTraining({ ...base, pue: 0.9 })).toThrow(/^PUE \(data-centre overhead for cooling and power supply\): must be at least 1, got 0.9/);
    expect(() => estimateTraining({ ...base, gpuPowerW: 1e6 })).toThrow(/^Power per GPU: must be at most 3,000 W per device/);
    expect(() => estimateTraining({ ...base, gridKgCo2PerKwh: 50 })).toThrow(/^CO2 per kWh of electricity: must be at most 2 kg CO2e\/kWh/);
    const warned = estimateTraining({ ...base, pue: 2.5, gpuPowerW: 900, gridKgCo2PerKwh: 1.5, mfu: 0.8, pricePerGpuHourUsd: 150 }, FAST);
    expect(warned.warnings.map((w) => w.split(' ')[0])).toEqual(['MFU', 'GPU', 'PUE', 'Grid', 'Price']);
    expect(warned.warnings[1]).toMatch(/more than 1\.5 times the NVIDIA A100 SXM 80GB's rated power \(400 W\)/);
    expect(estimateTraining({ ...base, pue: 1.2, gridKgCo2PerKwh: 0.4 }, FAST).warnings).toEqual([]);
  });
});

describe('training estimate properties', () => {
  const params = fc.double({ min: 1e6, max: 1e12, noNaN: true });
  const tokens = fc.double({ min: 1e6, max: 1e14, noNaN: true });
  const price = fc.double({ min: 0.01, max: 100, noNaN: true });
  const gpus = fc.integer({ min: 1, max: 4096 });
  const est = (p: number, t: number, pr: number, g: number) => estimateTraining({ hardware: H100_SXM, params: p, tokens: t, gpus: g, pricePerGpuHourUsd: pr, mfu: 0.4, goodput: 1, gpuPowerW: 700, pue: 1.1 }, { samples: 20 });

  it('more tokens never cost less, take less time or emit less', () => {
    fc.assert(
      fc.property(params, tokens, tokens, price, (p, t1, t2, pr) => {
        const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const a = est(p, lo, pr, 8);
        const b = est(p, hi, pr, 8);
        expect(b.costUsd).toBeGreaterThanOrEqual(a.costUsd);
        expect(b.wallClockHours).toBeGreaterThanOrEqual(a.wallClockHours);
        expect(b.co2Kg).toBeGreaterThanOrEqual(a.co2Kg);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
  it('more GPUs never add GPU-hours at fixed MFU and goodput, and never lengthen the run', () => {
    fc.assert(
      fc.property(params, tokens, gpus, gpus, (p, t, g1, g2) => {
        const [lo, hi] = g1 <= g2 ? [g1, g2] : [g2, g1];
        const a = est(p, t, 2, lo);
        const b = est(p, t, 2, hi);
        expect(b.gpuHours).toBeLessThanOrEqual(a.gpuHours * (1 + 1e-12));
        expect(b.wallClockHours).toBeLessThanOrEqual(a.wallClockHours * (1 + 1e-12));
      }),
      { numRuns: 60, seed: 3 },
    );
  });
  it('a higher MFU never costs more or takes longer', () => {
    fc.assert(
      fc.property(params, tokens, fc.double({ min: 0.05, max: 0.7, noNaN: true }), fc.double({ min: 0.05, max: 0.7, noNaN: true }), (p, t, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const run = (mfu: number) => estimateTraining({ hardware: A100_80GB, params: p, tokens: t, mfu, goodput: 1, pricePerGpuHourUsd: 2, gpuPowerW: 400, pue: 1.1 }, { samples: 20 });
        expect(run(hi).costUsd).toBeLessThanOrEqual(run(lo).costUsd);
        expect(run(hi).wallClockHours).toBeLessThanOrEqual(run(lo).wallClockHours);
      }),
      { numRuns: 40, seed: 3 },
    );
  });
  it('a higher price is never cheaper, and cost = GPU-hours x price (unit consistency)', () => {
    fc.assert(
      fc.property(params, tokens, price, price, (p, t, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const a = est(p, t, lo, 1);
        const b = est(p, t, hi, 1);
        expect(b.costUsd).toBeGreaterThanOrEqual(a.costUsd);
        expect(a.costUsd / (a.gpuHours * lo)).toBeCloseTo(1, 12);
        // kWh = GPU-h x kW x PUE, and wall-clock x GPUs = GPU-hours.
        expect(a.energyKwh / (a.gpuHours * 0.7 * 1.1)).toBeCloseTo(1, 12);
        expect(a.wallClockHours).toBe(a.gpuHours);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
  it('with the default MFU and goodput, more GPUs never cost fewer GPU-hours (bigger runs lose more)', () => {
    fc.assert(
      fc.property(params, tokens, gpus, gpus, (p, t, g1, g2) => {
        const [lo, hi] = g1 <= g2 ? [g1, g2] : [g2, g1];
        const run = (g: number) => estimateTraining({ hardware: H100_SXM, params: p, tokens: t, gpus: g, pricePerGpuHourUsd: 2, gpuPowerW: 700, pue: 1.1 }, { samples: 20 });
        expect(run(hi).gpuHours).toBeGreaterThanOrEqual(run(lo).gpuHours * (1 - 1e-12));
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
