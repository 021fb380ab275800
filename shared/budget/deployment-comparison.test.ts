import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDeployments } from './deployment-comparison';
import { DAYS_PER_MONTH } from './deployment-options';
import { checkWorkload, type Workload } from './workload';
import { breakEven } from './break-even';
import type { CloudGpuPriceRow } from '../catalog/catalog-types';
import { JETSON_ORIN_NANO, L4, RTX_4090, TEST_DEVICES } from './test-hardware';

const FAST = { samples: 300, seed: 13 };
function price(hardwareId: string, provider: string, usdPerGpuHour: number): CloudGpuPriceRow {
  return { id: `${hardwareId}@${provider.toLowerCase()}`, hardwareId, provider, region: 'us', pricingModel: 'on-demand', usdPerGpuHour, asOf: '2025-03-03', source: 'test', confidence: 'secondary' };
}
const CATALOG = {
  hardware: TEST_DEVICES,
  cloudGpuPrices: [
    price('l4', 'RunPod', 0.43),
    price('a100-80gb', 'RunPod', 1.89),
    price('a100-80gb', 'Azure', 3.67),
    price('a100-80gb', 'Lambda', 5.12),
  ],
  llmApiPrices: [{ id: 'gpt-4o-mini', inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 }],
};
// A support chatbot on a Llama-3-8B-class model (32 layers, 8 KV heads, head dim 128).
const CHATBOT: Workload = {
  requestsPerDay: 1000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  latencyTargetMs: 5000,
  months: 12,
  dataSensitivity: 'internal',
  model: { params: 8e9, layers: 32, kvHeads: 8, headDim: 128 },
  options: { api: { id: 'gpt-4o-mini' }, cloudGpu: { hardwareId: 'l4' }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 2000 } },
};

describe('deployment comparison', () => {
  it('prices the API per token and the rented GPU per always-on hour (worked numbers)', () => {
    const c = compareDeployments(CHATBOT, CATALOG, FAST);
    const api = c.options.find((o) => o.option === 'api');
    const cloud = c.options.find((o) => o.option === 'cloud-gpu');
    const owned = c.options.find((o) => o.option === 'owned');
    // 500 x 0.15/1e6 + 200 x 0.60/1e6 = $0.000195 per request.
    expect(api?.costPerRequestUsd.p50).toBeCloseTo(0.000195, 12);
    expect(api?.monthlyCostUsd.p50).toBeCloseTo(0.000195 * 1000 * DAYS_PER_MONTH, 9);
    // One L4 (an 8B fp16 model fits in 24 GB) kept on: 0.43 x 730 h.
    expect(cloud?.devices).toBe(1);
    expect(cloud?.monthlyCostUsd.p50).toBeCloseTo(0.43 * 730, 9);
    // The 4090 is written off over the 12-month workload (shorter than its 36-month life).
    expect(owned?.monthlyCostUsd.p50).toBeGreaterThan(2000 / 12);
    expect(owned?.upfrontUsd).toBe(2000);
    expect(owned?.dataLeavesMachine).toBe(false);
    expect(api?.dataGoesToThirdParty).toBe(true);
    expect(c.requestsPerMonth).toBeCloseTo(1000 * 730 / 24, 9);
  });

  it('recommends the API at low volume for internal data and says what would change it', () => {
    const c = compareDeployments(CHATBOT, CATALOG, FAST);
    expect(c.recommendation.option).toBe('api');
    expect(c.recommendation.sentence).toMatch(/^Use cloud AI service \(API\): it costs about \$/);
    expect(c.recommendation.sentence).toMatch(/answers within your limit of 5 seconds \(in about [\d.]+ seconds?\)/);
    expect(c.recommendation.sentence).not.toMatch(/\d ms\b/);
    // gpt-4o-mini at $0.000195 a request undercuts an L4 at every volume (one L4 serves ~14k requests a day).
    expect(c.breakEven.find((b) => b.between.includes('api') && b.between.includes('cloud-gpu'))).toMatchObject({ requestsPerDay: null, cheaperBelow: 'api', cheaperAbove: 'api' });
    const be = c.breakEven.find((b) => b.between.includes('api') && b.between.includes('owned'));
    expect(be?.cheaperBelow).toBe('api');
    expect(be?.cheaperAbove).toBe('owned');
    expect(be?.requestsPerDay).toBeGreaterThan(1000);
    expect(c.recommendation.sentence).toMatch(/against about \$1\d\d for your own device \(NVIDIA GeForce RTX 4090\);/);
    expect(c.recommendation.sentence).toMatch(/and it sends your data to the API provider\.$/);
    expect(c.recommendation.whatWouldChange.join(' ')).toMatch(/requests a day/);
    expect(c.costVsVolume).toHaveLength(21);
  });

  it('keeps restricted data on the machine and confidential data away from model APIs', () => {
    const restricted = compareDeployments({ ...CHATBOT, dataSensitivity: 'restricted' }, CATALOG, FAST);
    expect(restricted.recommendation.option).toBe('owned');
    expect(restricted.recommendation.sentence).toMatch(/keeps your data on your own machine/);
    expect(restricted.recommendation.whatWouldChange.slice(0, 2)).toEqual([expect.stringMatching(/^If your data could go to a model provider, cloud AI service/), expect.stringMatching(/^If your data could leave this machine, rented cloud GPU/)]);
    const confidential = compareDeployments({ ...CHATBOT, dataSensitivity: 'confidential' }, CATALOG, FAST);
    expect(confidential.options.find((o) => o.option === 'api')?.allowedBySensitivity).toBe(false);
    expect(confidential.recommendation.option).not.toBe('api');
    const onlyApi = compareDeployments({ ...CHATBOT, dataSensitivity: 'restricted', options: { api: { id: 'gpt-4o-mini' } } }, CATALOG, FAST);
    expect(onlyApi.recommendation.option).toBeNull();
  });

  it('at high volume owning or renting beats paying per token', () => {
    const c = compareDeployments({ ...CHATBOT, requestsPerDay: 2_000_000, latencyTargetMs: undefined }, CATALOG, FAST);
    expect(c.recommendation.option).not.toBe('api');
  });

  it('handles non-LLM workloads priced per item (e.g. image classification on an edge box)', () => {
    const w: Workload = {
      requestsPerDay: 20_000,
      itemsPerRequest: 1,
      gflopsPerItem: 8, // ~4 GFLOP multiply-adds for ResNet-50 (He et al. 2016 Table 1) = 8 GFLOPs
      latencyTargetMs: 200,
      months: 24,
      dataSensitivity: 'public',
      options: { api: { usdPerItem: 0.0015, firstTokenMs: 150 }, owned: { hardwareId: 'jetson-orin-nano', purchaseUsd: 249, electricityUsdPerKwh: 0.2 } },
    };
    const c = compareDeployments(w, CATALOG, FAST);
    const api = c.options.find((o) => o.option === 'api');
    expect(api?.monthlyCostUsd.p50).toBeCloseTo(0.0015 * 20_000 * DAYS_PER_MONTH, 6);
    expect(c.recommendation.option).toBe('owned');
    expect(JETSON_ORIN_NANO.memoryGb).toBe(8);
  });

  it('runs a fully-INT8 model on the INT8 units when asked', () => {
    const w: Workload = { requestsPerDay: 1000, itemsPerRequest: 1, gflopsPerItem: 8, months: 12, dataSensitivity: 'restricted', options: { owned: { hardwareId: 'jetson-orin-nano', purchaseUsd: 249 } } };
    const fp16 = compareDeployments(w, CATALOG, FAST).options[0];
    const int8 = compareDeployments({ ...w, itemsPrecision: 'int8' }, CATALOG, FAST).options[0];
    // Orin Nano: 10 TFLOPS FP16 dense vs 20 TOPS INT8 dense, so compute time halves.
    expect((int8?.latencyMs.p50 as number) < (fp16?.latencyMs.p50 as number)).toBe(true);
  });

  it('rejects a bad workload with every problem and its path, and an unknown id with the valid ones', () => {
    const bad = checkWorkload({ requestsPerDay: -5, months: 'x', dataSensitivity: 'secret', options: {} });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['requestsPerDay', 'months', 'dataSensitivity', 'outputTokensPerRequest', 'options']);
    expect(() => compareDeployments({ ...CHATBOT, options: { cloudGpu: { hardwareId: 'h900' } } }, CATALOG, FAST)).toThrow(/unknown hardware id "h900"; valid ids: a100-40gb, a100-80gb/);
    expect(() => compareDeployments({ ...CHATBOT, options: { cloudGpu: { hardwareId: 'rtx-4090' } } }, CATALOG, FAST)).toThrow(/no on-demand price for rtx-4090/);
    expect(RTX_4090.id).toBe('rtx-4090');
  });

  it('more requests never cost less, and a higher GPU price never makes renting cheaper', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (r1, r2, price) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const run = (r: number, p: number) => compareDeployments({ ...CHATBOT, requestsPerDay: r, options: { ...CHATBOT.options, cloudGpu: { hardwareId: 'l4', usdPerHour: p } } }, CATALOG, { samples: 5 });
        const a = run(lo, price);
        const b = run(hi, price);
        for (const k of [0, 1, 2]) expect(b.options[k]?.monthlyCostUsd.p50).toBeGreaterThanOrEqual((a.options[k]?.monthlyCostUsd.p50 as number) * (1 - 1e-12));
        expect(run(lo, price * 2).options[1]?.monthlyCostUsd.p50).toBeGreaterThan(a.options[1]?.monthlyCostUsd.p50 as number);
      }),
      { seed: 3, numRuns: 25 },
    );
  });

  it('break-even finds the crossing of a flat and a linear cost', () => {
    const b = breakEven('api', (v) => 0.01 * v, 'gpu', () => 300);
    expect(b.requestsPerDay).toBeCloseTo(30_000, 3);
    expect([b.cheaperBelow, b.cheaperAbove]).toEqual(['api', 'gpu']);
    expect(breakEven('a', () => 1, 'b', () => 2).requestsPerDay).toBeNull();
    expect(L4.memoryGb).toBe(24);
  });
});
