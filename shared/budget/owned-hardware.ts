import type { Assumption, Assumptions } from './assumption';
import { assumptionFrom } from './assumption';
import type { SourcedDefault } from './energy-defaults';
import { invalid, requireNonNegative, requirePositive } from './input-checks';
import { checkPlausible, PLAUSIBLE } from './plausibility';
import { assertOrderedUncertain, toUncertain, type MaybeUncertain, type Uncertain } from './uncertain-value';

/**
 * What a run costs on hardware you already own: the electricity it draws plus, when you want the
 * purchase counted, the share of the purchase price written off while the run holds the devices.
 *
 *   cost = kWh x electricity price + device-hours x purchase price / (write-off months x 730 h)
 *
 * Straight-line write-off, no resale value; a month is 730 hours (Infracost's convention, as the
 * deployment comparison uses). A purchase price of 0, or none, means "already paid": nothing is
 * written off. An electricity price of 0 is allowed (power included in the rent, own solar).
 */
export interface OwnedHardwareInput {
  /** USD per kWh; default DEFAULT_ELECTRICITY. */
  electricityUsdPerKwh?: MaybeUncertain;
  /** Purchase price of ONE device, USD; absent or 0: already paid. */
  purchaseUsd?: number;
  /** Months the purchase is written off over; default DEFAULT_WRITE_OFF_MONTHS. */
  writeOffMonths?: number;
}

export interface ResolvedOwnedHardware {
  electricityUsdPerKwh: Uncertain;
  purchaseUsd: number;
  writeOffMonths: number;
}

export const HOURS_PER_WRITE_OFF_MONTH = 730;

/**
 * US EIA, Electricity Monthly Update with data for April 2024 (released 2024-06-26): average
 * residential price 16.88 cents/kWh; among the contiguous states North Dakota lowest at 7.81 and
 * California highest at 25.69. The P10 sits at the cheapest state, the P50 at the national
 * residential average; the P90 of 0.30 covers the dearest US states and typical European household
 * tariffs (Tally judgement). Meant to be replaced by the owner's own tariff.
 */
export const DEFAULT_ELECTRICITY: SourcedDefault & { asOf: string } = {
  value: { p10: 0.08, p50: 0.17, p90: 0.3 },
  unit: 'USD/kWh',
  source: 'US EIA Electricity Monthly Update (April 2024): US residential average 16.9 cents/kWh, states from 7.8 (North Dakota) to 25.7 (California); high case 30 cents for dearer tariffs (Tally judgement). Set your own',
  asOf: '2024-04',
};

/**
 * Three years: about one and a half GPU generations (NVIDIA Ampere 2020, Hopper 2022, Blackwell
 * 2024), after which a device is worth little against new ones. Tally judgement, no resale value.
 */
export const DEFAULT_WRITE_OFF_MONTHS = 36;
export const WRITE_OFF_SOURCE = 'Tally judgement: 3 years (about 1.5 GPU generations: NVIDIA Ampere 2020, Hopper 2022, Blackwell 2024), straight line, no resale value';

/**
 * Checks the owned-hardware input, fills the defaults and records each as a named, sourced
 * assumption. `path` prefixes the fields in error messages ("owned.purchaseUsd ...").
 */
export function resolveOwnedHardware(input: OwnedHardwareInput, path: string, assumptions: Assumptions, warnings: string[]): ResolvedOwnedHardware {
  const e = toUncertain(input.electricityUsdPerKwh ?? DEFAULT_ELECTRICITY.value);
  assertOrderedUncertain(`${path}.electricityUsdPerKwh`, e);
  if (e.p10 < 0) throw invalid(`${path}.electricityUsdPerKwh`, 'must not be negative');
  if (input.electricityUsdPerKwh !== undefined) checkPlausible(`${path}.electricityUsdPerKwh`, e, PLAUSIBLE.electricityUsdPerKwh, warnings, 'Electricity price');
  const purchaseUsd = requireNonNegative(`${path}.purchaseUsd`, input.purchaseUsd ?? 0);
  const writeOffMonths = requirePositive(`${path}.writeOffMonths`, input.writeOffMonths ?? DEFAULT_WRITE_OFF_MONTHS);

  const electricity: Assumption =
    input.electricityUsdPerKwh === undefined ? { ...assumptionFrom(e, DEFAULT_ELECTRICITY.unit, DEFAULT_ELECTRICITY.source), asOf: DEFAULT_ELECTRICITY.asOf } : assumptionFrom(e, DEFAULT_ELECTRICITY.unit, 'user input');
  assumptions.electricityUsdPerKwh = electricity;
  assumptions.purchaseUsd = purchaseUsd === 0 ? { value: 'already paid', source: input.purchaseUsd === undefined ? 'default: the purchase is not counted (give a purchase price to write it off)' : 'user input' } : { value: purchaseUsd, unit: 'USD per device', source: 'user input' };
  if (purchaseUsd > 0) assumptions.writeOffMonths = { value: writeOffMonths, unit: 'months', source: input.writeOffMonths === undefined ? WRITE_OFF_SOURCE : 'user input; straight line, no resale value' };
  return { electricityUsdPerKwh: e, purchaseUsd, writeOffMonths };
}

export interface OwnedRunCost {
  electricityUsd: number;
  writeOffUsd: number;
  totalUsd: number;
}

/** The cost of one run on owned devices, from its energy and its device-hours (pure). */
export function ownedRunCost(kwh: number, deviceHours: number, electricityUsdPerKwh: number, owned: Pick<ResolvedOwnedHardware, 'purchaseUsd' | 'writeOffMonths'>): OwnedRunCost {
  const electricityUsd = kwh * electricityUsdPerKwh;
  const writeOffUsd = owned.purchaseUsd === 0 ? 0 : (deviceHours * owned.purchaseUsd) / (owned.writeOffMonths * HOURS_PER_WRITE_OFF_MONTH);
  return { electricityUsd, writeOffUsd, totalUsd: electricityUsd + writeOffUsd };
}
