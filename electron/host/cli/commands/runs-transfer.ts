import { resolve } from 'node:path';
import type { RunImportKind, RunImportResult } from '../../../../shared/contract/runs-io';
import type { Backend } from '../../../backend/create-backend';
import type { Parsed } from '../args';
import { stringFlag } from '../args';
import { call } from '../backend-call';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import { refuseOutputsOverInputs, writeFileAtomic } from '../output-file';
import { safeText } from '../terminal-text';
import { experimentByName, projectByName } from './track-lookup';

/**
 * `tally runs import mlruns DIR | csv FILE | json FILE` and `tally runs export FILE`.
 * Import exit codes: 0 every run found was imported (a repeated import that adds nothing
 * included), 1 some entries were skipped (or there were no runs at all), 2 the input cannot be
 * used (no such path, not an mlruns folder, a CSV without its header, JSON that does not parse).
 */
const KINDS: readonly RunImportKind[] = ['mlruns', 'csv', 'json'];
const UNUSABLE = new Set(['INVALID_INPUT', 'FILE_NOT_FOUND', 'PARSE_ERROR', 'NOT_FOUND', 'FORBIDDEN']);

function where(s: RunImportResult['skipped'][number]): string {
  return `${safeText(s.path)}${s.line !== null ? `:${s.line}` : ''}`;
}

export function importText(r: RunImportResult): string {
  const runs = r.runsCreated + r.runsUpdated;
  const lines = [
    runs === 0
      ? `Nothing imported from ${safeText(r.path)}.`
      : `Imported ${r.runsCreated} new run${r.runsCreated === 1 ? '' : 's'}${r.runsUpdated ? ` and refreshed ${r.runsUpdated} already in Tally` : ''} from ${safeText(r.path)}: ${r.metricPoints.toLocaleString('en-US')} metric points${r.duplicatePoints ? ` (${r.duplicatePoints.toLocaleString('en-US')} already there)` : ''}, ${r.params} params, ${r.tags} tags.`,
    ...r.experiments.map((e) => `  ${safeText(e.name)} -> project "${safeText(e.projectName)}"${e.created ? ' (new experiment)' : ''}: ${e.runs} run${e.runs === 1 ? '' : 's'}`),
  ];
  const skipped = r.skipped.length + r.moreSkipped;
  if (skipped > 0) {
    lines.push(`Skipped ${skipped} entr${skipped === 1 ? 'y' : 'ies'}:`);
    for (const s of r.skipped) lines.push(`  ${where(s)}  ${s.what}${s.field ? ` ${safeText(s.field)}` : ''}: ${safeText(s.reason)}`);
    if (r.moreSkipped) lines.push(`  ... and ${r.moreSkipped} more (use --json to see the first 1,000)`);
  }
  return lines.join('\n');
}

export async function runsImport(backend: Backend, p: Parsed, io: CliIo, usage: string): Promise<number> {
  const kind = p.positionals[1] as RunImportKind | undefined;
  const target = p.positionals[2];
  if (!kind || !KINDS.includes(kind) || !target) throw new CliError(`give what to import: mlruns DIR, csv FILE or json FILE\nusage: ${usage}`);
  const projectName = stringFlag(p, 'project');
  const r = await backend.dispatch('runs.import', { kind, path: resolve(io.cwd, target), ...(projectName ? { projectName } : {}) });
  if (!r.ok) throw new CliError(r.error.message, UNUSABLE.has(r.error.code) ? EXIT.usage : EXIT.failed);
  const result = r.value as RunImportResult;
  io.out(p.values.json === true ? json(result) : importText(result));
  const skipped = result.skipped.length + result.moreSkipped;
  return skipped > 0 || result.runsCreated + result.runsUpdated === 0 ? EXIT.failed : EXIT.ok;
}

function formatOf(p: Parsed, file: string): 'csv' | 'json' {
  const f = stringFlag(p, 'format');
  if (f === undefined) return /\.json$/i.test(file) ? 'json' : 'csv';
  if (f !== 'csv' && f !== 'json') throw new CliError(`--format is csv or json, not "${safeText(f)}"`);
  return f;
}

export async function runsExport(backend: Backend, p: Parsed, io: CliIo, usage: string): Promise<number> {
  const file = p.positionals[1];
  if (!file) throw new CliError(`missing FILE\nusage: ${usage}`);
  const format = formatOf(p, file);
  const withHistory = p.values['with-history'] === true;
  if (withHistory && format === 'csv') throw new CliError('--with-history needs --format json (a CSV holds the latest value of each metric)');
  const projectName = stringFlag(p, 'project');
  const experimentName = stringFlag(p, 'experiment');
  let scope: { projectId: string } | { experimentIds: string[] };
  if (experimentName) {
    const e = await experimentByName(backend, experimentName);
    if (projectName && (await projectByName(backend, projectName)).id !== e.projectId) throw new CliError(`experiment "${safeText(e.name)}" is not in project "${safeText(projectName)}"`);
    scope = { experimentIds: [e.id] };
  } else if (projectName) scope = { projectId: (await projectByName(backend, projectName)).id };
  else {
    const projects = await call(backend, 'projects.list', { includeArchived: true });
    if (projects.length !== 1) throw new CliError(`give --project NAME or --experiment NAME${projects.length ? ` (projects: ${projects.map((x) => `"${safeText(x.name)}"`).join(', ')})` : ': there are no projects yet'}`);
    scope = { projectId: projects[0]!.id };
  }
  const out = await call(backend, 'runs.export', { ...scope, format, withHistory });
  const path = resolve(io.cwd, file);
  refuseOutputsOverInputs([{ flag: 'the Tally database', path: backend.context.dbPath }], [{ flag: 'FILE', path }]);
  writeFileAtomic(path, out.text, 'FILE');
  io.out(p.values.json === true ? json({ file: path, format, runs: out.runs }) : `Wrote ${out.runs} run${out.runs === 1 ? '' : 's'} to ${safeText(file)} (${format}${withHistory ? ', with metric histories' : ''}).`);
  return EXIT.ok;
}
