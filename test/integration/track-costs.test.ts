import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../shared/catalog/cloud-gpu-prices.data';
import type { CloudGpuPriceRow } from '../../shared/catalog/catalog-types';
import { catalogP50, runCents } from '../support/catalog-price';
import { HOUR, NOW, T0, trackBackend, type TrackBackend } from './track-support';

/**
 * What each run cost, materialized on the run and recomputed whenever an input changes. Known
 * answers: the catalog's default H100 SXM price is the weighted median of its on-demand rows by
 * the price rule (shared/catalog/price-selection.ts, tested against its own known answers):
 * about $6.79 once the pre-cut AWS row is left out. 700 W x 8 x 10 h x PUE 1.1 is 61.6 kWh, and
 * x 0.475 kg/kWh 29.26 kg CO2e.
 */
const H100x8 = { 'tally.hardware': 'h100-sxm', 'tally.devices': '8' };
const priceOf = (rows: readonly CloudGpuPriceRow[]) => catalogP50('h100-sxm', rows);
const CATALOG_P50 = priceOf(DEFAULT_CLOUD_GPU_PRICES);
const cents = runCents;

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
    expect(CATALOG_P50).toBeGreaterThan(6.7);
    expect(CATALOG_P50).toBeLessThan(6.9);
    expect(r).toMatchObject({ costCents: cents(CATALOG_P50, 8, 10), costUsdCents: cents(CATALOG_P50, 8, 10), currency: 'USD', costBasis: 'catalog', hours: 10, hoursBasis: 'start-end', energyBasis: 'estimated' });
    expect(r.energyKwh).toBeCloseTo(61.6, 9);
    expect(r.co2Kg).toBeCloseTo(29.26, 9);
    expect(r.cost).toMatchObject({ priceAsOf: '2025-02-28', pricePerDeviceHour: { amount: Math.round(CATALOG_P50 * 1e6) / 1e6, currency: 'USD' } });
    expect(r.cost.priceSource).toMatch(/^median of catalog on-demand prices for h100-sxm, lowest \/ weighted median \/ highest of 4 providers/);
    expect(r.cost.priceSource).toMatch(/left out: AWS 12\.29/);
  });

  it('recomputes when the run, its tags or its compute change', async () => {
    const { r } = await h100Run();
    const id = r.id;
    await t.ok('runs.setTag', { runId: id, key: 'tally.devices', value: '4' });
    expect((await t.ok('runs.get', { id })).costCents).toBe(cents(CATALOG_P50, 4, 10));
    await t.ok('runs.setTag', { runId: id, key: 'tally.price_per_device_hour', value: '2.50' });
    expect(await t.ok('runs.get', { id })).toMatchObject({ costCents: 10_000, costBasis: 'per-run-price' });
    await t.ok('runs.deleteTag', { runId: id, key: 'tally.price_per_device_hour' });
    expect((await t.ok('runs.get', { id })).costBasis).toBe('catalog');
    await t.ok('runs.update', { id, patch: { endTime: T0 + 5 * HOUR } });
    expect((await t.ok('runs.get', { id })).costCents).toBe(cents(CATALOG_P50, 4, 5));
    const explicit = await t.ok('runs.setCompute', { id, compute: { durationS: 3600, energyKwhMeasured: 3 } });
    expect(explicit).toMatchObject({ hours: 1, hoursBasis: 'duration', costCents: cents(CATALOG_P50, 4, 1), energyKwh: 3, energyBasis: 'measured-kwh' });
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
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(cents(CATALOG_P50, 8, 10));
    expect((await t.err('rates.delete', { projectId: p.id, hardwareId: 'h100-sxm' })).code).toBe('NOT_FOUND');
    expect(t.events.filter((e) => e.type === 'ledger.changed')).toHaveLength(3);
  });

  it('shows costs in the project currency with its dated USD rate, and never mixes without one', async () => {
    const { p, r } = await h100Run({ currency: 'EUR' });
    const usd = cents(CATALOG_P50, 8, 10);
    expect(r).toMatchObject({ costCents: null, costUsdCents: usd, currency: 'EUR' });
    expect(r.costUnknownReason).toBe("the project counts in EUR and has no exchange rate from US dollars yet; set how many EUR one US dollar buys on the project's Budget page");
    const withRate = await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.9 } });
    expect(withRate).toMatchObject({ usdRate: 0.9, usdRateAsOf: '2026-11-30' });
    const eur = (rate: number) => runCents(CATALOG_P50, 8, 10, rate);
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(eur(0.9));
    await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.95, usdRateAsOf: '2026-11-15' } });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(eur(0.95));
    // A new currency without a new rate drops the old rate: EUR per USD means nothing for GBP.
    const gbp = await t.ok('projects.update', { id: p.id, patch: { currency: 'GBP' } });
    expect(gbp.usdRate).toBeUndefined();
    expect(await t.ok('runs.get', { id: r.id })).toMatchObject({ costCents: null, currency: 'GBP' });
    await t.ok('projects.update', { id: p.id, patch: { currency: 'USD' } });
    expect(await t.ok('runs.get', { id: r.id })).toMatchObject({ costCents: usd, currency: 'USD' });
  });

  it('recomputes after a catalog edit of the device or its prices', async () => {
    const { r } = await h100Run();
    const quote: CloudGpuPriceRow = { id: 'h100-sxm@mycloud', hardwareId: 'h100-sxm', provider: 'MyCloud', region: 'eu', pricingModel: 'on-demand', usdPerGpuHour: 1, source: 'quote', asOf: '2026-11-01', confidence: 'verified' };
    await t.ok('catalog.upsert', { kind: 'cloud-gpu-price', row: quote });
    // A fresh $1 quote outweighs the 2025 rows (each counts about a third): the median drops below $3.
    const withQuote = priceOf([...DEFAULT_CLOUD_GPU_PRICES, quote]);
    expect(withQuote).toBeLessThan(2.99);
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(cents(withQuote, 8, 10));
    await t.ok('catalog.delete', { kind: 'cloud-gpu-price', id: 'h100-sxm@mycloud' });
    expect((await t.ok('runs.get', { id: r.id })).costCents).toBe(cents(CATALOG_P50, 8, 10));
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
    const two = cents(CATALOG_P50, 8, 2);
    const oneAndHalf = cents(CATALOG_P50, 8, 1.5);
    expect(running).toMatchObject({ status: 'RUNNING', hours: 2, hoursBasis: 'running', costCents: two });
    const finished = await t.run(e.id, { hours: 1.5, tags: H100x8 });
    expect(finished.costCents).toBe(oneAndHalf);
    const byCost = await t.ok('runs.list', { projectId: p.id, orderBy: [{ kind: 'attribute', key: 'cost', ascending: false }] });
    expect(byCost.runs.map((x) => [x.id, x.costCents])).toEqual([[running.id, two], [finished.id, oneAndHalf]]);
    const over = await t.ok('runs.list', { projectId: p.id, filter: [{ kind: 'attribute', key: 'cost', op: '>', value: (two + oneAndHalf) / 2 }] });
    expect(over.runs.map((x) => x.id)).toEqual([running.id]);
    const spend = await t.ok('ledger.list', { projectId: p.id });
    expect(spend.runs.map((x) => [x.runId, x.running, x.costCents, x.costCentsPerHour])).toEqual([[finished.id, false, oneAndHalf, null], [running.id, true, two, (Math.round(CATALOG_P50 * 1e6) * 8) / 1e4]]);
  });
});
