import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../shared/catalog/cloud-gpu-prices.data';
import { DEFAULT_GRID_INTENSITIES } from '../../shared/catalog/grid-intensities.data';
import { DEFAULT_HARDWARE } from '../../shared/catalog/hardware.data';
import { DEFAULT_LLM_API_PRICES } from '../../shared/catalog/llm-api-prices.data';
import type { Output, ProcedureName } from '../../shared/contract';
import { dispatchErr, dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';

const DEFAULT_COUNT = DEFAULT_HARDWARE.length + DEFAULT_CLOUD_GPU_PRICES.length + DEFAULT_LLM_API_PRICES.length + DEFAULT_GRID_INTENSITIES.length;

const MY_DEVICE = { id: 'lab-box', name: 'Lab box (2 x RTX 4090)', vendor: 'NVIDIA', kind: 'consumer-gpu', bf16Tflops: 100, memoryGb: 24, bandwidthGbs: 1000, tdpW: 500, source: 'our own benchmark', asOf: '2026-10-01', confidence: 'verified' };

describe('catalog procedures: defaults in code, the user rows in SQLite', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  const ok = <N extends ProcedureName>(name: N, input: unknown): Promise<Output<N>> => dispatchOk(t.backend, name, input);
  const err = (name: ProcedureName, input: unknown) => dispatchErr(t.backend, name, input);

  it('lists every built-in row with its age on the backend clock, and filters by kind and search', async () => {
    t = testBackend({ now: '2026-11-30T09:00:00.000Z' });
    const all = await ok('catalog.list', {});
    expect(all).toHaveLength(DEFAULT_COUNT);
    expect(all.every((e) => e.origin === 'default' && e.updatedAt === null)).toBe(true);
    const world = all.find((e) => e.kind === 'grid-intensity' && e.row.id === 'world')!;
    // as of 2019-12 (first day of the month) to 2026-11-30: 2556 days.
    expect(world.ageInDays).toBe(2556);
    const ids = (await ok('catalog.list', { kind: 'hardware', search: 'JETSON' })).map((e) => e.row.id);
    expect(ids).toEqual(['jetson-orin-nano', 'jetson-orin-nano-super', 'jetson-orin-nx-16gb', 'jetson-agx-orin']);
  });

  it('edits a default (the estimate uses it), shows the original, and resets it', async () => {
    t = testBackend();
    const original = DEFAULT_CLOUD_GPU_PRICES.find((p) => p.id === 'h100-sxm@aws')!;
    const edited = await ok('catalog.upsert', { kind: 'cloud-gpu-price', row: { ...original, usdPerGpuHour: 6.88, asOf: '2025-06-10', source: 'AWS price cut, June 2025' } });
    expect(edited).toMatchObject({ origin: 'edited', row: { usdPerGpuHour: 6.88, asOf: '2025-06-10' }, updatedAt: '2026-11-30T09:00:00.000Z' });
    const detail = await ok('catalog.get', { kind: 'cloud-gpu-price', id: 'h100-sxm@aws' });
    expect(detail.defaultRow).toMatchObject({ usdPerGpuHour: 12.29 });

    // Prices are the catalog range unless given: the highest H100 SXM price is now GCP's 11.06.
    const est = await ok('estimate.training', { hardware: 'h100-sxm', gpuHours: 100 });
    expect(est.assumptions.pricePerGpuHourUsd?.range?.p90).toBe(11.06);

    const reset = await ok('catalog.reset', { kind: 'cloud-gpu-price', id: 'h100-sxm@aws' });
    expect(reset).toMatchObject({ origin: 'default', row: { usdPerGpuHour: 12.29 } });
    expect((await ok('catalog.get', { kind: 'cloud-gpu-price', id: 'h100-sxm@aws' })).defaultRow).toBeNull();
  });

  it('adds an own device that estimates can use, and deletes it only once no price names it', async () => {
    t = testBackend();
    const added = await ok('catalog.upsert', { kind: 'hardware', row: MY_DEVICE });
    expect(added.origin).toBe('added');
    const est = await ok('estimate.training', { hardware: 'lab-box', params: 1e9, tokens: 20e9, mfu: 0.5, goodput: 1, pricePerGpuHourUsd: 0.5 });
    expect(est.gpuHours).toBeCloseTo((6 * 1e9 * 20e9) / (100e12 * 0.5 * 3600), 9);
    await ok('catalog.upsert', { kind: 'cloud-gpu-price', row: { id: 'lab-box@us', hardwareId: 'lab-box', provider: 'Us', region: 'office', pricingModel: 'on-demand', usdPerGpuHour: 0.4, source: 'power bill', asOf: '2026-10', confidence: 'derived' } });
    const blocked = await err('catalog.delete', { kind: 'hardware', id: 'lab-box' });
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('lab-box@us');
    await ok('catalog.delete', { kind: 'cloud-gpu-price', id: 'lab-box@us' });
    expect(await ok('catalog.delete', { kind: 'hardware', id: 'lab-box' })).toEqual({ kind: 'hardware', id: 'lab-box' });
    expect((await err('estimate.training', { hardware: 'lab-box', gpuHours: 1, pricePerGpuHourUsd: 1 })).message).toMatch(/unknown hardware id "lab-box"/);
  });

  it('refuses to delete a built-in row, to reset an own row, and a row with a bad field', async () => {
    t = testBackend();
    expect((await err('catalog.delete', { kind: 'hardware', id: 't4' })).code).toBe('CONFLICT');
    await ok('catalog.upsert', { kind: 'hardware', row: MY_DEVICE });
    expect((await err('catalog.reset', { kind: 'hardware', id: 'lab-box' })).code).toBe('CONFLICT');
    const bad = await err('catalog.upsert', { kind: 'hardware', row: { ...MY_DEVICE, id: 'other', memoryGb: -24 } });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toBe('Memory in GB: must be greater than 0');
    expect(bad.issues).toEqual([{ path: 'row.memoryGb', message: 'must be greater than 0' }]);
    const orphan = await err('catalog.upsert', { kind: 'cloud-gpu-price', row: { id: 'x@y', hardwareId: 'nope', provider: 'Y', region: 'r', pricingModel: 'spot', usdPerGpuHour: 1, source: 's', asOf: '2026-01', confidence: 'memory' } });
    expect(orphan.message).toBe('Hardware: price "x@y" names hardware "nope", which is not in the catalog; add the device first');
    expect((await err('catalog.get', { kind: 'hardware', id: 'other' })).code).toBe('NOT_FOUND');
  });

  it('imports CSV all or nothing: a bad row is reported by line and field and nothing changes', async () => {
    t = testBackend();
    const csv = ['id,region,kgCo2PerKwh,source,asOf,confidence,notes', 'office,Our office,0.2,utility bill,2026-10,verified,', 'bad,Bad place,abc,utility bill,2026-10,verified,', 'world,World,0.48,IEA,2024-13,secondary,'].join('\n');
    const e = await err('catalog.import', { format: 'csv', content: csv });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('Import rejected, nothing was changed: Line 3, CO2 per kWh of electricity (kgCo2PerKwh column): must be a number, got "abc" (and 1 more problem)');
    expect(e.issues).toEqual([
      { path: 'line 3.kgCo2PerKwh', message: 'must be a number, got "abc"' },
      { path: 'line 4.asOf', message: 'must be an ISO date yyyy-mm or yyyy-mm-dd' },
    ]);
    expect(e.location).toEqual({ line: 3, field: 'kgCo2PerKwh' });
    expect(await ok('catalog.list', { origin: 'added' })).toEqual([]);
    expect(await ok('catalog.list', { origin: 'edited' })).toEqual([]);

    const good = csv.split('\n').slice(0, 2).concat('world,World (IEA 2024),0.48,IEA,2024-12,secondary,').join('\n');
    expect(await ok('catalog.import', { format: 'csv', content: good })).toEqual({ added: 1, updated: 1, unchanged: 0, byKind: { 'grid-intensity': 2 } });
    expect((await ok('catalog.list', { kind: 'grid-intensity', origin: 'added' })).map((x) => x.row.id)).toEqual(['office']);
  });

  it('imports JSON keyed by kind, naming kind, index and field of a bad row', async () => {
    t = testBackend();
    const content = JSON.stringify({ hardware: [MY_DEVICE, { ...MY_DEVICE, id: 'box-2', bandwidthGbs: 'fast' }] });
    const e = await err('catalog.import', { format: 'json', content });
    expect(e.message).toBe('Import rejected, nothing was changed: hardware row 2, Memory bandwidth in GB/s (bandwidthGbs field): must be a number, got "fast"');
    expect(e.issues).toEqual([{ path: 'hardware[1].bandwidthGbs', message: 'must be a number, got "fast"' }]);
    expect((await err('catalog.import', { format: 'json', content: '{"hardware": [' })).message).toMatch(/^Import rejected, nothing was changed: File: not valid JSON/);
    expect((await err('catalog.import', { format: 'json', content: '{"gpus": []}' })).message).toBe('Import rejected, nothing was changed: File: unknown kind "gpus"; kinds are hardware, cloud-gpu-price, llm-api-price, grid-intensity');
    expect((await err('catalog.import', { format: 'json', content: '{"gpus": []}' })).issues?.[0]?.message).toMatch(/unknown kind "gpus"/);
    expect(await ok('catalog.list', { origin: 'added' })).toEqual([]);
  });

  it('exports CSV and JSON that import back as unchanged', async () => {
    t = testBackend();
    await ok('catalog.upsert', { kind: 'hardware', row: MY_DEVICE });
    const csv = await ok('catalog.export', { format: 'csv', kind: 'hardware' });
    expect(csv.rows).toBe(DEFAULT_HARDWARE.length + 1);
    expect(csv.content.split('\r\n')[0]).toBe('id,name,vendor,kind,fp32Tflops,tf32Tflops,bf16Tflops,fp8Tflops,int8Tops,memoryGb,bandwidthGbs,tdpW,hasBf16,interconnect,memoryType,source,asOf,confidence,notes');
    expect(await ok('catalog.import', { format: 'csv', content: csv.content })).toEqual({ added: 0, updated: 0, unchanged: DEFAULT_HARDWARE.length + 1, byKind: { hardware: DEFAULT_HARDWARE.length + 1 } });
    const mine = await ok('catalog.export', { format: 'json', only: 'user' });
    expect(JSON.parse(mine.content)).toEqual({ hardware: [{ ...MY_DEVICE, fp32Tflops: null, tf32Tflops: null, fp8Tflops: null, int8Tops: null }], 'cloud-gpu-price': [], 'llm-api-price': [], 'grid-intensity': [] });
    const all = await ok('catalog.export', { format: 'json' });
    expect(all.rows).toBe(DEFAULT_COUNT + 1);
    expect((await err('catalog.export', { format: 'csv' })).message).toBe('Kind: A CSV file holds one kind: choose the kind to export');
  });
});
