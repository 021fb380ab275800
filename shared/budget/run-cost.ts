import { DEFAULT_GRID_KG_PER_KWH, DEFAULT_POWER_FRACTION_OF_TDP, DEFAULT_PUE, POWER_SOURCE } from './energy-defaults';
import { co2Kg, energyKwh } from './energy-and-carbon';
import type { MeasuredGpuEnergy } from './power-energy';
import { roundCents, toProjectMinor, toUsdMinor, type ProjectMoney } from '../domain/currency';

/**
 * What one tracked run cost, used and emitted, from what is known about it. Pure: the caller
 * resolves the catalog rows, the project's negotiated rate and the clock and passes them in.
 *
 * Price per device-hour, first that applies: a manual cost (overrides everything) > the run's
 * own price (tag `tally.price_per_device_hour`, USD) > the project's negotiated rate for the
 * hardware > the catalog's default for the device (the median on-demand price across providers,
 * the P50 the estimator uses). Cost = price x devices x hours. Hours: the explicit duration, else
 * end - start, else (a running run) now - start.
 *
 * Energy: measured kWh when given; else the integral of the GPU power series MLflow's system
 * metrics logged, x PUE; else device power (TDP x the estimator's median power fraction) x
 * devices x hours x PUE. CO2 = kWh x grid intensity (the estimator's default).
 *
 * Money is shown in the project's currency: amounts in USD are converted with the project's dated
 * USD rate; an amount that cannot be converted leaves the cost unknown with the reason, never
 * mixed 1:1.
 */
export type CostBasis = 'manual' | 'per-run-price' | 'project-rate' | 'catalog' | 'unknown';
export type EnergyBasis = 'measured-kwh' | 'system-metrics' | 'estimated' | 'unknown';
export type HoursBasis = 'duration' | 'start-end' | 'running' | 'unknown';

export interface RunCostAssumption {
  name: string;
  value: number | string;
  unit?: string;
  source: string;
  asOf?: string;
}

export type { ProjectMoney };

export interface RunCostInput {
  /** Epoch ms; only used for a running run's cost so far. */
  now: number;
  status: string;
  startTime: number | null;
  endTime: number | null;
  durationS: number | null;
  hardwareId: string | null;
  /** The catalog's device for hardwareId; null when the id is not in the catalog. */
  hardware: { id: string; name: string; tdpW: number | null; asOf: string } | null;
  devices: number | null;
  energyKwhMeasured: number | null;
  systemPower: MeasuredGpuEnergy | null;
  manualCost: { cents: number; currency: string } | null;
  perRunPriceUsdMicros: number | null;
  projectRate: { micros: number; currency: string; asOf: string; note: string } | null;
  /** The catalog's default price for the device, USD per device-hour. */
  catalogPrice: { usdPerDeviceHour: number; source: string; asOf: string } | null;
  project: ProjectMoney;
  /** Notes from reading the run's tags (a value that could not be used, and why). */
  notes: readonly string[];
}

export interface RunCost {
  costCents: number | null;
  currency: string;
  costUsdCents: number | null;
  /** Project-currency (and US) cents per hour while the cost grows with the clock; else null. */
  costCentsPerHour: number | null;
  costUsdCentsPerHour: number | null;
  basis: CostBasis;
  priceSource: string | null;
  priceAsOf: string | null;
  pricePerDeviceHour: { amount: number; currency: string } | null;
  devices: number | null;
  hours: number | null;
  hoursBasis: HoursBasis;
  energyKwh: number | null;
  energyKwhPerHour: number | null;
  energyBasis: EnergyBasis;
  co2Kg: number | null;
  gridKgCo2PerKwh: number | null;
  /** Why the cost is unknown, in plain words; null when known. */
  unknownReason: string | null;
  assumptions: RunCostAssumption[];
}

const MS_PER_HOUR = 3_600_000;

export function runHours(i: Pick<RunCostInput, 'now' | 'status' | 'startTime' | 'endTime' | 'durationS'>): { hours: number | null; basis: HoursBasis } {
  if (i.durationS != null) return { hours: i.durationS / 3600, basis: 'duration' };
  if (i.startTime != null && i.endTime != null) return { hours: Math.max(0, i.endTime - i.startTime) / MS_PER_HOUR, basis: 'start-end' };
  if (i.startTime != null && i.status === 'RUNNING') return { hours: Math.max(0, i.now - i.startTime) / MS_PER_HOUR, basis: 'running' };
  return { hours: null, basis: 'unknown' };
}

interface Price {
  micros: number;
  currency: string;
  basis: CostBasis;
  source: string;
  asOf: string | null;
}

function pickPrice(i: RunCostInput): Price | null {
  if (i.perRunPriceUsdMicros != null) return { micros: i.perRunPriceUsdMicros, currency: 'USD', basis: 'per-run-price', source: 'run tag tally.price_per_device_hour', asOf: null };
  if (i.projectRate) {
    const note = i.projectRate.note ? ` (${i.projectRate.note})` : '';
    return { micros: i.projectRate.micros, currency: i.projectRate.currency, basis: 'project-rate', source: `project's negotiated rate for ${i.hardwareId}${note}`, asOf: i.projectRate.asOf };
  }
  if (i.catalogPrice) return { micros: Math.round(i.catalogPrice.usdPerDeviceHour * 1e6), currency: 'USD', basis: 'catalog', source: i.catalogPrice.source, asOf: i.catalogPrice.asOf };
  return null;
}

function noPriceReason(i: RunCostInput): string {
  if (i.hardwareId == null) return 'hardware unknown: set the hardware (or the run tag tally.hardware) or a price per device-hour';
  if (i.hardware == null) return `hardware "${i.hardwareId}" is not in the catalog: pick a catalog device, add it, or set a price per device-hour`;
  return `the catalog has no on-demand price for ${i.hardware.id}: set a project rate or a price per device-hour`;
}

function energyOf(i: RunCostInput, hours: number | null, hoursBasis: HoursBasis, devices: number, a: RunCostAssumption[]): Pick<RunCost, 'energyKwh' | 'energyKwhPerHour' | 'energyBasis'> {
  const pue = DEFAULT_PUE.value.p50;
  if (i.energyKwhMeasured != null) {
    a.push({ name: 'energy', value: i.energyKwhMeasured, unit: 'kWh', source: 'measured, entered on the run' });
    return { energyKwh: i.energyKwhMeasured, energyKwhPerHour: null, energyBasis: 'measured-kwh' };
  }
  if (i.systemPower) {
    a.push({ name: 'gpuEnergy', value: i.systemPower.kwh, unit: 'kWh', source: `measured: trapezoid integral of ${i.systemPower.gpus} GPU power series (system/gpu_<i>_power_usage_watts, ${i.systemPower.points} points)` });
    a.push({ name: 'pue', value: pue, unit: 'ratio', source: DEFAULT_PUE.source });
    return { energyKwh: i.systemPower.kwh * pue, energyKwhPerHour: null, energyBasis: 'system-metrics' };
  }
  const tdp = i.hardware?.tdpW;
  if (tdp == null || hours == null) return { energyKwh: null, energyKwhPerHour: null, energyBasis: 'unknown' };
  const watts = tdp * DEFAULT_POWER_FRACTION_OF_TDP.p50;
  a.push({ name: 'devicePower', value: watts, unit: 'W', source: `${i.hardware!.name}: ${POWER_SOURCE}`, asOf: i.hardware!.asOf });
  a.push({ name: 'pue', value: pue, unit: 'ratio', source: DEFAULT_PUE.source });
  const perHour = energyKwh(devices, watts, pue);
  return { energyKwh: perHour * hours, energyKwhPerHour: hoursBasis === 'running' ? perHour : null, energyBasis: 'estimated' };
}

export function computeRunCost(i: RunCostInput): RunCost {
  const a: RunCostAssumption[] = i.notes.map((n) => ({ name: 'note', value: n, source: 'run tags' }));
  const { hours, basis: hoursBasis } = runHours(i);
  if (hours != null) {
    const src = { duration: 'duration given on the run', 'start-end': 'end time - start time', running: 'still running: now - start time (cost so far)', unknown: '' }[hoursBasis];
    a.push({ name: 'hours', value: hours, unit: 'h', source: src });
  }
  const devices = i.devices ?? 1;
  if (i.devices == null && (i.hardwareId != null || i.perRunPriceUsdMicros != null)) {
    a.push({ name: 'devices', value: 1, source: 'no device count given (tag tally.devices); 1 assumed' });
  }

  const out: RunCost = {
    costCents: null,
    currency: i.project.currency,
    costUsdCents: null,
    costCentsPerHour: null,
    costUsdCentsPerHour: null,
    basis: 'unknown',
    priceSource: null,
    priceAsOf: null,
    pricePerDeviceHour: null,
    devices: i.devices,
    hours,
    hoursBasis,
    energyKwh: null,
    energyKwhPerHour: null,
    energyBasis: 'unknown',
    co2Kg: null,
    gridKgCo2PerKwh: null,
    unknownReason: null,
    assumptions: a,
  };

  if (i.manualCost) {
    out.basis = 'manual';
    out.priceSource = 'manual cost entered on the run';
    const conv = toProjectMinor(i.manualCost.cents, i.manualCost.currency, i.project);
    out.costCents = conv.minor == null ? null : roundCents(conv.minor);
    out.unknownReason = conv.reason;
    const usd = toUsdMinor(i.manualCost.cents, i.manualCost.currency, i.project);
    out.costUsdCents = usd == null ? null : roundCents(usd);
    a.push({ name: 'cost', value: i.manualCost.cents / 100, unit: i.manualCost.currency, source: 'manual cost entered on the run (overrides the computed cost)' });
  } else {
    const price = pickPrice(i);
    if (!price) out.unknownReason = noPriceReason(i);
    else {
      out.basis = price.basis;
      out.priceSource = price.source;
      out.priceAsOf = price.asOf;
      out.pricePerDeviceHour = { amount: price.micros / 1e6, currency: price.currency };
      a.push({ name: 'pricePerDeviceHour', value: price.micros / 1e6, unit: `${price.currency}/device-h`, source: price.source, ...(price.asOf ? { asOf: price.asOf } : {}) });
      if (hours == null) out.unknownReason = 'the run has no duration: give one, or start and end times';
      else {
        // Cost = (price x devices per hour, in the target currency) x hours: the same product SQL
        // evaluates for a running run's cost so far, so the two never round differently.
        const perHourMinor = (price.micros * devices) / 1e4;
        const conv = toProjectMinor(perHourMinor, price.currency, i.project);
        const usd = toUsdMinor(perHourMinor, price.currency, i.project);
        out.costCents = conv.minor == null ? null : roundCents(conv.minor * hours);
        out.unknownReason = conv.reason;
        out.costUsdCents = usd == null ? null : roundCents(usd * hours);
        if (hoursBasis === 'running') {
          out.costCentsPerHour = conv.minor;
          out.costUsdCentsPerHour = usd;
        }
      }
    }
  }
  if (out.costCents != null && i.project.currency !== 'USD' && i.project.usdRate != null && (out.basis !== 'manual' || i.manualCost?.currency === 'USD')) {
    a.push({ name: 'usdRate', value: i.project.usdRate, unit: `${i.project.currency}/USD`, source: "the project's exchange rate", ...(i.project.usdRateAsOf ? { asOf: i.project.usdRateAsOf } : {}) });
  }

  Object.assign(out, energyOf(i, hours, hoursBasis, devices, a));
  if (out.energyKwh != null) {
    const grid = DEFAULT_GRID_KG_PER_KWH.value.p50;
    out.co2Kg = co2Kg(out.energyKwh, grid);
    out.gridKgCo2PerKwh = grid;
    a.push({ name: 'gridKgCo2PerKwh', value: grid, unit: 'kg CO2e/kWh', source: DEFAULT_GRID_KG_PER_KWH.source });
  }
  return out;
}

