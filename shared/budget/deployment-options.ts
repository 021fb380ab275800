import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import type { KvShape } from './bytes-per-value';
import { apiCostPerRequest } from './inference-roofline';
import { llmTiming } from './llm-request-timing';
import type { Uncertain } from './uncertain-value';

/**
 * The deterministic cost and latency model of each way to serve a workload, evaluated once per
 * Monte Carlo draw and once per volume on the break-even search. Conventions: a month is 730
 * hours (Infracost), so 730/24 days; capacity is sized for the busiest hour (peak-to-average).
 */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export type DeploymentOptionKind = 'api' | 'cloud-gpu' | 'owned';

export interface LlmShape {
  params: number;
  precision: InferencePrecision;
  kvPrecision: InferencePrecision;
  kv?: KvShape;
  promptTokens: number;
  outputTokens: number;
}

export interface ItemsShape {
  itemsPerRequest: number;
  gflopsPerItem: number;
}

export interface DeviceSetup {
  spec: HardwareSpec;
  peakTflops: number;
  /** Devices per serving instance (tensor parallel when the model needs more than one). */
  devicesPerInstance: number;
}

export interface ResolvedWorkload {
  llm?: LlmShape;
  items?: ItemsShape;
  peakToAverage: number;
  concurrency: number;
  months: number;
  api?: { inputUsdPerMTok: number; outputUsdPerMTok: number; usdPerItem?: number };
  cloud?: DeviceSetup & { minInstances: number };
  owned?: DeviceSetup & { purchaseUsd: number; lifeMonths: number; fixedCount?: number };
}

/** One option of the comparison as the UI and CLI show it. */
export interface DeploymentOptionResult {
  option: DeploymentOptionKind;
  label: string;
  monthlyCostUsd: Uncertain;
  totalCostUsd: Uncertain;
  costPerRequestUsd: Uncertain;
  latencyMs: Uncertain;
  meetsLatencyTarget: boolean | null;
  dataLeavesMachine: boolean;
  dataGoesToThirdParty: boolean;
  allowedBySensitivity: boolean;
  devices: number;
  upfrontUsd: number;
  notes: string[];
}

/** The uncertain inputs, as sampled numbers. */
export interface DeploymentDraw {
  apiFirstTokenMs: number;
  apiOutputTokensPerS: number;
  cloudUsdPerGpuHour: number;
  /** Achieved bandwidth share of the rented and of the owned device (they may differ in memory). */
  cloudBandwidthEfficiency: number;
  ownedBandwidthEfficiency: number;
  computeEfficiency: number;
  cloudStepOverheadMs: number;
  ownedStepOverheadMs: number;
  cloudFirstTokenOverheadMs: number;
  ownedFirstTokenOverheadMs: number;
  electricityUsdPerKwh: number;
  ownedPowerW: number;
  idlePowerFraction: number;
}

export interface OptionFigures {
  monthlyCostUsd: number;
  costPerRequestUsd: number;
  latencyMs: number;
  devices: number;
  /** False when a fixed device count cannot keep up with the peak load. */
  keepsUp: boolean;
}

/** Seconds one instance spends on a group of `concurrency` requests, and its request capacity. */
function deviceTiming(w: ResolvedWorkload, d: DeviceSetup, v: DeploymentDraw, kind: 'cloud-gpu' | 'owned'): { latencyS: number; capacityPerS: number } {
  if (w.llm) {
    const cloud = kind === 'cloud-gpu';
    const t = llmTiming(
      { params: w.llm.params, precision: w.llm.precision, kvPrecision: w.llm.kvPrecision, hardware: d.spec, peakTflops: d.peakTflops, gpus: d.devicesPerInstance, batch: w.concurrency, promptTokens: w.llm.promptTokens, outputTokens: w.llm.outputTokens, ...(w.llm.kv ? { kv: w.llm.kv } : {}) },
      {
        bandwidthEfficiency: cloud ? v.cloudBandwidthEfficiency : v.ownedBandwidthEfficiency,
        computeEfficiency: v.computeEfficiency,
        perStepOverheadMs: cloud ? v.cloudStepOverheadMs : v.ownedStepOverheadMs,
        firstTokenOverheadMs: cloud ? v.cloudFirstTokenOverheadMs : v.ownedFirstTokenOverheadMs,
      },
    );
    return { latencyS: t.totalSeconds, capacityPerS: w.concurrency / t.totalSeconds };
  }
  const items = w.items as ItemsShape;
  const s = (items.itemsPerRequest * items.gflopsPerItem * 1e9) / (d.peakTflops * 1e12 * d.devicesPerInstance * v.computeEfficiency) + (kind === 'cloud-gpu' ? v.cloudStepOverheadMs : v.ownedStepOverheadMs) / 1000;
  return { latencyS: s, capacityPerS: 1 / s };
}

export function optionFigures(kind: DeploymentOptionKind, w: ResolvedWorkload, v: DeploymentDraw, requestsPerDay: number): OptionFigures {
  const perMonth = requestsPerDay * DAYS_PER_MONTH;
  const perRequest = (monthly: number) => (perMonth > 0 ? monthly / perMonth : 0);
  if (kind === 'api') {
    const api = w.api as NonNullable<ResolvedWorkload['api']>;
    const cost = w.llm ? apiCostPerRequest(api, w.llm.promptTokens, w.llm.outputTokens) : (api.usdPerItem as number) * (w.items as ItemsShape).itemsPerRequest;
    const latencyMs = w.llm ? v.apiFirstTokenMs + (w.llm.outputTokens / v.apiOutputTokensPerS) * 1000 : v.apiFirstTokenMs;
    return { monthlyCostUsd: cost * perMonth, costPerRequestUsd: cost, latencyMs, devices: 0, keepsUp: true };
  }
  const d = (kind === 'cloud-gpu' ? w.cloud : w.owned) as DeviceSetup;
  const t = deviceTiming(w, d, v, kind);
  const peakRate = (requestsPerDay / 86_400) * w.peakToAverage;
  const needed = Math.max(1, Math.ceil(peakRate / t.capacityPerS - 1e-9));
  if (kind === 'cloud-gpu') {
    const c = w.cloud as NonNullable<ResolvedWorkload['cloud']>;
    const instances = Math.max(c.minInstances, needed);
    const monthly = instances * d.devicesPerInstance * v.cloudUsdPerGpuHour * HOURS_PER_MONTH;
    return { monthlyCostUsd: monthly, costPerRequestUsd: perRequest(monthly), latencyMs: t.latencyS * 1000, devices: instances * d.devicesPerInstance, keepsUp: true };
  }
  const o = w.owned as NonNullable<ResolvedWorkload['owned']>;
  const instances = o.fixedCount ?? needed;
  const devices = instances * d.devicesPerInstance;
  // No resale value: the purchase is written off over the device life or the workload, whichever is shorter.
  const writeOffMonths = Math.min(o.lifeMonths, w.months);
  const busy = Math.min(1, requestsPerDay / 86_400 / (t.capacityPerS * instances));
  const avgPowerW = v.ownedPowerW * (v.idlePowerFraction + (1 - v.idlePowerFraction) * busy);
  const energyUsd = (devices * avgPowerW * HOURS_PER_MONTH * v.electricityUsdPerKwh) / 1000;
  const monthly = (devices * o.purchaseUsd) / writeOffMonths + energyUsd;
  return { monthlyCostUsd: monthly, costPerRequestUsd: perRequest(monthly), latencyMs: t.latencyS * 1000, devices, keepsUp: instances >= needed };
}
