import { describe, expect, it } from 'vitest';
import { validateCatalogRow } from '../../../../shared/catalog';
import type { CatalogEntry } from '../../../../shared/contract/catalog';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../../../shared/catalog';
import { ageBadge, blankRow, catalogListInput, providersByHardware, rentableHardware } from './catalog.selectors';

describe('catalog selectors', () => {
  it('says how old a price is, in warning colour past twelve months', () => {
    expect(ageBadge(0, '2026-11-30')).toEqual({ text: 'today', stale: false, title: 'As of 2026-11-30' });
    expect(ageBadge(12, '2026-11-18').text).toBe('12 days old');
    expect(ageBadge(200, '2026-05')).toMatchObject({ text: '6 months old', stale: false });
    expect(ageBadge(609, '2025-03-30')).toMatchObject({ text: '20 months old', stale: true });
    expect(ageBadge(1200, '2023-08')).toMatchObject({ text: '3 years old', stale: true });
    expect(ageBadge(null, 'soon')).toMatchObject({ text: 'date unknown', stale: true });
  });

  it('a blank row of each kind is refused only for its required blanks', () => {
    const r = validateCatalogRow('grid-intensity', blankRow('grid-intensity', '2026-11-30'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['id', 'kgCo2PerKwh', 'region', 'source']);
  });

  it('offers as alternatives only hardware with an on-demand rental price', () => {
    const entries = DEFAULT_CLOUD_GPU_PRICES.map((row) => ({ kind: 'cloud-gpu-price', row, origin: 'default', ageInDays: 1, updatedAt: null }) as CatalogEntry);
    const ids = rentableHardware(entries);
    expect(ids.has('a100-80gb')).toBe(true);
    const onlyCommitted = entries.filter((e) => e.kind === 'cloud-gpu-price' && e.row.pricingModel !== 'on-demand');
    expect(rentableHardware(onlyCommitted).size).toBe(0);
  });

  it('trims the search and leaves a blank one out of the catalog.list input', () => {
    expect(catalogListInput('hardware', '  ')).toEqual({ kind: 'hardware' });
    expect(catalogListInput('cloud-gpu-price', ' a100 ')).toEqual({ kind: 'cloud-gpu-price', search: 'a100' });
  });

  it('lists the providers that rent each device on demand, for the wizard\'s provider choice', () => {
    const entries = DEFAULT_CLOUD_GPU_PRICES.map((row) => ({ kind: 'cloud-gpu-price', row, origin: 'default', ageInDays: 1, updatedAt: null }) as CatalogEntry);
    const p = providersByHardware(entries);
    expect(p['h100-sxm']).toEqual(['AWS', 'GCP', 'Lambda', 'Oracle', 'RunPod']);
    expect(p['a100-40gb']).toEqual(['AWS', 'Lambda']);
    expect(p['raspberry-pi-5']).toBeUndefined();
  });
});
