import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, NOW, T0, trackBackend, type TrackBackend } from './track-support';

/**
 * What each run cost, materialized on the run and recomputed whenever an input changes. Known
 * answers: the catalog's on-demand H100 SXM prices are 2.99, 3.29, 10.00, 11.06 and 12.29 USD
 * per GPU-hour (median 10.00), so 8 x H100 for 10 h is $800; 700 W x 8 x 10 h x PUE 1.1 is
 * 61.6 kWh, and x 0.475 kg/kWh 29.26 kg CO2e.
 */
const H100x8 = { 'tally.hardware': 'h100-sxm', 'tally.devices': '8' };

describe('run costs follow every input', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  async function h100Run(extra: Record<string, unknown> = {}) {
    t = trackBackend();
    const p = await t.project('Costs', extra);
    const e = await t.experiment(p.id);
    const r = await t.run(e.id, { hours: 10, tags: H100x8 });
    return { p, e, r };
  }

  it('prices 8 x H100 for 10 h at the catalog median, with energy and CO2', async () => {
    const { r } = await h100Run();
    expect(r).toMatchObject({ costCents: 80_000, costUsdCents: 80_000, currency: 'USD', costBasis: 'catalog', hours: 10, hoursBasis: 'start-end', energyBasis: 'estimated' });
    expect(r.energyKwh).toBeCloseTo(61.6, 9);
    expect(r.co2Kg).toBeCloseTo(29.26, 9);
    expect(r.cost).toMatchObject({ priceAsOf: '2025-02-28', pricePerDeviceHour: { amount: 10, currency: 'USD' } });
    expect(r.cost.priceSource).toMatch(/^median of catalog on-demand prices for h100-sxm, lowest \/ median \/ highest of 5 providers/);
  });

  it('recomputes when the run, its tags or its compute change', async () => {
    const { r } = await h100Run();
    const id = r.id;
    await t.ok('runs.setTag', { runId: id, key: 'tally.devices', value: '4' });
    expect((await t.ok('runs.get', { id })).costCents).toBe(40_000);
    await t.ok('runs.setTag', { runId: id, key: 'tally.price_per_device_hour', value: '2.50' });
    expect(await t.ok('runs.get', { id })).toMatchObject({ costCents: 10_000, costBasis: 'per-run-price' });
    await t.ok('runs.deleteTag', { runId: id, key: 'tally.price_per_device_hour' });
    expect((await t.ok('runs.get', { id })).costBasis).toBe('catalog');
    await t.ok('runs.update', { id, patch: { endTime: T0 + 5 * HOUR } });
    expect((await t.ok('runs.get', { id })).costCents).toBe(20_000);
    const explicit = await t.ok('runs.setCompute', { id, compute: { durationS: 3600, energyKwhMeasured: 3 } });
    expect(explicit).toMatchObject({ hours: 1, hoursBasis: 'duration', costCents: 4_000, energyKwh: 3, energyBasis: 'measured-kwh' });
    expect(explicit.co2Kg).toBeCloseTo(1.425, 12);
    const manual = await t.ok('runs.setCompute', { id, compute: { manualCostCents: 12_345 } });
    expect(manual).toMatchObject({ costCents: 12_345, costBasis: 'manual' });
    expect(manual.compute).toMatchObject({ manualCostCents: 12_345, manualCostCurrency: 'USD' });
    expect((await t.ok('runs.setCompute', { id, compute: { manualCostCents: null, hardwareId: 'a100-80gb', devices: 2 } })).costBasis).toBe('catalog');
  });

  it("prefers the project's negotiated rate to the catalog, and follows it when it changes or goes", async () => {
    const { p, r } = await h100Run();
    const rate = await t.ok('rates.set', { projectId: p.id, hardwareId: 'H100-SXM', pricePerDeviceHour: 2.5, note: 'reserved', asOf: '2026-10-01' });
    expect(rate).toEqual({ projectId: p.id, hardwareId: 'h100-sxm', hardwareName: 'NVIDIA H100 SXM5 80GB', pricePerDeviceHour: 2.5, currency: 'USD', note: 'reserved', asOf: '2026-10-01', updatedAt: NOW });
    const priced = await t.ok('runs.get', { id: r.id });
    expect(priced).toMatchObject({ costCents: 20_000, costBasis: 'project-rate' });
    expect(priced.cost).toMatchObject({ priceSource: "project's negotiated rate for h100-sxm (reserved)", priceAsOf: '2026-10-01' });
    await t.ok('rates.set', { projectId: p.id, hardwareId: 'h100-sxm', pricePerDeviceHour: 3 });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(24_000);
    expect(await t.ok('rates.list', { projectId: p.id })).toHaveLength(1);
    await t.ok('rates.delete', { projectId: p.id, hardwareId: 'h100-sxm' });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(80_000);
    expect((await t.err('rates.delete', { projectId: p.id, hardwareId: 'h100-sxm' })).code).toBe('NOT_FOUND');
    expect(t.events.filter((e) => e.type === 'ledger.changed')).toHaveLength(3);
  });

  it('shows costs in the project currency with its dated USD rate, and never mixes without one', async () => {
    const { p, r } = await h100Run({ currency: 'EUR' });
    expect(r).toMatchObject({ costCents: null, costUsdCents: 80_000, currency: 'EUR' });
    expect(r.costUnknownReason).toBe('the project is in EUR and has no USD exchange rate; set one on the project');
    const withRate = await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.9 } });
    expect(withRate).toMatchObject({ usdRate: 0.9, usdRateAsOf: '2026-11-30' });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(72_000);
    await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.95, usdRateAsOf: '2026-11-15' } });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(76_000);
    // A new currency without a new rate drops the old rate: EUR per USD means nothing for GBP.
    const gbp = await t.ok('projects.update', { id: p.id, patch: { currency: 'GBP' } });
    expect(gbp.usdRate).toBeUndefined();
    expect(await t.ok('runs.get', { id: r.id })).toMatchObject({ costCents: null, currency: 'GBP' });
    await t.ok('projects.update', { id: p.id, patch: { currency: 'USD' } });
    expect(await t.ok('runs.get', { id: r.id })).toMatchObject({ costCents: 80_000, currency: 'USD' });
  });

  it('recomputes after a catalog edit of the device or its prices', async () => {
    const { r } = await h100Run();
    await t.ok('catalog.upsert', { kind: 'cloud-gpu-price', row: { id: 'h100-sxm@mycloud', hardwareId: 'h100-sxm', provider: 'MyCloud', region: 'eu', pricingModel: 'on-demand', usdPerGpuHour: 1, source: 'quote', asOf: '2026-11-01', confidence: 'verified' } });
    // Six prices now: 1, 2.99, 3.29, 10, 11.06, 12.29 -> median (3.29 + 10) / 2 = 6.645.
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(53_160);
    await t.ok('catalog.delete', { kind: 'cloud-gpu-price', id: 'h100-sxm@mycloud' });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(80_000);
    const hw = (await t.ok('catalog.get', { kind: 'hardware', id: 'h100-sxm' })).entry.row;
    await t.ok('catalog.upsert', { kind: 'hardware', row: { ...hw, tdpW: 350 } });
    expect((await t.ok('runs.get', { id: r.id })).energyKwh).toBeCloseTo(30.8, 9);
    await t.ok('catalog.reset', { kind: 'hardware', id: 'h100-sxm' });
    expect((await t.ok('runs.get', { id: r.id })).energyKwh).toBeCloseTo(61.6, 9);
  });

  it('measures energy from MLflow GPU power metrics (trapezoid, summed over GPUs, x PUE)', async () => {
    const { r } = await h100Run();
    const power = (gpu: number, watts: number[]) => watts.map((w, i) => ({ key: `system/gpu_${gpu}_power_usage_watts`, value: w, timestamp: T0 + (i * HOUR) / 2, step: i }));
    await t.ok('runs.logBatch', { runId: r.id, metrics: [...power(0, [300, 300, 300]), ...power(1, [0, 200, 400]), { key: 'system/gpu_0_utilization_percentage', value: 99, timestamp: T0, step: 0 }] });
    const d = await t.ok('runs.get', { id: r.id });
    // GPU 0: 300 W for 1 h = 0.3 kWh; GPU 1: (0+200)/2 x 0.5 h + (200+400)/2 x 0.5 h = 0.2 kWh; x 1.1.
    expect(d.energyBasis).toBe('system-metrics');
    expect(d.energyKwh).toBeCloseTo(0.55, 12);
    expect(d.co2Kg).toBeCloseTo(0.55 * 0.475, 12);
    expect(d.cost.assumptions.find((a) => a.name === 'gpuEnergy')?.source).toBe('measured: trapezoid integral of 2 GPU power series (system/gpu_<i>_power_usage_watts, 6 points)');
  });

  it("counts a running run's cost so far on the clock, in the row and in SQL sorting", async () => {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id);
    const running = await t.run(e.id, { tags: H100x8, startTime: Date.parse(NOW) - 2 * HOUR });
    expect(running).toMatchObject({ status: 'RUNNING', hours: 2, hoursBasis: 'running', costCents: 16_000 });
    const finished = await t.run(e.id, { hours: 1.5, tags: H100x8 });
    expect(finished.costCents).toBe(12_000);
    const byCost = await t.ok('runs.list', { projectId: p.id, orderBy: [{ kind: 'attribute', key: 'cost', ascending: false }] });
    expect(byCost.runs.map((x) => [x.id, x.costCents])).toEqual([[running.id, 16_000], [finished.id, 12_000]]);
    const over = await t.ok('runs.list', { projectId: p.id, filter: [{ kind: 'attribute', key: 'cost', op: '>', value: 15_000 }] });
    expect(over.runs.map((x) => x.id)).toEqual([running.id]);
    const spend = await t.ok('ledger.list', { projectId: p.id });
    expect(spend.runs.map((x) => [x.runId, x.running, x.costCents, x.costCentsPerHour])).toEqual([[finished.id, false, 12_000, null], [running.id, true, 16_000, 8_000]]);
  });
});
