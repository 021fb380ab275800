import { fieldLabel } from '../domain/field-labels';
import { invalid } from './input-checks';
import type { Uncertain } from './uncertain-value';

/**
 * Bounds on inputs a person types, so a slip (a PUE of 10, a power of 1 MW per GPU, 50 kg of CO2
 * per kWh) is caught instead of priced. Outside the hard bounds the estimate is refused, naming
 * the field; outside the soft ones it runs and carries a warning. Every bound says why.
 *
 * - PUE: at least 1 by definition (total facility energy / IT energy, The Green Grid). Above 2
 *   warns: Strubell et al. 2019 used the 2018 industry average 1.58, hyperscale data centres
 *   report 1.1 (reference §2.7). Above 3 is refused (Tally judgement: no data centre runs at
 *   three times its IT load).
 * - Device power: above 3,000 W per device is refused (the largest accelerator boards draw about
 *   1,000-1,400 W: reference §4 tops out at 750 W; Tally judgement leaves room for newer ones).
 *   Above 1.5 × the device's TDP warns (average draw above TDP is implausible).
 * - Grid intensity: above 2 kg CO2e/kWh is refused, above 1.2 warns. The most carbon-intensive
 *   national grids are coal-heavy at 0.6-0.9 kg/kWh (CodeCarbon 2023: India 0.713, Poland 0.662,
 *   reference §5.3); burning coal alone emits about 1 kg/kWh.
 * - Price per GPU-hour: above $100 warns (eight times the dearest on-demand row in the catalog,
 *   $12.29 for an H100 on AWS before the 2025 cut).
 * - MFU: above 0.75 warns (no published training run passes about 0.65 on the 6N basis:
 *   llm-foundry's best A100 row 0.59, Megatron-LM 56%; FlashAttention-2 kernels alone reach 72%).
 * - Electricity price: above $1/kWh warns (household tariffs in Europe's dearest markets are about
 *   $0.40-0.50/kWh; Tally judgement).
 */
export interface PlausibleRange {
  /** Written after the number ("1.2 kg CO2e/kWh"); empty for a plain ratio or share. */
  unit: string;
  /** Refused below (strictly). */
  hardMin?: number;
  /** Refused above (strictly). */
  hardMax?: number;
  /** Warned above (strictly). */
  warnMax?: number;
  why: string;
}

export const PLAUSIBLE = {
  pue: { unit: '', hardMin: 1, hardMax: 3, warnMax: 2, why: 'PUE is at least 1; hyperscale data centres run at about 1.1 and the 2018 industry average was 1.58' },
  gpuPowerW: { unit: 'W per device', hardMax: 3000, why: 'the largest accelerator boards draw about 1,000-1,400 W' },
  gridKgCo2PerKwh: { unit: 'kg CO2e/kWh', hardMax: 2, warnMax: 1.2, why: 'the most carbon-intensive national grids emit 0.6-0.9 kg/kWh and coal alone about 1 kg/kWh' },
  pricePerGpuHourUsd: { unit: 'USD per device-hour', warnMax: 100, why: 'the dearest on-demand GPU in the catalog costs $12.29 an hour' },
  mfu: { unit: '', warnMax: 0.75, why: 'no published training run passes about 0.65 MFU' },
  electricityUsdPerKwh: { unit: 'USD/kWh', warnMax: 1, why: 'the dearest household tariffs are about $0.40-0.50/kWh' },
} as const satisfies Record<string, PlausibleRange>;

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(Number(x.toPrecision(4))));
const withUnit = (x: number, unit: string) => (unit ? `${fmt(x)} ${unit}` : fmt(x));

/**
 * The abbreviations a warning may name because the user typed them as flags (--mfu, --pue), each
 * paired once with plain words, so a reader who does not know the term still knows what to check.
 */
export const TERM_IN_WORDS = { mfu: fieldLabel('mfu'), pue: fieldLabel('pue') } as const;

/**
 * Refuses a value outside the hard bounds (INVALID_INPUT naming `field`) and returns the warnings
 * for values outside the soft ones. Checks every quantile of a range.
 */
export function checkPlausible(field: string, value: Uncertain | number, range: PlausibleRange, warnings: string[], label = field): void {
  const values = typeof value === 'number' ? [value] : [value.p10, value.p50, value.p90];
  const hi = Math.max(...values);
  const lo = Math.min(...values);
  if (range.hardMin !== undefined && lo < range.hardMin) throw invalid(field, `must be at least ${withUnit(range.hardMin, range.unit)}, got ${fmt(lo)}: ${range.why}`);
  if (range.hardMax !== undefined && hi > range.hardMax) throw invalid(field, `must be at most ${withUnit(range.hardMax, range.unit)}, got ${fmt(hi)}: ${range.why}`);
  if (range.warnMax !== undefined && hi > range.warnMax) warnings.push(`${label} of ${withUnit(hi, range.unit)} is unusually high (${range.why}); check it.`);
}

/** Warns when an entered device power is far above the device's own TDP. */
export function checkPowerAgainstTdp(field: string, value: Uncertain | number, tdpW: number | null, deviceName: string, warnings: string[], label = field): void {
  checkPlausible(field, value, PLAUSIBLE.gpuPowerW, warnings, label);
  if (tdpW === null) return;
  const hi = typeof value === 'number' ? value : value.p90;
  if (hi > 1.5 * tdpW) warnings.push(`${label} of ${fmt(hi)} W is more than 1.5 times the ${deviceName}'s rated power (${fmt(tdpW)} W); check it.`);
}
