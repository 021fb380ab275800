import type { HardwareRow, CloudGpuPriceRow, Catalog, PricingModel } from './catalog-types';
import { DEFAULT_HARDWARE } from './hardware.data';
import { DEFAULT_CLOUD_GPU_PRICES } from './cloud-gpu-prices.data';
import { DEFAULT_LLM_API_PRICES } from './llm-api-prices.data';
import { DEFAULT_GRID_INTENSITIES } from './grid-intensities.data';

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
 * The spread of rental prices for one device across providers: lowest, median and highest
 * on-demand price. Provider choice is the largest price uncertainty (H100 SXM: $2.99 RunPod to
 * $12.29 AWS, 2025-03), so the estimator samples over it unless the user names a price.
 * Returns null when the catalog has no price for the device.
 */
export function priceRangeForHardware(prices: readonly CloudGpuPriceRow[], hardwareId: string, pricingModel: PricingModel = 'on-demand'): PriceRange | null {
  const rows = prices.filter((p) => p.hardwareId === hardwareId && p.pricingModel === pricingModel);
  if (rows.length === 0) return null;
  const sorted = rows.map((r) => r.usdPerGpuHour).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { p10: sorted[0] as number, p50: median, p90: sorted[sorted.length - 1] as number, rows };
}
