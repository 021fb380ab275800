import { describe, expect, it } from 'vitest';
import { CATALOG_KINDS, type CatalogKind } from './catalog-types';
import { defaultCatalog, findHardware, hardwareIds, priceRangeForHardware } from './catalog-lookup';
import { validateCatalogRow } from './validate-catalog-row';
import { catalogReferenceErrors } from './catalog-references';
import { catalogFieldText } from './catalog-issue-text';

const catalog = defaultCatalog();
const rowsByKind: Record<CatalogKind, readonly unknown[]> = {
  hardware: catalog.hardware,
  'cloud-gpu-price': catalog.cloudGpuPrices,
  'llm-api-price': catalog.llmApiPrices,
  'grid-intensity': catalog.gridIntensities,
};

describe('default catalog', () => {
  it('has every device id the CLI promises (issue 3)', () => {
    const ids = hardwareIds(catalog.hardware);
    for (const id of ['h200', 'h100-sxm', 'h100-pcie', 'a100-80gb', 'a100-40gb', 'l40s', 'l4', 'a10g', 't4', 'v100', 'rtx-4090', 'rtx-3090', 'mi300x', 'tpu-v5e', 'jetson-orin-nano', 'jetson-agx-orin', 'raspberry-pi-5', 'coral-edge-tpu', 'apple-m2']) {
      expect(ids).toContain(id);
    }
  });
  it.each(CATALOG_KINDS)('every %s row passes validation and ids are unique', (kind) => {
    const rows = rowsByKind[kind];
    for (const row of rows) {
      const r = validateCatalogRow(kind, row);
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
    const ids = rows.map((r) => (r as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('every price row names a device in the hardware table', () => {
    for (const p of catalog.cloudGpuPrices) expect(findHardware(catalog.hardware, p.hardwareId), p.id).toBeDefined();
    expect(catalogReferenceErrors(catalog)).toEqual([]);
  });
  it('reports dangling price rows and duplicate ids after an edit', () => {
    const edited = defaultCatalog();
    edited.cloudGpuPrices.push({ ...edited.cloudGpuPrices[0]!, id: 'b200@x', hardwareId: 'b200' });
    edited.hardware.push({ ...edited.hardware[0]! });
    expect(catalogReferenceErrors(edited)).toEqual([
      { kind: 'hardware', id: 'h200', field: 'id', message: 'duplicate id "h200"' },
      { kind: 'cloud-gpu-price', id: 'b200@x', field: 'hardwareId', message: 'unknown hardware id "b200"' },
    ]);
  });
  it('stores dense peaks from the reference table, never the sparse marketing figures', () => {
    expect(findHardware(catalog.hardware, 'h100-sxm')?.bf16Tflops).toBe(989.5);
    expect(findHardware(catalog.hardware, 'a100-80gb')?.bf16Tflops).toBe(312);
    expect(findHardware(catalog.hardware, 'l40s')?.bf16Tflops).toBe(362);
    expect(findHardware(catalog.hardware, 'a10g')?.confidence).toBe('uncertain');
  });
  it('takes the price range across providers by the price rule: lowest, weighted median, highest on-demand', () => {
    const r = priceRangeForHardware(catalog.cloudGpuPrices, 'h100-sxm');
    // On-demand H100 SXM rows, 2025-03: RunPod 2.99, Lambda 3.29, Oracle 10.00, GCP 11.06; AWS 12.29
    // predates AWS's June 2025 cut and is left out.
    expect(r).toMatchObject({ p10: 2.99, p90: 11.06 });
    expect(r!.p50).toBeGreaterThan(3.29);
    expect(r!.p50).toBeLessThan(10);
    expect(r!.rows.map((x) => x.provider).sort()).toEqual(['GCP', 'Lambda', 'Oracle', 'RunPod']);
    expect(priceRangeForHardware(catalog.cloudGpuPrices, 'raspberry-pi-5')).toBeNull();
  });

  it('refuses implausible catalog figures on import, saying why (a price in cents, 50 kg CO2 per kWh, 1 MW per GPU)', () => {
    const price = { ...catalog.cloudGpuPrices[0]!, usdPerGpuHour: 1229 };
    const r = validateCatalogRow('cloud-gpu-price', price);
    expect(r.ok ? [] : r.errors.map((e) => catalogFieldText(e.field, e.message))).toEqual([expect.stringMatching(/^Price per GPU-hour: must be at most 500, got 1229: on-demand GPUs cost at most about \$15 an hour/)]);
    const grid = validateCatalogRow('grid-intensity', { ...catalog.gridIntensities[0]!, kgCo2PerKwh: '50' });
    expect(grid.ok ? [] : grid.errors.map((e) => e.field)).toEqual(['kgCo2PerKwh']);
    const hw = validateCatalogRow('hardware', { ...catalog.hardware[0]!, tdpW: 1_000_000 });
    expect(hw.ok ? [] : hw.errors.map((e) => catalogFieldText(e.field, e.message))).toEqual([expect.stringMatching(/^Power draw in watts: must be at most 3,000/)]);
  });

  it('reads the device traits: FP16-only tensor cores, interconnect and memory type', () => {
    expect(findHardware(catalog.hardware, 't4')).toMatchObject({ hasBf16: false, interconnect: 'pcie', memoryType: 'gddr' });
    expect(findHardware(catalog.hardware, 'v100')?.hasBf16).toBe(false);
    const csvRow = { ...catalog.hardware[0]!, hasBf16: 'no', interconnect: 'none', memoryType: 'unified' };
    const ok = validateCatalogRow('hardware', csvRow);
    expect(ok.ok && ok.row).toMatchObject({ hasBf16: false, interconnect: 'none', memoryType: 'unified' });
    const bad = validateCatalogRow('hardware', { ...catalog.hardware[0]!, interconnect: 'ethernet', hasBf16: 'maybe' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field).sort()).toEqual(['hasBf16', 'interconnect']);
  });
});
