import { ageInDays } from '../../../shared/catalog/as-of-date';
import { providersFor, selectPrices } from '../../../shared/catalog/price-selection';
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

/**
 * On-demand rental prices of a device across providers (or from one provider): lowest, weighted
 * median, highest, chosen by the rule of shared/catalog/price-selection.ts. A named provider that
 * does not price the device is INVALID_INPUT on `field`, listing the providers that do.
 */
export function catalogPrice(cat: Catalog, hw: HardwareRow, provider?: string, field = 'provider'): CatalogPrice | null {
  const sel = selectPrices(cat.cloudGpuPrices, hw.id, provider === undefined ? {} : { provider });
  if (!sel && provider !== undefined) {
    const known = providersFor(cat.cloudGpuPrices, hw.id);
    throw invalidInput(field, `the catalog has no on-demand ${hw.id} price from "${provider}"; ${known.length ? `providers that price it: ${known.join(', ')}` : 'no provider prices it'}`, {
      issue: `no ${hw.id} price from "${provider}"`,
    });
  }
  if (!sel) return null;
  const used = sel.used.map((u) => `${u.row.provider} ${u.row.usdPerGpuHour} (${u.row.asOf})`).join(', ');
  const left = sel.dropped.length ? `; left out: ${sel.dropped.map((d) => `${d.row.provider} ${d.row.usdPerGpuHour}, ${d.reason}`).join('; ')}` : '';
  const note = sel.note ? `; ${sel.note}` : '';
  const source =
    sel.used.length === 1
      ? `catalog ${sel.used[0]!.row.id}: ${sel.used[0]!.row.source}${left}${note}`
      : `catalog on-demand prices for ${hw.id}, lowest / weighted median / highest of ${sel.used.length} providers: ${used}${left}${note}`;
  return { value: { p10: sel.p10, p50: sel.p50, p90: sel.p90 }, source, asOf: sel.oldestAsOf };
}

export function requirePrice(cat: Catalog, hw: HardwareRow, field: string, provider?: string): CatalogPrice {
  const p = catalogPrice(cat, hw, provider);
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

/**
 * Stamps a catalog date on an assumption the estimator produced, when it is there, and how many
 * days old it is on `today` (the backend's clock), so every host can print the age next to the
 * figure without a clock of its own.
 */
export function dated(a: Assumption | undefined, asOf: string, today?: string): void {
  if (!a) return;
  a.asOf = asOf;
  if (today === undefined) return;
  try {
    a.ageDays = ageInDays(asOf, today);
  } catch {
    delete a.ageDays;
  }
}
