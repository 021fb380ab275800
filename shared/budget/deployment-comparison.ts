import type { HardwareSpec } from '../domain/hardware';
import type { CloudGpuPriceRow } from '../catalog/catalog-types';
import { providersFor, selectPrices } from '../catalog/price-selection';
import { AppError, invalidInput } from '../domain/errors';
import { countOf } from '../domain/plain-words';
import { assumptionFrom, type Assumptions } from './assumption';
import { breakEven, type BreakEven } from './break-even';
import * as D from './deployment-defaults';
import { DAYS_PER_MONTH, optionFigures, type DeploymentDraw, type DeploymentOptionKind, type DeploymentOptionResult, type DeviceSetup, type ResolvedWorkload } from './deployment-options';
import { decodeEfficiency } from './decode-efficiency';
import { DEFAULT_POWER_FRACTION_OF_TDP, POWER_SOURCE } from './energy-defaults';
import { defaultKvPrecision } from './inference-defaults';
import { estimateInferenceMemory } from './inference-memory';
import { invalid } from './input-checks';
import { medians, runMonteCarlo, type MonteCarloOptions } from './monte-carlo';
import { peakFor } from './peak-throughput';
import { canSplit, cannotSplitReason } from './device-traits';
import { checkPlausible, checkPowerAgainstTdp, PLAUSIBLE } from './plausibility';
import { tornado, type SensitivityEntry } from './sensitivity';
import { SERVING_PROFILES, type ServingProfile } from './serving-profiles';
import { certain, type Uncertain } from './uncertain-value';
import { checkWorkload, type Workload } from './workload';
import { recommend, type Recommendation } from './deployment-recommendation';
import { DEFAULT_ELECTRICITY, WRITE_OFF_SOURCE } from './owned-hardware';

/**
 * Cloud API vs rented cloud GPU vs owned/edge device for one workload: monthly cost (P10-P90),
 * cost per request, latency against the target, where the data goes, break-even volumes, a
 * one-sentence recommendation and what would change it. Pure: the catalog rows are passed in.
 */
export interface DeploymentCatalog {
  hardware: readonly HardwareSpec[];
  /** Chosen by the rule of shared/catalog/price-selection.ts (superseded rows out, weighted by age). */
  cloudGpuPrices?: readonly CloudGpuPriceRow[];
  llmApiPrices?: readonly { id: string; inputUsdPerMTok: number; outputUsdPerMTok: number }[];
}


export interface DeploymentComparison {
  requestsPerDay: number;
  requestsPerMonth: number;
  options: DeploymentOptionResult[];
  breakEven: BreakEven[];
  /** Monthly P50 cost of each option over a range of volumes, for the cost-vs-volume chart. */
  costVsVolume: { requestsPerDay: number; monthlyCostUsd: Partial<Record<DeploymentOptionKind, number>> }[];
  recommendation: Recommendation;
  sensitivity: SensitivityEntry[];
  assumptions: Assumptions;
  /** Inputs outside their plausible range (the comparison still ran). */
  warnings: string[];
}

type In = keyof DeploymentDraw;
const LABEL: Record<DeploymentOptionKind, string> = { api: 'Cloud AI service (API)', 'cloud-gpu': 'Rented cloud GPU', owned: 'Your own device' };

function deviceSetup(hw: readonly HardwareSpec[], id: string, path: string, w: Workload): DeviceSetup & { memNote?: string } {
  const spec = hw.find((h) => h.id === id);
  // The device's plain name leads ("Hardware: unknown ..."); the path stays in the issue for forms and the CLI's flags.
  if (!spec) throw invalidInput(path, `unknown hardware id "${id}"; valid ids: ${hw.map((h) => h.id).sort().join(', ')}`, { issue: 'unknown hardware id' });
  const precision = w.model?.precision ?? 'fp16';
  const llm = w.outputTokensPerRequest !== undefined;
  // A fully-INT8 generic model runs on the INT8 units; LLM int8/int4 is weight-only (16-bit math).
  const int8Items = !llm && w.itemsPrecision === 'int8' && spec.int8Tops !== null;
  const peak = int8Items ? { tflops: spec.int8Tops as number } : peakFor(spec, llm ? precision : (w.itemsPrecision ?? 'fp16'));
  if (!peak) throw invalid(path, `${spec.name} publishes no usable compute figure`);
  let devicesPerInstance = 1;
  if (w.model && llm) {
    const kv = w.model.layers && w.model.kvHeads && w.model.headDim ? { layers: w.model.layers, kvHeads: w.model.kvHeads, headDim: w.model.headDim } : undefined;
    const mem = estimateInferenceMemory({ params: w.model.params, precision, ...(kv ? { kv } : {}), context: (w.inputTokensPerRequest ?? 0) + (w.outputTokensPerRequest ?? 0), batch: concurrencyOf(w) }, [spec], 64);
    const fit = mem.fits[0];
    if (!fit && !canSplit(spec)) throw invalid(path, `${spec.name}: the model (${mem.totalGb.toFixed(1)} GB) does not fit on one (${spec.memoryGb} GB), and ${cannotSplitReason(spec).replace(`${spec.name} has`, 'it has')}`);
    if (!fit) throw invalid(path, `${spec.name}: the model (${mem.totalGb.toFixed(1)} GB) does not fit even on 64 devices`);
    devicesPerInstance = fit.count;
  }
  return { spec, peakTflops: peak.tflops, devicesPerInstance };
}

function concurrencyOf(w: Workload): number {
  return w.concurrency ?? ((w.serving ?? 'optimized') === 'optimized' ? 8 : 1);
}

function cloudPrice(w: Workload, cat: DeploymentCatalog): { u: Uncertain; source: string; asOf?: string } {
  const c = w.options.cloudGpu as NonNullable<Workload['options']['cloudGpu']>;
  if (c.usdPerHour !== undefined) return { u: certain(c.usdPerHour), source: 'workload file' };
  const prices = cat.cloudGpuPrices ?? [];
  const sel = selectPrices(prices, c.hardwareId, c.provider === undefined ? {} : { provider: c.provider });
  if (!sel && c.provider !== undefined) {
    const known = providersFor(prices, c.hardwareId);
    throw invalid('options.cloudGpu.provider', `no on-demand price for ${c.hardwareId} from "${c.provider}"; ${known.length ? `providers with one: ${known.join(', ')}` : 'the catalog has none for this device'}`);
  }
  if (!sel) throw invalid('options.cloudGpu.usdPerHour', `is required: the catalog has no on-demand price for ${c.hardwareId}`);
  const who = sel.used.map((u) => `${u.row.provider} ${u.row.usdPerGpuHour} (${u.row.asOf})`).join(', ');
  const left = sel.dropped.length ? `; left out as superseded: ${sel.dropped.map((d) => `${d.row.provider} ${d.row.usdPerGpuHour}, ${d.reason}`).join('; ')}` : '';
  const source = `catalog on-demand prices for ${c.hardwareId}${c.provider ? ` from ${c.provider}` : ''}, lowest / weighted median / highest of ${sel.used.length}: ${who}${left}${sel.note ? `; ${sel.note}` : ''}`;
  return { u: { p10: sel.p10, p50: sel.p50, p90: sel.p90 }, source, asOf: sel.oldestAsOf };
}

export function compareDeployments(workloadInput: Workload, cat: DeploymentCatalog, options: MonteCarloOptions = {}): DeploymentComparison {
  const checked = checkWorkload(workloadInput);
  if (!checked.ok) throw new AppError('INVALID_INPUT', `workload: ${checked.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues: checked.issues });
  const w = checked.workload;
  const profile: ServingProfile = SERVING_PROFILES[w.serving ?? 'optimized'];
  const assumptions: Assumptions = {};
  const warnings: string[] = [];
  const rw: ResolvedWorkload = { peakToAverage: w.peakToAverage ?? D.DEFAULT_PEAK_TO_AVERAGE, concurrency: concurrencyOf(w), months: w.months };
  if (w.outputTokensPerRequest !== undefined) {
    const m = w.model;
    const kv = m?.layers && m.kvHeads && m.headDim ? { layers: m.layers, kvHeads: m.kvHeads, headDim: m.headDim } : undefined;
    rw.llm = { params: m?.params ?? 1, precision: m?.precision ?? 'fp16', kvPrecision: defaultKvPrecision(m?.precision ?? 'fp16'), promptTokens: w.inputTokensPerRequest ?? 0, outputTokens: w.outputTokensPerRequest, ...(kv ? { kv } : {}) };
  } else rw.items = { itemsPerRequest: w.itemsPerRequest as number, gflopsPerItem: w.gflopsPerItem as number };

  const inputs: Record<In, Uncertain> = {
    apiFirstTokenMs: D.DEFAULT_API_FIRST_TOKEN_MS,
    apiOutputTokensPerS: D.DEFAULT_API_OUTPUT_TOKENS_PER_S,
    cloudUsdPerGpuHour: certain(0),
    cloudBandwidthEfficiency: certain(0),
    ownedBandwidthEfficiency: certain(0),
    computeEfficiency: profile.computeEfficiency,
    cloudStepOverheadMs: certain(0),
    ownedStepOverheadMs: certain(0),
    cloudFirstTokenOverheadMs: certain(0),
    ownedFirstTokenOverheadMs: certain(0),
    electricityUsdPerKwh: D.DEFAULT_ELECTRICITY_USD_PER_KWH,
    ownedPowerW: certain(0),
    idlePowerFraction: certain(D.IDLE_POWER_FRACTION),
  };
  const kinds: DeploymentOptionKind[] = [];
  const { api, cloudGpu, owned } = w.options;
  if (api) {
    let prices = { inputUsdPerMTok: api.inputUsdPerMTok ?? Number.NaN, outputUsdPerMTok: api.outputUsdPerMTok ?? Number.NaN };
    if (api.id !== undefined && (api.inputUsdPerMTok === undefined || api.outputUsdPerMTok === undefined)) {
      const row = (cat.llmApiPrices ?? []).find((p) => p.id === api.id);
      if (!row) throw invalid('options.api.id', `unknown API price id "${api.id}"`);
      prices = { inputUsdPerMTok: api.inputUsdPerMTok ?? row.inputUsdPerMTok, outputUsdPerMTok: api.outputUsdPerMTok ?? row.outputUsdPerMTok };
    }
    if (rw.llm && !(Number.isFinite(prices.inputUsdPerMTok) && Number.isFinite(prices.outputUsdPerMTok))) throw invalid('options.api', 'needs an id from the catalog or inputUsdPerMTok and outputUsdPerMTok');
    rw.api = { ...prices, ...(api.usdPerItem !== undefined ? { usdPerItem: api.usdPerItem } : {}) };
    if (api.firstTokenMs !== undefined) inputs.apiFirstTokenMs = certain(api.firstTokenMs);
    if (api.outputTokensPerS !== undefined) inputs.apiOutputTokensPerS = certain(api.outputTokensPerS);
    assumptions.apiPrice = rw.llm ? { value: `${prices.inputUsdPerMTok} / ${prices.outputUsdPerMTok}`, unit: 'USD per 1M input / output tokens', source: api.id ? `catalog ${api.id}` : 'workload file' } : { value: api.usdPerItem as number, unit: 'USD/item', source: 'workload file' };
    assumptions.apiFirstTokenMs = assumptionFrom(inputs.apiFirstTokenMs, 'ms', api.firstTokenMs === undefined ? D.API_LATENCY_SOURCE : 'workload file');
    if (rw.llm) assumptions.apiOutputTokensPerS = assumptionFrom(inputs.apiOutputTokensPerS, 'tokens/s', api.outputTokensPerS === undefined ? D.API_LATENCY_SOURCE : 'workload file');
    kinds.push('api');
  }
  if (cloudGpu) {
    rw.cloud = { ...deviceSetup(cat.hardware, cloudGpu.hardwareId, 'options.cloudGpu.hardwareId', w), minInstances: cloudGpu.minInstances ?? 1 };
    const p = cloudPrice(w, cat);
    inputs.cloudUsdPerGpuHour = p.u;
    assumptions.cloudUsdPerGpuHour = { ...assumptionFrom(p.u, 'USD/GPU-h', p.source), ...(p.asOf ? { asOf: p.asOf } : {}) };
    const dev = decodeEfficiency(rw.cloud.spec);
    inputs.cloudBandwidthEfficiency = dev.bandwidth;
    inputs.cloudStepOverheadMs = profile.perStepOverheadMs ?? dev.stepOverheadMs;
    inputs.cloudFirstTokenOverheadMs = rw.cloud.devicesPerInstance > 1 ? profile.firstTokenOverheadMs.split : profile.firstTokenOverheadMs.single;
    assumptions.cloudBandwidthEfficiency = assumptionFrom(dev.bandwidth, 'fraction of peak bandwidth', dev.source);
    assumptions.cloudStepOverheadMs = assumptionFrom(inputs.cloudStepOverheadMs, 'ms per decode step', profile.perStepOverheadMs ? profile.source : dev.source);
    kinds.push('cloud-gpu');
  }
  if (owned) {
    const setup = deviceSetup(cat.hardware, owned.hardwareId, 'options.owned.hardwareId', w);
    rw.owned = { ...setup, purchaseUsd: owned.purchaseUsd, lifeMonths: owned.lifeMonths ?? D.DEFAULT_LIFE_MONTHS, ...(owned.count !== undefined ? { fixedCount: owned.count } : {}) };
    const dev = decodeEfficiency(setup.spec);
    inputs.ownedBandwidthEfficiency = dev.bandwidth;
    inputs.ownedStepOverheadMs = profile.perStepOverheadMs ?? dev.stepOverheadMs;
    inputs.ownedFirstTokenOverheadMs = setup.devicesPerInstance > 1 ? profile.firstTokenOverheadMs.split : profile.firstTokenOverheadMs.single;
    assumptions.ownedBandwidthEfficiency = assumptionFrom(dev.bandwidth, 'fraction of peak bandwidth', dev.source);
    assumptions.ownedStepOverheadMs = assumptionFrom(inputs.ownedStepOverheadMs, 'ms per decode step', profile.perStepOverheadMs ? profile.source : dev.source);
    if (owned.powerW !== undefined) {
      checkPowerAgainstTdp('options.owned.powerW', owned.powerW, setup.spec.tdpW, setup.spec.name, warnings, 'Device power');
      inputs.ownedPowerW = certain(owned.powerW);
    }
    else if (setup.spec.tdpW !== null) inputs.ownedPowerW = { p10: setup.spec.tdpW * DEFAULT_POWER_FRACTION_OF_TDP.p10, p50: setup.spec.tdpW, p90: setup.spec.tdpW };
    else throw invalid('options.owned.powerW', `is required: ${setup.spec.name} has no published power figure`);
    if (owned.electricityUsdPerKwh !== undefined) {
      checkPlausible('options.owned.electricityUsdPerKwh', owned.electricityUsdPerKwh, PLAUSIBLE.electricityUsdPerKwh, warnings, 'Electricity price');
      inputs.electricityUsdPerKwh = certain(owned.electricityUsdPerKwh);
    }
    assumptions.ownedPowerW = assumptionFrom(inputs.ownedPowerW, 'W per device', owned.powerW === undefined ? POWER_SOURCE : 'workload file');
    assumptions.electricityUsdPerKwh =
      owned.electricityUsdPerKwh === undefined ? { ...assumptionFrom(inputs.electricityUsdPerKwh, 'USD/kWh', D.ELECTRICITY_SOURCE), asOf: DEFAULT_ELECTRICITY.asOf } : assumptionFrom(inputs.electricityUsdPerKwh, 'USD/kWh', 'workload file');
    // A purchase price of 0 is a device already paid for: only its electricity is a cost.
    if (owned.purchaseUsd === 0) assumptions.purchaseUsd = { value: 'already paid', source: 'workload file' };
    else assumptions.lifeMonths = { value: rw.owned.lifeMonths, unit: 'months', source: owned.lifeMonths === undefined ? WRITE_OFF_SOURCE : 'workload file' };
    assumptions.idlePowerFraction = { value: D.IDLE_POWER_FRACTION, unit: 'of active draw', source: 'Tally judgement' };
    kinds.push('owned');
  }
  if (cloudGpu || owned) {
    assumptions.serving = { value: profile.name, source: profile.label };
    assumptions.firstTokenOverheadMs = assumptionFrom(profile.firstTokenOverheadMs.single, 'ms before the first token on one device', profile.source);
    assumptions.concurrency = { value: rw.concurrency, unit: 'requests served together', source: w.concurrency === undefined ? 'default for the serving profile' : 'workload file' };
    assumptions.peakToAverage = { value: rw.peakToAverage, unit: 'ratio', source: w.peakToAverage === undefined ? D.PEAK_SOURCE : 'workload file' };
  }

  type Out = `${DeploymentOptionKind}:${'monthly' | 'perRequest' | 'latency'}`;
  const outs = kinds.flatMap((k) => [`${k}:monthly`, `${k}:perRequest`, `${k}:latency`] as Out[]);
  const model = (v: Readonly<DeploymentDraw>): Record<Out, number> => {
    const o = {} as Record<Out, number>;
    for (const k of kinds) {
      const f = optionFigures(k, rw, v, w.requestsPerDay);
      o[`${k}:monthly`] = f.monthlyCostUsd;
      o[`${k}:perRequest`] = f.costPerRequestUsd;
      o[`${k}:latency`] = f.latencyMs;
    }
    return o;
  };
  const q = runMonteCarlo(inputs, model, outs, options);
  const mid = medians(inputs);
  const sens = w.dataSensitivity;
  const results: DeploymentOptionResult[] = kinds.map((k) => {
    const f = optionFigures(k, rw, mid, w.requestsPerDay);
    const lat = q[`${k}:latency`];
    const notes: string[] = [];
    if (!f.keepsUp) notes.push(`${countOf(owned?.count ?? f.devices, 'device')} cannot keep up with the busiest hour; requests will queue.`);
    const dev = k === 'cloud-gpu' ? rw.cloud : k === 'owned' ? rw.owned : undefined;
    if (dev && dev.devicesPerInstance > 1) notes.push(`The model needs ${dev.devicesPerInstance} x ${dev.spec.name} per copy.`);
    const monthly = q[`${k}:monthly`];
    return {
      option: k,
      label: dev ? `${LABEL[k]} (${dev.spec.name})` : LABEL[k],
      monthlyCostUsd: monthly,
      totalCostUsd: { p10: monthly.p10 * w.months, p50: monthly.p50 * w.months, p90: monthly.p90 * w.months },
      costPerRequestUsd: q[`${k}:perRequest`],
      latencyMs: lat,
      meetsLatencyTarget: w.latencyTargetMs === undefined ? null : lat.p50 <= w.latencyTargetMs && f.keepsUp,
      dataLeavesMachine: k !== 'owned',
      dataGoesToThirdParty: k === 'api',
      allowedBySensitivity: k === 'owned' || sens === 'public' || sens === 'internal' || (sens === 'confidential' && k === 'cloud-gpu'),
      devices: f.devices,
      upfrontUsd: k === 'owned' ? f.devices * (rw.owned as NonNullable<ResolvedWorkload['owned']>).purchaseUsd : 0,
      notes,
    };
  });

  const costAt = (k: DeploymentOptionKind) => (perDay: number) => optionFigures(k, rw, mid, perDay).monthlyCostUsd;
  const pairs: BreakEven[] = [];
  for (let i = 0; i < kinds.length; i += 1) for (let j = i + 1; j < kinds.length; j += 1) pairs.push(breakEven(kinds[i] as string, costAt(kinds[i] as DeploymentOptionKind), kinds[j] as string, costAt(kinds[j] as DeploymentOptionKind)));
  const volumes = Array.from({ length: 21 }, (_, i) => Math.max(1, w.requestsPerDay) * Math.pow(10, -2 + (4 * i) / 20));
  const costVsVolume = volumes.map((v) => ({ requestsPerDay: v, monthlyCostUsd: Object.fromEntries(kinds.map((k) => [k, costAt(k)(v)])) as Partial<Record<DeploymentOptionKind, number>> }));
  const rec = recommend(results, pairs, w, (best, other) => tornado(inputs, (v) => ({ gap: optionFigures(best, rw, v, w.requestsPerDay).monthlyCostUsd - optionFigures(other, rw, v, w.requestsPerDay).monthlyCostUsd }), 'gap'));
  return { requestsPerDay: w.requestsPerDay, requestsPerMonth: w.requestsPerDay * DAYS_PER_MONTH, options: results, breakEven: pairs, costVsVolume, recommendation: rec.recommendation, sensitivity: rec.sensitivity, assumptions, warnings };
}
