import type { HardwareSpec, InferencePrecision, TrainingPrecision } from '../domain/hardware';
import { assumptionFrom, type Assumptions } from './assumption';
import { co2Kg, energyKwh } from './energy-and-carbon';
import { DEFAULT_GRID_KG_PER_KWH, DEFAULT_PUE, DEFAULT_POWER_FRACTION_OF_TDP, POWER_SOURCE } from './energy-defaults';
import { invalid, requirePositive, requirePositiveInteger } from './input-checks';
import { medians, runMonteCarlo, type MonteCarloOptions } from './monte-carlo';
import { ownedRunCost, resolveOwnedHardware, type OwnedHardwareInput } from './owned-hardware';
import { peakFor } from './peak-throughput';
import { checkPlausible, checkPowerAgainstTdp, PLAUSIBLE, TERM_IN_WORDS } from './plausibility';
import { tornado, type SensitivityEntry } from './sensitivity';
import { assertOrderedUncertain, certain, toUncertain, type MaybeUncertain, type Uncertain } from './uncertain-value';

/**
 * Extrapolate a measured pilot run of any model (a CNN epoch, a gradient-boosting fit, a batch
 * of embeddings) to the full job, on the same or other hardware. Throughput is scaled by the
 * ratio of the relevant peak: dense compute for compute-bound work, memory bandwidth for
 * bandwidth-bound work (the roofline view, reference §2.6).
 *
 * Uncertainty. A peak ratio is an optimistic guide: a small or input-bound job speeds up less
 * than the spec sheet says, a job that was memory-starved may speed up more. So the speed-up
 * gets a spread that widens with the size of the hardware jump: half-width w = 0.1 + 0.25 ·
 * |ln(peak ratio)|, plus 0.2 when the vendor or device class changes; P10 = 1/(1+w), P90 = 1+w
 * of the scaled rate. On the same hardware w = 0.1 (run-to-run noise, warm-up in short pilots).
 * These widths are Tally judgement, stated as assumptions.
 * More devices than the pilot used: data-parallel scaling efficiency 90% (70-97%) by default.
 */
export interface PilotMeasurement {
  items: number;
  seconds: number;
  hardware: HardwareSpec;
  devices?: number;
}

export interface PilotExtrapolationInput {
  pilot: PilotMeasurement;
  /** Items in the full job (e.g. epochs × dataset size). */
  fullItems: number;
  target?: { hardware: HardwareSpec; devices?: number };
  bound?: 'compute' | 'bandwidth';
  precision?: TrainingPrecision | InferencePrecision;
  scalingEfficiency?: MaybeUncertain;
  pricePerDeviceHourUsd?: MaybeUncertain;
  /** The target devices are yours: electricity plus write-off instead of a rental price. */
  owned?: OwnedHardwareInput;
  powerW?: MaybeUncertain;
  pue?: MaybeUncertain;
  gridKgCo2PerKwh?: MaybeUncertain;
}

export interface PilotFigures {
  wallClockHours: number;
  deviceHours: number;
  costUsd: number | null;
  energyKwh: number;
  co2Kg: number;
}

export interface PilotExtrapolation extends PilotFigures {
  /** Peak ratio target / pilot used to scale the measured rate. */
  peakRatio: number;
  range: { p10: PilotFigures; p50: PilotFigures; p90: PilotFigures };
  assumptions: Assumptions;
  sensitivity: SensitivityEntry[];
  /** Inputs outside their plausible range (the estimate still ran). */
  warnings: string[];
  /** Owned hardware only: the best-guess cost split into electricity and write-off. */
  ownedCost?: { electricityUsd: number; writeOffUsd: number };
}

type In = 'transfer' | 'scalingEfficiency' | 'price' | 'electricityUsdPerKwh' | 'powerW' | 'pue' | 'grid';
type Out = 'wallClockHours' | 'deviceHours' | 'costUsd' | 'energyKwh' | 'co2Kg';
const OUTS: readonly Out[] = ['wallClockHours', 'deviceHours', 'costUsd', 'energyKwh', 'co2Kg'];

/** `field` names the device the caller meant (pilot or target), so an error blames the right one. */
function peakOf(spec: HardwareSpec, bound: 'compute' | 'bandwidth', precision: TrainingPrecision | InferencePrecision, field: string): number {
  if (bound === 'bandwidth') return spec.bandwidthGbs;
  const p = peakFor(spec, precision);
  if (!p) throw invalid(field, `${spec.id} publishes no compute figure for ${precision}`);
  return p.tflops;
}

export function transferSpread(pilot: HardwareSpec, target: HardwareSpec, peakRatio: number): Uncertain {
  const classJump = pilot.vendor !== target.vendor || pilot.kind !== target.kind ? 0.2 : 0;
  const w = pilot.id === target.id ? 0.1 : 0.1 + 0.25 * Math.abs(Math.log(peakRatio)) + classJump;
  return { p10: 1 / (1 + w), p50: 1, p90: 1 + w };
}

export function extrapolatePilot(input: PilotExtrapolationInput, options: MonteCarloOptions = {}): PilotExtrapolation {
  const { pilot } = input;
  requirePositive('pilot.items', pilot.items);
  requirePositive('pilot.seconds', pilot.seconds);
  const pilotDevices = requirePositiveInteger('pilot.devices', pilot.devices ?? 1);
  const fullItems = requirePositive('fullItems', input.fullItems);
  const target = input.target?.hardware ?? pilot.hardware;
  const devices = requirePositiveInteger('target.devices', input.target?.devices ?? pilotDevices);
  const bound = input.bound ?? 'compute';
  const precision = input.precision ?? 'bf16';
  const peakRatio = peakOf(target, bound, precision, 'target.hardware') / peakOf(pilot.hardware, bound, precision, 'pilot.hardware');
  const morDevices = devices > pilotDevices;

  const tdp = target.tdpW;
  if (input.owned !== undefined && input.pricePerDeviceHourUsd !== undefined) throw invalid('owned', 'excludes pricePerDeviceHourUsd: owned devices cost electricity and their write-off, not a rental price');
  const warnings: string[] = [];
  const ownedAssumptions: Assumptions = {};
  const owned = input.owned === undefined ? null : resolveOwnedHardware(input.owned, 'owned', ownedAssumptions, warnings);
  if (input.powerW === undefined && tdp === null) throw invalid('powerW', `is required: ${target.name} has no published power figure`);
  const inputs: Record<In, Uncertain> = {
    transfer: transferSpread(pilot.hardware, target, peakRatio),
    scalingEfficiency: input.scalingEfficiency !== undefined ? toUncertain(input.scalingEfficiency) : morDevices ? { p10: 0.7, p50: 0.9, p90: 0.97 } : certain(1),
    price: input.pricePerDeviceHourUsd === undefined ? certain(0) : toUncertain(input.pricePerDeviceHourUsd),
    electricityUsdPerKwh: owned ? owned.electricityUsdPerKwh : certain(0),
    powerW: input.powerW !== undefined ? toUncertain(input.powerW) : { p10: (tdp as number) * DEFAULT_POWER_FRACTION_OF_TDP.p10, p50: (tdp as number) * DEFAULT_POWER_FRACTION_OF_TDP.p50, p90: (tdp as number) * DEFAULT_POWER_FRACTION_OF_TDP.p90 },
    pue: toUncertain(input.pue ?? DEFAULT_PUE.value),
    grid: toUncertain(input.gridKgCo2PerKwh ?? DEFAULT_GRID_KG_PER_KWH.value),
  };
  for (const [k, u] of Object.entries(inputs)) assertOrderedUncertain(k, u);
  if (input.pue !== undefined) checkPlausible('pue', inputs.pue, PLAUSIBLE.pue, warnings, TERM_IN_WORDS.pue);
  if (input.gridKgCo2PerKwh !== undefined) checkPlausible('gridKgCo2PerKwh', inputs.grid, PLAUSIBLE.gridKgCo2PerKwh, warnings, 'Grid intensity');
  if (input.powerW !== undefined) checkPowerAgainstTdp('powerW', inputs.powerW, tdp, target.name, warnings, 'Device power');
  if (input.pricePerDeviceHourUsd !== undefined) checkPlausible('pricePerDeviceHourUsd', inputs.price, PLAUSIBLE.pricePerGpuHourUsd, warnings, 'Price');

  const pilotRatePerDevice = pilot.items / pilot.seconds / pilotDevices;
  const model = (v: Readonly<Record<In, number>>): Record<Out, number> => {
    const rate = pilotRatePerDevice * peakRatio * v.transfer * devices * (morDevices ? v.scalingEfficiency : 1);
    const wall = fullItems / rate / 3600;
    const deviceHours = wall * devices;
    const kwh = energyKwh(deviceHours, v.powerW, v.pue);
    const costUsd = owned ? ownedRunCost(kwh, deviceHours, v.electricityUsdPerKwh, owned).totalUsd : deviceHours * v.price;
    return { wallClockHours: wall, deviceHours, costUsd, energyKwh: kwh, co2Kg: co2Kg(kwh, v.grid) };
  };
  const hasPrice = input.pricePerDeviceHourUsd !== undefined || owned !== null;
  const figures = (o: Record<Out, number>): PilotFigures => ({ ...o, costUsd: hasPrice ? o.costUsd : null });
  const q = runMonteCarlo(inputs, model, OUTS, options);
  const pick = (k: 'p10' | 'p50' | 'p90') => figures(Object.fromEntries(OUTS.map((o) => [o, q[o][k]])) as Record<Out, number>);

  const assumptions: Assumptions = {
    pilotRate: { value: pilot.items / pilot.seconds, unit: 'items/s', source: `measured pilot on ${pilotDevices} x ${pilot.hardware.name}` },
    peakRatio: { value: peakRatio, unit: 'target/pilot', source: `${bound === 'compute' ? `dense ${precision} compute` : 'memory bandwidth'} peaks from the hardware catalog` },
    transfer: assumptionFrom(inputs.transfer, 'x scaled rate', 'Tally judgement: spread widens with the hardware jump (0.1 + 0.25·|ln ratio|, +0.2 across vendor or class)'),
    pue: assumptionFrom(inputs.pue, 'ratio', input.pue === undefined ? DEFAULT_PUE.source : 'user input'),
    powerW: assumptionFrom(inputs.powerW, 'W', input.powerW === undefined ? POWER_SOURCE : 'user input'),
    gridKgCo2PerKwh: assumptionFrom(inputs.grid, 'kg CO2e/kWh', input.gridKgCo2PerKwh === undefined ? DEFAULT_GRID_KG_PER_KWH.source : 'user input'),
  };
  if (morDevices) assumptions.scalingEfficiency = assumptionFrom(inputs.scalingEfficiency, 'fraction', input.scalingEfficiency === undefined ? 'Tally judgement: data-parallel scaling 90% (70-97%)' : 'user input');
  if (input.pricePerDeviceHourUsd !== undefined) assumptions.pricePerDeviceHourUsd = assumptionFrom(inputs.price, 'USD/device-hour', 'user input');
  Object.assign(assumptions, ownedAssumptions);
  const mid = model(medians(inputs));
  const result: PilotExtrapolation = { ...figures(mid), peakRatio, range: { p10: pick('p10'), p50: pick('p50'), p90: pick('p90') }, assumptions, sensitivity: tornado(inputs, model, 'wallClockHours'), warnings };
  if (owned) {
    const split = ownedRunCost(mid.energyKwh, mid.deviceHours, owned.electricityUsdPerKwh.p50, owned);
    result.ownedCost = { electricityUsd: split.electricityUsd, writeOffUsd: split.writeOffUsd };
  }
  return result;
}
