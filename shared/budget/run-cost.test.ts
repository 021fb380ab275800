import { describe, expect, it } from 'vitest';
import { priceRangeForHardware } from '../catalog/catalog-lookup';
import { DEFAULT_CLOUD_GPU_PRICES } from '../catalog/cloud-gpu-prices.data';
import { DEFAULT_HARDWARE } from '../catalog/hardware.data';
import { gpuEnergyFromSeries, integrateWattsKwh } from './power-energy';
import { computeRunCost, runHours, type RunCostInput } from './run-cost';

const H100 = DEFAULT_HARDWARE.find((h) => h.id === 'h100-sxm')!;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

function input(over: Partial<RunCostInput> = {}): RunCostInput {
  return {
    now: T0 + 100 * HOUR,
    status: 'FINISHED',
    startTime: T0,
    endTime: T0 + 10 * HOUR,
    durationS: null,
    hardwareId: 'h100-sxm',
    hardware: { id: H100.id, name: H100.name, tdpW: H100.tdpW, asOf: H100.asOf },
    devices: 8,
    energyKwhMeasured: null,
    systemPower: null,
    manualCost: null,
    perRunPriceUsdMicros: null,
    projectRate: null,
    catalogPrice: { usdPerDeviceHour: 10, source: 'catalog median', asOf: '2025-02-28' },
    project: { currency: 'USD', usdRate: null, usdRateAsOf: null },
    notes: [],
    ...over,
  };
}

describe('computeRunCost', () => {
  it('prices 8 x H100 for 10 h at a $10 catalog price: $800, 61.6 kWh, 29.26 kg CO2', () => {
    // The catalog's default H100 price comes from the price rule (shared/catalog/price-selection.ts);
    // it is its own P50 that the run cost uses.
    const range = priceRangeForHardware(DEFAULT_CLOUD_GPU_PRICES, 'h100-sxm')!;
    expect(range.p50).toBeGreaterThan(range.p10);
    const c = computeRunCost(input({ catalogPrice: { usdPerDeviceHour: 10, source: 'median', asOf: '2025-02-28' } }));
    expect(c).toMatchObject({ costCents: 80_000, costUsdCents: 80_000, currency: 'USD', basis: 'catalog', hours: 10, hoursBasis: 'start-end', priceAsOf: '2025-02-28', energyBasis: 'estimated', unknownReason: null });
    // 700 W x 8 x 10 h x PUE 1.1 = 61.6 kWh; x 0.475 kg/kWh = 29.26 kg.
    expect(c.energyKwh).toBeCloseTo(61.6, 10);
    expect(c.co2Kg).toBeCloseTo(29.26, 10);
    expect(c.assumptions.map((a) => a.name)).toEqual(['hours', 'pricePerDeviceHour', 'devicePower', 'pue', 'gridKgCo2PerKwh']);
  });

  it('prefers the per-run price over the project rate over the catalog', () => {
    const rate = { micros: 2_500_000, currency: 'USD', asOf: '2026-10-01', note: 'reserved cluster' };
    expect(computeRunCost(input({ projectRate: rate }))).toMatchObject({ basis: 'project-rate', costCents: 20_000, priceAsOf: '2026-10-01' });
    expect(computeRunCost(input({ projectRate: rate, perRunPriceUsdMicros: 1_990_000 }))).toMatchObject({ basis: 'per-run-price', costCents: 15_920 });
  });

  it('lets a manual cost override everything', () => {
    const c = computeRunCost(input({ manualCost: { cents: 12_345, currency: 'USD' }, perRunPriceUsdMicros: 1_000_000 }));
    expect(c).toMatchObject({ basis: 'manual', costCents: 12_345, costUsdCents: 12_345 });
  });

  it('converts USD into the project currency with its dated rate, and refuses to mix without one', () => {
    const eur = { currency: 'EUR', usdRate: 0.9, usdRateAsOf: '2026-11-15' };
    expect(computeRunCost(input({ project: eur }))).toMatchObject({ costCents: 72_000, costUsdCents: 80_000, currency: 'EUR' });
    const noRate = computeRunCost(input({ project: { currency: 'EUR', usdRate: null, usdRateAsOf: null } }));
    expect(noRate).toMatchObject({ costCents: null, costUsdCents: 80_000, basis: 'catalog' });
    expect(noRate.unknownReason).toBe("the project counts in EUR and has no exchange rate from US dollars yet; set how many EUR one US dollar buys on the project's Budget page");
    // A negotiated rate in the project currency needs no conversion, but its USD figure does.
    const eurRate = computeRunCost(input({ project: { currency: 'EUR', usdRate: null, usdRateAsOf: null }, projectRate: { micros: 3_000_000, currency: 'EUR', asOf: '2026-01-01', note: '' } }));
    expect(eurRate).toMatchObject({ costCents: 24_000, costUsdCents: null, unknownReason: null });
  });

  it('takes hours from the explicit duration, else end - start, else the clock for a running run', () => {
    expect(runHours({ now: 0, status: 'FINISHED', startTime: T0, endTime: T0 + HOUR, durationS: 1800 })).toEqual({ hours: 0.5, basis: 'duration' });
    const running = computeRunCost(input({ status: 'RUNNING', endTime: null, now: T0 + 2 * HOUR }));
    expect(running).toMatchObject({ hours: 2, hoursBasis: 'running', costCents: 16_000, costCentsPerHour: 8_000, costUsdCentsPerHour: 8_000 });
    expect(running.energyKwhPerHour).toBeCloseTo(6.16, 10);
    const noTimes = computeRunCost(input({ status: 'FINISHED', endTime: null }));
    expect(noTimes).toMatchObject({ costCents: null, hoursBasis: 'unknown', energyBasis: 'unknown' });
    expect(noTimes.unknownReason).toBe('the run has no duration: give one, or start and end times');
  });

  it('says why when the hardware is unknown, and still counts a per-run price', () => {
    const unknown = computeRunCost(input({ hardwareId: 'h100', hardware: null, catalogPrice: null }));
    expect(unknown).toMatchObject({ basis: 'unknown', costCents: null, energyBasis: 'unknown' });
    expect(unknown.unknownReason).toBe('hardware "h100" is not in the catalog: pick a catalog device, add it, or set a price per device-hour');
    const none = computeRunCost(input({ hardwareId: null, hardware: null, catalogPrice: null, devices: null }));
    expect(none.unknownReason).toMatch(/^hardware unknown/);
    const priced = computeRunCost(input({ hardwareId: null, hardware: null, catalogPrice: null, devices: null, perRunPriceUsdMicros: 4_000_000 }));
    expect(priced).toMatchObject({ basis: 'per-run-price', costCents: 4_000 });
    expect(priced.assumptions.find((a) => a.name === 'devices')).toMatchObject({ value: 1 });
  });

  it('uses measured kWh first, then GPU power series, then the device estimate', () => {
    expect(computeRunCost(input({ energyKwhMeasured: 50 }))).toMatchObject({ energyKwh: 50, energyBasis: 'measured-kwh' });
    const c = computeRunCost(input({ systemPower: { kwh: 10, gpus: 2, points: 100 } }));
    expect(c.energyBasis).toBe('system-metrics');
    expect(c.energyKwh).toBeCloseTo(11, 10); // x PUE 1.1
    expect(c.co2Kg).toBeCloseTo(11 * 0.475, 10);
  });
});

describe('GPU power integration', () => {
  it('integrates a fixed power series by the trapezoid rule', () => {
    // 0 -> 300 W over the first hour (area 150 Wh), then 300 W flat for an hour (300 Wh): 0.45 kWh.
    expect(integrateWattsKwh([0, HOUR, 2 * HOUR], [0, 300, 300])).toBeCloseTo(0.45, 12);
    // Unsorted input and a NaN gap give the same answer.
    expect(integrateWattsKwh([2 * HOUR, 0, HOUR / 2, HOUR], [300, 0, Number.NaN, 300])).toBeCloseTo(0.45, 12);
    expect(integrateWattsKwh([0], [500])).toBe(0);
  });

  it('sums the GPUs and ignores other system metrics', () => {
    const e = gpuEnergyFromSeries([
      { key: 'system/gpu_0_power_usage_watts', timestamps: [0, HOUR], values: [200, 200] },
      { key: 'system/gpu_1_power_usage_watts', timestamps: [0, HOUR], values: [100, 300] },
      { key: 'system/gpu_0_utilization_percentage', timestamps: [0, HOUR], values: [90, 95] },
    ]);
    expect(e).toEqual({ kwh: 0.4, gpus: 2, points: 4 });
    expect(gpuEnergyFromSeries([{ key: 'system/cpu_utilization_percentage', timestamps: [0, 1], values: [1, 1] }])).toBeNull();
  });
});
