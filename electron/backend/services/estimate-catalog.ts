import { priceRangeForHardware } from '../../../shared/catalog/catalog-lookup';
import type { Catalog, HardwareRow } from '../../../shared/catalog/catalog-types';
import type { Assumption } from '../../../shared/budget/assumption';
import type { Uncertain } from '../../../shared/budget/uncertain-value';
import { invalidInput } from '../../../shared/domain/errors';

/**
 * Lookups of the estimate services in the effective catalog, with the errors a user can act on:
 * an unknown id names the field and lists every valid id.
 */
export function resolveHardware(cat: Catalog, id: string, field: string): HardwareRow {
  const row = cat.hardware.find((h) => h.id === id);
  if (row) return row;
  const valid = cat.hardware.map((h) => h.id).sort();
  throw invalidInput(field, `unknown hardware id "${id}". Valid ids: ${valid.join(', ')}`, { issue: `unknown hardware id "${id}"` });
}

export interface CatalogPrice {
  value: Uncertain;
  source: string;
  /** The oldest as-of date among the rows used: the figure is at least this old. */
  asOf: string;
}

/** On-demand rental prices of a device across providers: lowest, median, highest. */
export function catalogPrice(cat: Catalog, hw: HardwareRow): CatalogPrice | null {
  const range = priceRangeForHardware(cat.cloudGpuPrices, hw.id);
  if (!range) return null;
  const providers = range.rows.map((r) => `${r.provider} ${r.usdPerGpuHour} (${r.asOf})`).join(', ');
  const asOf = range.rows.map((r) => r.asOf).sort()[0] as string;
  const source = range.rows.length === 1 ? `catalog ${range.rows[0]!.id}: ${range.rows[0]!.source}` : `catalog on-demand prices for ${hw.id}, lowest / median / highest of ${range.rows.length} providers: ${providers}`;
  return { value: { p10: range.p10, p50: range.p50, p90: range.p90 }, source, asOf };
}

export function requirePrice(cat: Catalog, hw: HardwareRow, field: string): CatalogPrice {
  const p = catalogPrice(cat, hw);
  if (p) return p;
  throw invalidInput(field, `the catalog has no cloud price for ${hw.id} (${hw.name}); give a price per GPU-hour`, { issue: `no catalog price for ${hw.id}; give one` });
}

export function resolveGrid(cat: Catalog, id: string, field: string): { value: number; source: string; asOf: string } {
  const row = cat.gridIntensities.find((g) => g.id === id);
  if (!row) {
    throw invalidInput(field, `unknown grid region "${id}". Valid ids: ${cat.gridIntensities.map((g) => g.id).sort().join(', ')}`, { issue: `unknown grid region "${id}"` });
  }
  return { value: row.kgCo2PerKwh, source: `catalog ${row.id} (${row.region}): ${row.source}`, asOf: row.asOf };
}

/** Stamps a catalog date on an assumption the estimator produced, when it is there. */
export function dated(a: Assumption | undefined, asOf: string): void {
  if (a) (a as Assumption & { asOf?: string }).asOf = asOf;
}
