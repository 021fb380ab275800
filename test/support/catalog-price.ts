import { DEFAULT_CLOUD_GPU_PRICES } from '../../shared/catalog/cloud-gpu-prices.data';
import type { CloudGpuPriceRow } from '../../shared/catalog/catalog-types';
import { selectPrices } from '../../shared/catalog/price-selection';

/**
 * The catalog's default price per device-hour for tests of what runs cost: the weighted median
 * the price rule (shared/catalog/price-selection.ts, with its own known-answer tests) gives.
 * For the H100 SXM it is about $6.79 once AWS's pre-cut row is left out.
 */
export function catalogP50(hardwareId: string, rows: readonly CloudGpuPriceRow[] = DEFAULT_CLOUD_GPU_PRICES): number {
  const s = selectPrices(rows, hardwareId);
  if (!s) throw new Error(`no catalog price for ${hardwareId}`);
  return s.p50;
}

/** Cents for devices x hours at a USD price, rounded as the ledger rounds (micro-dollars per hour, then cents). */
export function runCents(usdPerDeviceHour: number, devices: number, hours: number, rate = 1): number {
  return Math.round(((Math.round(usdPerDeviceHour * 1e6) * devices) / 1e4) * rate * hours);
}
