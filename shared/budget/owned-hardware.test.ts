import { describe, expect, it } from 'vitest';
import { compareDeployments } from './deployment-comparison';
import { DEFAULT_ELECTRICITY, DEFAULT_WRITE_OFF_MONTHS, ownedRunCost } from './owned-hardware';
import { extrapolatePilot } from './pilot-extrapolation';
import { JETSON_ORIN_NANO, RTX_4090, TEST_DEVICES } from './test-hardware';
import { estimateTraining } from './training-estimate';
import { checkWorkload, type Workload } from './workload';

const FAST = { samples: 400, seed: 7 };
// 1,000 GPU-hours on three RTX 4090s at exactly 450 W each, no overhead: 450 kWh.
const RUN = { hardware: RTX_4090, gpus: 3, gpuHours: 1000, gpuPowerW: 450, pue: 1 } as const;

describe('a run on hardware you already own', () => {
  it('costs its electricity plus the write-off share of the purchase for its GPU-hours (worked numbers)', () => {
    const e = estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: 0.2, purchaseUsd: 1800, writeOffMonths: 24 } }, FAST);
    // 450 kWh x $0.20 = $90; 1,000 GPU-h x $1,800 / (24 x 730 h) = $102.74.
    expect(e.energyKwh).toBeCloseTo(450, 9);
    expect(e.ownedCost?.electricityUsd).toBeCloseTo(90, 9);
    expect(e.ownedCost?.writeOffUsd).toBeCloseTo((1000 * 1800) / (24 * 730), 9);
    expect(e.costUsd).toBeCloseTo(90 + 102.739726, 5);
    // Every input is certain here, so the range is the figure itself.
    expect(e.range.p10.costUsd).toBeCloseTo(e.costUsd, 9);
    expect(e.range.p90.costUsd).toBeCloseTo(e.costUsd, 9);
    expect(e.wallClockHours).toBeCloseTo(1000 / 3, 9);
    expect(e.assumptions.pricePerGpuHourUsd).toBeUndefined();
    expect(e.assumptions.writeOffMonths).toMatchObject({ value: 24, unit: 'months' });
    expect(e.assumptions.purchaseUsd).toMatchObject({ value: 1800, unit: 'USD per device', source: 'user input' });
  });

  it('an already-paid device costs only its electricity, and a price of 0 is a valid answer', () => {
    const paid = estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: 0.2 } }, FAST);
    expect(paid.costUsd).toBeCloseTo(90, 9);
    expect(paid.ownedCost).toEqual({ electricityUsd: expect.closeTo(90, 9) as number, writeOffUsd: 0 });
    expect(paid.assumptions.purchaseUsd?.value).toBe('already paid');
    expect(paid.assumptions.writeOffMonths).toBeUndefined();
    const free = estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: 0, purchaseUsd: 0 } }, FAST);
    expect(free.costUsd).toBe(0);
    expect(free.range.p90.costUsd).toBe(0);
  });

  it('writes the purchase off over 36 months by default and names where that comes from', () => {
    const e = estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: 0, purchaseUsd: 1800 } }, FAST);
    expect(DEFAULT_WRITE_OFF_MONTHS).toBe(36);
    expect(e.costUsd).toBeCloseTo((1000 * 1800) / (36 * 730), 9);
    expect(e.assumptions.writeOffMonths?.source).toMatch(/^Tally judgement: 3 years/);
  });

  it('without a tariff uses the dated EIA default with its range, and the electricity price then moves the cost', () => {
    const e = estimateTraining({ ...RUN, owned: {} }, FAST);
    expect(e.costUsd).toBeCloseTo(450 * DEFAULT_ELECTRICITY.value.p50, 9);
    expect(e.range.p10.costUsd).toBeLessThan(e.costUsd);
    expect(e.range.p90.costUsd).toBeGreaterThan(e.costUsd);
    expect(e.assumptions.electricityUsdPerKwh).toMatchObject({ value: 0.17, unit: 'USD/kWh', asOf: '2024-04', range: { p10: 0.08, p90: 0.3 } });
    expect(e.assumptions.electricityUsdPerKwh?.source).toMatch(/US EIA Electricity Monthly Update \(April 2024\)/);
    expect(e.sensitivity.map((s) => s.input)).toEqual(['electricityUsdPerKwh']);
    expect(e.sensitivity[0]).toMatchObject({ outputAtInputLow: expect.closeTo(450 * 0.08, 9) as number, outputAtInputHigh: expect.closeTo(450 * 0.3, 9) as number });
  });

  it('from model and data size, the cost follows the GPU-hours the estimate finds', () => {
    const e = estimateTraining({ hardware: RTX_4090, gpus: 3, params: 1e9, tokens: 20e9, gpuPowerW: 450, pue: 1, owned: { electricityUsdPerKwh: 0.25, purchaseUsd: 2000, writeOffMonths: 36 } }, FAST);
    const expected = ownedRunCost(e.energyKwh, e.gpuHours, 0.25, { purchaseUsd: 2000, writeOffMonths: 36 });
    expect(e.costUsd).toBeCloseTo(expected.totalUsd, 9);
    expect(e.energyKwh).toBeCloseTo((e.gpuHours * 450) / 1000, 9);
    expect(e.range.p10.costUsd).toBeLessThan(e.range.p90.costUsd);
  });

  it('refuses a rental price beside owned GPUs, asks for one without, and refuses negative prices', () => {
    expect(() => estimateTraining({ ...RUN, pricePerGpuHourUsd: 2, owned: {} }, FAST)).toThrow(/^owned excludes pricePerGpuHourUsd/);
    expect(() => estimateTraining({ ...RUN }, FAST)).toThrow(/^Price per GPU-hour: is required unless the GPUs are owned/);
    expect(() => estimateTraining({ ...RUN, owned: { purchaseUsd: -1 } }, FAST)).toThrow(/^owned.purchaseUsd must be zero or a positive number/);
    expect(() => estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: -0.1 } }, FAST)).toThrow(/^owned.electricityUsdPerKwh must not be negative/);
    expect(() => estimateTraining({ ...RUN, owned: { purchaseUsd: 100, writeOffMonths: 0 } }, FAST)).toThrow(/^owned.writeOffMonths must be a positive number/);
    const dear = estimateTraining({ ...RUN, owned: { electricityUsdPerKwh: 2 } }, FAST);
    expect(dear.warnings.join(' ')).toMatch(/Electricity price of 2 USD\/kWh is unusually high/);
  });

  it('a pilot run scaled to owned devices is costed the same way (worked numbers)', () => {
    // 1,000 items in 10 s on one 4090; 3.6M items on the same device: 10 hours at the median.
    const r = extrapolatePilot({ pilot: { items: 1000, seconds: 10, hardware: RTX_4090 }, fullItems: 3.6e6, powerW: 450, pue: 1, owned: { electricityUsdPerKwh: 0.2, purchaseUsd: 1800, writeOffMonths: 24 } }, FAST);
    expect(r.wallClockHours).toBeCloseTo(10, 9);
    expect(r.ownedCost?.electricityUsd).toBeCloseTo(4.5 * 0.2, 9);
    expect(r.ownedCost?.writeOffUsd).toBeCloseTo((10 * 1800) / (24 * 730), 9);
    expect(r.costUsd).toBeCloseTo(0.9 + (10 * 1800) / (24 * 730), 9);
    expect(() => extrapolatePilot({ pilot: { items: 1, seconds: 1, hardware: RTX_4090 }, fullItems: 10, pricePerDeviceHourUsd: 1, owned: {} }, FAST)).toThrow(/^owned excludes pricePerDeviceHourUsd/);
  });

  it('the deployment comparison accepts an already-paid device (0) and then charges only electricity', () => {
    const w: Workload = { requestsPerDay: 1000, itemsPerRequest: 1, gflopsPerItem: 8, months: 12, dataSensitivity: 'restricted', options: { owned: { hardwareId: 'jetson-orin-nano', purchaseUsd: 249, electricityUsdPerKwh: 0.2 } } };
    const bought = compareDeployments(w, { hardware: TEST_DEVICES }, FAST).options[0];
    const paid = compareDeployments({ ...w, options: { owned: { hardwareId: 'jetson-orin-nano', purchaseUsd: 0, electricityUsdPerKwh: 0.2 } } }, { hardware: TEST_DEVICES }, FAST);
    const o = paid.options[0];
    // The 12-month workload is shorter than the 36-month life: $249 / 12 a month less.
    expect((bought?.monthlyCostUsd.p50 as number) - (o?.monthlyCostUsd.p50 as number)).toBeCloseTo(249 / 12, 9);
    expect(o?.upfrontUsd).toBe(0);
    expect(o?.monthlyCostUsd.p50).toBeGreaterThan(0);
    expect(paid.assumptions.purchaseUsd?.value).toBe('already paid');
    expect(paid.assumptions.lifeMonths).toBeUndefined();
    expect(JETSON_ORIN_NANO.tdpW).toBe(15);
    expect(checkWorkload({ ...w, options: { owned: { hardwareId: 'x', purchaseUsd: -1 } } })).toMatchObject({ ok: false, issues: [{ path: 'options.owned.purchaseUsd', message: 'must be zero or a positive number' }] });
  });
});
