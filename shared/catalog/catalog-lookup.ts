import type { HardwareRow, CloudGpuPriceRow, Catalog, PricingModel } from './catalog-types';
import { DEFAULT_HARDWARE } from './hardware.data';
import { DEFAULT_CLOUD_GPU_PRICES } from './cloud-gpu-prices.data';
import { DEFAULT_LLM_API_PRICES } from './llm-api-prices.data';
import { DEFAULT_GRID_INTENSITIES } from './grid-intensities.data';
import { selectPrices, type PriceSelectionOptions } from './price-selection';

/** The built-in catalog, copied so callers can edit their copy freely. */
export function defaultCatalog(): Catalog {
  return {
    hardware: DEFAULT_HARDWARE.map((r) => ({ ...r })),
    cloudGpuPrices: DEFAULT_CLOUD_GPU_PRICES.map((r) => ({ ...r })),
    llmApiPrices: DEFAULT_LLM_API_PRICES.map((r) => ({ ...r })),
    gridIntensities: DEFAULT_GRID_INTENSITIES.map((r) => ({ ...r })),
  };
}

export function findHardware(rows: readonly HardwareRow[], id: string): HardwareRow | undefined {
  return rows.find((r) => r.id === id);
}

/** For "unknown hardware id" messages: the valid ids, sorted. */
export function hardwareIds(rows: readonly HardwareRow[]): string[] {
  return rows.map((r) => r.id).sort();
}

export interface PriceRange {
  p10: number;
  p50: number;
  p90: number;
  /** The rows the range was taken from, so the UI can show providers and dates. */
  rows: CloudGpuPriceRow[];
}

/**
 * The spread of rental prices for one device across providers, by the rule of price-selection.ts
 * (superseded rows left out, rows weighted by age): lowest, weighted median, highest. Provider
 * choice is the largest price uncertainty (H100 SXM: $2.99 RunPod to $11.06 GCP, 2025-03), so the
 * estimator samples over it unless the user names a price or a provider.
 * Returns null when the catalog has no price for the device.
 */
export function priceRangeForHardware(prices: readonly CloudGpuPriceRow[], hardwareId: string, pricingModel: PricingModel = 'on-demand', options: Omit<PriceSelectionOptions, 'pricingModel'> = {}): PriceRange | null {
  const s = selectPrices(prices, hardwareId, { ...options, pricingModel });
  if (!s) return null;
  return { p10: s.p10, p50: s.p50, p90: s.p90, rows: s.used.map((u) => u.row) };
}
