import type { MetricValue, RunCost, RunStatus } from '../../../../shared/contract/runs';
import { formatMoney } from '../../../../shared/domain/money';

/**
 * Plain-language text for run figures: every number a non-technical owner sees comes with its
 * unit and, where it is an estimate, the basis it was computed from.
 */

/** "2 h 05 min", "45 min", "12 s"; null hours is "unknown". */
export function formatDuration(hours: number | null): string {
  if (hours == null || !Number.isFinite(hours)) return 'unknown';
  const totalS = Math.round(hours * 3600);
  if (totalS < 60) return `${totalS} s`;
  const totalMin = Math.round(totalS / 60);
  if (totalMin < 60) return `${totalMin} min`;
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h >= 48) return `${(hours / 24).toFixed(1)} days`;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

/** A metric value with at most 4 significant digits (0.9123, 1.234e-5, 12,345); NaN and infinities as words. */
export function formatMetric(v: MetricValue | undefined): string {
  if (v === undefined) return '';
  if (v === 'NaN') return 'NaN';
  if (v === 'Infinity') return '∞';
  if (v === '-Infinity') return '-∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e');
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(4)));
}

/** Energy in kWh with sensible precision ("0.42 kWh", "1,234 kWh"). */
export function formatKwh(kwh: number | null): string {
  if (kwh == null) return 'unknown';
  if (kwh === 0) return '0 kWh';
  if (kwh < 0.01) return `${(kwh * 1000).toFixed(1)} Wh`;
  if (kwh < 100) return `${kwh.toFixed(2)} kWh`;
  return `${Math.round(kwh).toLocaleString('en-US')} kWh`;
}

/** CO2 in kg or tonnes. */
export function formatCo2(kg: number | null): string {
  if (kg == null) return 'unknown';
  if (kg < 1) return `${Math.round(kg * 1000)} g CO2e`;
  if (kg < 1000) return `${kg.toFixed(1)} kg CO2e`;
  return `${(kg / 1000).toFixed(2)} t CO2e`;
}

/** Device-hours (devices x hours) with two decimals below 10, whole above. */
export function formatDeviceHours(hours: number | null, devices: number | null): string {
  if (hours == null) return 'unknown';
  const dh = hours * (devices ?? 1);
  return dh < 10 ? dh.toFixed(2) : Math.round(dh).toLocaleString('en-US');
}

/** Cost cell text: the amount, or "unknown". */
export function formatCost(costCents: number | null, currency: string): string {
  return costCents == null ? 'unknown' : formatMoney(costCents, currency);
}

/** "2026-11-30 09:00 UTC" from an ISO time; "" for none. */
export function formatTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

/** A price per device-hour: "$2.99/GPU-hour" (USD), "2.50 EUR/device-hour". */
export function formatPrice(price: { amount: number; currency: string }, device: 'GPU' | 'device' = 'device'): string {
  try {
    const text = new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency, maximumFractionDigits: 4, minimumFractionDigits: 2 }).format(price.amount);
    return `${text}/${device}-hour`;
  } catch {
    return `${price.amount} ${price.currency}/${device}-hour`;
  }
}

/** The catalog's as-of date shortened to the month ("2026-11"), as a price is quoted. */
export function priceMonth(asOf: string | null): string | null {
  return asOf ? asOf.slice(0, 7) : null;
}

/**
 * One sentence: where the cost comes from. "estimated from 8 x H100 at $2.99/GPU-hour for 3 h 00
 * min, catalog price of 2026-11"; "hardware unknown: set it" when there is no basis.
 */
export function costBasisText(cost: RunCost, hardwareName: string | null): string {
  const devices = cost.devices ?? 1;
  const what = `${devices} x ${hardwareName ?? 'device'}`;
  const price = cost.pricePerDeviceHour ? formatPrice(cost.pricePerDeviceHour, 'GPU') : '';
  const during = cost.hours != null ? ` for ${formatDuration(cost.hours)}${cost.hoursBasis === 'running' ? ' so far (still running)' : ''}` : '';
  switch (cost.basis) {
    case 'manual':
      return 'entered by hand on the run (overrides any computed cost)';
    case 'catalog':
      return `estimated from ${what} at ${price}${during}, catalog price${cost.priceAsOf ? ` of ${priceMonth(cost.priceAsOf)}` : ''}`;
    case 'project-rate':
      return `from ${what} at ${price}${during}, the project's negotiated rate${cost.priceAsOf ? ` of ${cost.priceAsOf}` : ''}`;
    case 'per-run-price':
      return `from ${what} at ${price}${during}, the price the run itself gave (tag tally.price_per_device_hour)`;
    default:
      return cost.unknownReason ?? 'hardware unknown: set it';
  }
}

/** Whether the cost is unknown because nothing says what the run ran on (the page then offers the hardware form). */
export function hardwareUnknown(cost: Pick<RunCost, 'basis'>, hardwareId: string | null): boolean {
  return cost.basis === 'unknown' && hardwareId == null;
}

const ENERGY_BASIS: Record<RunCost['energyBasis'], string> = {
  'measured-kwh': 'measured, entered on the run',
  'system-metrics': 'measured from the GPU power the run logged (MLflow system metrics), times the data-centre overhead (PUE)',
  estimated: 'estimated: device power x devices x hours x data-centre overhead (PUE)',
  unknown: 'unknown until the hardware and the duration are known',
};

export function energyBasisText(basis: RunCost['energyBasis']): string {
  return ENERGY_BASIS[basis];
}

/** Status in words for the badge title. */
export const STATUS_MEANING: Record<RunStatus, string> = {
  RUNNING: 'still running: cost and energy grow until it ends',
  SCHEDULED: 'scheduled, not started',
  FINISHED: 'finished normally',
  FAILED: 'stopped with an error',
  KILLED: 'stopped by someone',
};

export function statusBadgeClass(status: RunStatus): string {
  if (status === 'FINISHED') return 'badge badge--ok';
  if (status === 'FAILED') return 'badge badge--error';
  if (status === 'RUNNING') return 'badge badge--run';
  return 'badge badge--warn';
}
