import { resolve } from 'node:path';
import type { Monitor, MonitorBatch, MonitorDetail, MonitorTaskState } from '../../../../shared/contract/monitors';
import type { Backend } from '../../../backend/create-backend';
import { formatValue, metricName } from '../../../backend/reports/metric-meanings';
import { wrap } from '../../../backend/reports/text-report';
import { parseFlags, requireFlag, stringFlag, type Parsed } from '../args';
import { call, withBackend } from '../backend-call';
import { json, table } from '../format';
import { safeText } from '../terminal-text';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';

const USAGE = `tally monitor add-batch MONITOR FILE [--json]     compare a file of new data with the monitor's reference
       tally monitor rescan MONITOR [--json]             add every new file in the monitor's folder
       tally monitor status MONITOR [--json]             the timeline: drift and metrics per batch, alerts, summary,
                                                         and the latest batch's groups (slices) against the reference
       tally monitor list --project ID [--json]
       tally monitor create --project ID --name NAME (--reference-dataset ID | --reference-evaluation ID) [--folder DIR]
                            [--slice COL ...] [--psi X] [--drift-share X] [--metric-drop X] [--json]
  --slice COL   follow the groups of this column of the reference (repeat for more; replaces the reference
                evaluation's slice columns, which are followed when no --slice is given)
  (all take --data-dir DIR)
  Exit codes: add-batch and rescan exit 1 when a new batch raised an alert; 2 on bad input.`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  project: { type: 'string' },
  name: { type: 'string' },
  'reference-dataset': { type: 'string' },
  'reference-evaluation': { type: 'string' },
  folder: { type: 'string' },
  slice: { type: 'string', multiple: true },
  psi: { type: 'string' },
  'drift-share': { type: 'string' },
  'metric-drop': { type: 'string' },
} as const;

function positional(p: Parsed, i: number, what: string): string {
  const v = p.positionals[i];
  if (!v) throw new CliError(`missing ${what}\nusage: ${USAGE}`);
  return v;
}

function numberFlag(p: Parsed, name: string): number | undefined {
  const raw = stringFlag(p, name);
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x)) throw new CliError(`--${name} must be a number (got "${raw}")`);
  return x;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Starts a batch task and waits for its final state (task.progress events, no polling). */
async function waitForTask(backend: Backend, start: () => Promise<{ taskId: string | null }>): Promise<MonitorTaskState | null> {
  let resolveFinal: () => void = () => undefined;
  const final = new Promise<void>((r) => (resolveFinal = r));
  let taskId: string | null | undefined;
  const unsubscribe = backend.subscribe((e) => {
    if (e.type === 'task.progress' && e.payload.taskId === taskId && ['done', 'failed', 'cancelled'].includes(e.payload.phase)) resolveFinal();
  });
  try {
    taskId = (await start()).taskId;
    if (taskId === null) return null;
    const now = await call(backend, 'monitors.status', { taskId });
    if (!FINAL.has(now.state)) await final;
    return await call(backend, 'monitors.status', { taskId });
  } finally {
    unsubscribe();
  }
}

function batchLine(b: MonitorBatch, headline: string | null): string[] {
  const maxPsi = b.drift.columns.reduce((a, c) => Math.max(a, c.psi), 0);
  return [
    (b.periodStart ?? b.createdAt).slice(0, 10),
    b.fileName,
    b.rows.toLocaleString('en-US'),
    `${b.drift.driftedColumns}/${b.drift.columns.length}`,
    formatValue(maxPsi),
    headline && b.metrics ? formatValue(b.metrics[headline] ?? null) : '-',
    b.alerts.length ? `${b.alerts.length} alert${b.alerts.length > 1 ? 's' : ''}` : 'ok',
  ];
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The latest batch's slices against the reference: rows, share of the rows and the headline metric, before and now. */
function sliceTable(b: MonitorBatch, headline: string | null): string[] {
  if (b.slices.length === 0) return b.slicesReason ? ['', wrap(b.slicesReason, 100, '  ')] : [];
  const metric = headline ? metricName(headline) : null;
  const arrow = (before: string, now: string) => `${before} -> ${now}`;
  const rows = b.slices.map((s) => {
    const r = s.reference;
    const now = metric && headline && s.n > 0 ? formatValue(s.metrics[headline] ?? null) : '-';
    const before = metric && headline && r ? formatValue(r.metrics[headline] ?? null) : '-';
    const note = s.fellBehind ? 'fell behind' : s.n === 0 ? 'none in this batch' : s.tooSmall ? 'too small to judge' : r === null ? 'not in the reference' : '';
    return [safeText(s.label), s.n.toLocaleString('en-US'), arrow(r ? percent(r.share) : '-', percent(s.share)), ...(metric ? [arrow(before, now)] : []), note];
  });
  const headers = ['GROUP', 'ROWS', 'SHARE OF ROWS (REF -> NOW)', ...(metric ? [`${metric.toUpperCase()} (REF -> NOW)`] : []), ''];
  return ['', `Groups in ${b.fileName}, against the same groups of the reference:`, table(headers, rows), ...(b.slicesReason ? [wrap(b.slicesReason, 100, '  ')] : [])];
}

/** Which columns' groups the monitor follows; null for a monitor that measures drift only (no roles). */
function followedGroups(m: Monitor): string | null {
  if (m.roles === null) return null;
  const slices = m.roles.slices ?? [];
  return slices.length ? `Follows the groups of ${slices.map((c) => safeText(c)).join(', ')}.` : 'Follows no groups (create a monitor with --slice COL to follow some).';
}

function statusText(d: MonitorDetail): string {
  const followed = followedGroups(d);
  const out = [`${d.name}: compares batches with ${d.reference.kind} "${d.reference.name}" (${d.reference.path})`, ...(followed ? [followed] : []), wrap(d.summary, 100, '  '), ''];
  if (d.batches.length > 0) {
    const metric = d.headlineMetric ? metricName(d.headlineMetric) : 'metric';
    out.push(table(['DATE', 'FILE', 'ROWS', 'DRIFTED', 'MAX PSI', metric.toUpperCase(), 'ALERTS'], d.batches.map((b) => batchLine(b, d.headlineMetric))));
    const last = d.batches[d.batches.length - 1]!;
    if (last.alerts.length) out.push('', `Alerts in ${last.fileName}:`, ...last.alerts.map((a) => wrap(a, 100, '  - ').replace(/\n {2}- /g, '\n    ')));
    if (last.metricsReason) out.push('', wrap(last.metricsReason, 100, '  '));
    out.push(...sliceTable(last, d.headlineMetric));
  }
  out.push('', `Thresholds: PSI ${d.thresholds.psi}, drifted share ${d.thresholds.driftShare}, metric drop ${d.thresholds.metricDrop}.`);
  return out.join('\n');
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const sub = p.positionals[0];
  return withBackend(io, stringFlag(p, 'data-dir'), async (backend) => {
    switch (sub) {
      case 'create': {
        const datasetId = stringFlag(p, 'reference-dataset');
        const evaluationId = stringFlag(p, 'reference-evaluation');
        if ((datasetId === undefined) === (evaluationId === undefined)) throw new CliError(`give one reference: --reference-dataset ID or --reference-evaluation ID\nusage: ${USAGE}`);
        const thresholds = Object.fromEntries(
          [
            ['psi', numberFlag(p, 'psi')],
            ['driftShare', numberFlag(p, 'drift-share')],
            ['metricDrop', numberFlag(p, 'metric-drop')],
          ].filter(([, v]) => v !== undefined),
        );
        const folder = stringFlag(p, 'folder');
        const slices = p.values.slice;
        const m = await call(backend, 'monitors.create', {
          projectId: requireFlag(p, 'project', USAGE),
          name: requireFlag(p, 'name', USAGE),
          reference: datasetId !== undefined ? { kind: 'dataset', datasetId } : { kind: 'evaluation', evaluationId: evaluationId! },
          ...(folder ? { folder: resolve(io.cwd, folder) } : {}),
          ...(Array.isArray(slices) ? { slices } : {}),
          ...(Object.keys(thresholds).length ? { thresholds } : {}),
        });
        const followed = followedGroups(m);
        io.out(asJson ? json(m) : `Created monitor "${m.name}" (${m.id}).${followed ? ` ${followed}` : ''}`);
        return EXIT.ok;
      }
      case 'list': {
        const list: Monitor[] = await call(backend, 'monitors.list', { projectId: requireFlag(p, 'project', USAGE) });
        io.out(asJson ? json(list) : list.length ? table(['ID', 'NAME', 'REFERENCE', 'BATCHES', 'STATUS'], list.map((m) => [m.id, m.name, m.reference.name, m.batchCount, m.alert ? 'alert' : 'ok'])) : 'No monitors in this project yet.');
        return EXIT.ok;
      }
      case 'status': {
        const d = await call(backend, 'monitors.get', { id: positional(p, 1, 'MONITOR') });
        io.out(asJson ? json(d) : statusText(d));
        return EXIT.ok;
      }
      case 'add-batch':
      case 'rescan': {
        const monitorId = positional(p, 1, 'MONITOR');
        const files: string[] = [];
        const task = await waitForTask(backend, async () => {
          if (sub === 'rescan') {
            const r = await call(backend, 'monitors.rescan', { monitorId });
            files.push(...r.files);
            return r;
          }
          return call(backend, 'monitors.addBatch', { monitorId, path: resolve(io.cwd, positional(p, 2, 'FILE')) });
        });
        const detail = await call(backend, 'monitors.get', { id: monitorId });
        if (task === null) {
          io.out(asJson ? json({ monitor: detail, added: [] }) : 'No new files in the folder.');
          return EXIT.ok;
        }
        if (task.state !== 'succeeded') {
          const unusable = task.error?.code === 'PARSE_ERROR' || task.error?.code === 'FILE_NOT_FOUND' || task.error?.code === 'CONFLICT';
          throw new CliError(task.error?.message ?? `the batch ${task.state}`, unusable ? EXIT.usage : EXIT.failed);
        }
        const added = detail.batches.filter((b) => task.batchIds.includes(b.id));
        io.out(asJson ? json({ monitor: detail, added }) : statusText(detail));
        return added.some((b) => b.alerts.length > 0) ? EXIT.failed : EXIT.ok;
      }
      default:
        throw new CliError(`unknown subcommand "${sub ?? ''}"\nusage: ${USAGE}`);
    }
  });
}

export const monitorCommand: Command = {
  name: 'monitor',
  summary: 'watch a model for drift: add batches of new data, see the timeline (exit 1 on an alert)',
  usage: USAGE,
  run,
};
