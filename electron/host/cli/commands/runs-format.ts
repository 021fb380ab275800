import type { RunDetail, RunRow } from '../../../../shared/contract/runs';
import { money, table } from '../format';
import { safeText } from '../terminal-text';

/** Text and JSON shapes of `tally runs list` and `tally runs show`. */

/**
 * One run as `tally runs list --json` prints it. The first fields are a fixed interface for
 * scripts (id, name, experiment, project, status, startTime, endTime, params, tags, metrics,
 * hardware, devices, hours, costUsd, energyKwh, co2Kg); the rest add the project-currency cost
 * and what each figure is based on.
 */
export function runJson(r: RunRow, projectName: string) {
  return {
    id: r.id,
    name: r.name,
    experiment: r.experimentName,
    project: projectName,
    status: r.status,
    startTime: r.startTime,
    endTime: r.endTime,
    params: r.params,
    tags: r.tags,
    metrics: r.metrics,
    hardware: r.hardwareId,
    devices: r.devices,
    hours: r.hours,
    costUsd: r.costUsdCents == null ? null : r.costUsdCents / 100,
    energyKwh: r.energyKwh,
    co2Kg: r.co2Kg,
    experimentId: r.experimentId,
    projectId: r.projectId,
    lifecycleStage: r.lifecycleStage,
    cost: r.costCents == null ? null : r.costCents / 100,
    currency: r.currency,
    costBasis: r.costBasis,
    costUnknownReason: r.costUnknownReason,
    hoursBasis: r.hoursBasis,
    energyBasis: r.energyBasis,
  };
}

export function runsTable(rows: Array<{ run: RunRow; project: string }>): string {
  return table(
    ['ID', 'NAME', 'PROJECT', 'EXPERIMENT', 'STATUS', 'HARDWARE', 'HOURS', 'COST', 'ENERGY'],
    rows.map(({ run: r, project }) => [
      r.id,
      safeText(r.name),
      safeText(project),
      safeText(r.experimentName),
      r.status,
      r.hardwareId ? `${r.devices ?? 1} x ${safeText(r.hardwareId)}` : 'unknown',
      r.hours == null ? '-' : r.hours.toFixed(2),
      r.costCents == null ? (r.costUsdCents == null ? 'unknown' : `unknown in ${r.currency} (${money(r.costUsdCents, 'USD')}, no rate)`) : money(r.costCents, r.currency),
      r.energyKwh == null ? '-' : `${r.energyKwh.toFixed(1)} kWh`,
    ]),
  );
}

const ENERGY_BASIS = { 'measured-kwh': 'measured (entered)', 'system-metrics': 'measured from GPU power metrics', estimated: 'estimated from device power', unknown: 'unknown' } as const;
const COST_BASIS = { manual: 'manual cost', 'per-run-price': "the run's own price", 'project-rate': "the project's negotiated rate", catalog: 'catalog price', unknown: 'unknown' } as const;

/** " ($543.20 at 0.9 EUR per US dollar, as of 2026-11-30)" after a cost converted from dollars. */
function convertedFrom(c: RunDetail['cost']): string {
  if (c.costCents == null || c.currency === 'USD' || c.costUsdCents == null) return '';
  const rate = c.assumptions.find((a) => a.name === 'usdRate');
  const at = rate ? ` at ${String(rate.value)} ${c.currency} per US dollar${rate.asOf ? `, as of ${rate.asOf}` : ''}` : '';
  return ` (${money(c.costUsdCents, 'USD')}${at})`;
}

export function runText(d: RunDetail, projectName: string): string {
  const c = d.cost;
  const kv = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `    ${safeText(k)} = ${safeText(v)}`);
  const lines = [
    `${safeText(d.name)}${d.lifecycleStage === 'deleted' ? ' (deleted)' : ''}`,
    `  id          ${d.id}`,
    `  project     ${safeText(projectName)}`,
    `  experiment  ${safeText(d.experimentName)} (${d.experimentId})`,
    `  status      ${d.status}`,
    `  started     ${d.startTime ?? '-'}`,
    `  ended       ${d.endTime ?? '-'}`,
    `  hardware    ${d.hardwareId ? `${d.devices ?? 1} x ${safeText(d.hardwareName ?? d.hardwareId)}${d.hardwareName ? '' : ' (not in the catalog)'}` : 'unknown (set tag tally.hardware)'}`,
    `  hours       ${c.hours == null ? 'unknown' : `${c.hours.toFixed(2)} (${c.hoursBasis})`}`,
    `  cost        ${c.costCents == null ? `unknown: ${c.unknownReason ?? ''}` : money(c.costCents, c.currency)}${convertedFrom(c)}  [${COST_BASIS[c.basis]}${c.priceAsOf ? `, as of ${c.priceAsOf}` : ''}]`,
    `  energy      ${c.energyKwh == null ? 'unknown' : `${c.energyKwh.toFixed(2)} kWh`}  [${ENERGY_BASIS[c.energyBasis]}]`,
    `  CO2         ${c.co2Kg == null ? 'unknown' : `${c.co2Kg.toFixed(2)} kg`}`,
    '  assumptions',
    ...c.assumptions.map((a) => `    ${a.name}: ${safeText(String(a.value))}${a.unit ? ` ${a.unit}` : ''} (${safeText(a.source)}${a.asOf ? `, as of ${a.asOf}` : ''})`),
  ];
  if (Object.keys(d.params).length) lines.push('  params', ...kv(d.params));
  if (d.latestMetrics.length) lines.push('  metrics (latest)', ...d.latestMetrics.map((m) => `    ${safeText(m.key)} = ${m.value} (step ${m.step}, ${m.points} points)`));
  if (Object.keys(d.tags).length) lines.push('  tags', ...kv(d.tags));
  if (d.notes) lines.push('  notes', `    ${safeText(d.notes)}`);
  return lines.join('\n');
}

