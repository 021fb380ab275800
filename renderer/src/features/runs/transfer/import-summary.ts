import type { RunImportKind, RunImportResult, SkippedEntry } from '../../../../../shared/contract/runs-io';

/** Plain-language lines for what an import did, pure so the wording is tested. */
export const IMPORT_KINDS: Array<{ kind: RunImportKind; label: string; hint: string }> = [
  { kind: 'mlruns', label: 'MLflow folder (mlruns)', hint: 'Choose the mlruns folder an MLflow client wrote (it holds 0/, 1/ ... and .trash/), or one experiment folder in it.' },
  { kind: 'csv', label: 'CSV file', hint: 'A CSV with the columns Tally exports: id, name, experiment, status, start_time, ..., then param.<key>, metric.<key>, tag.<key>.' },
  { kind: 'json', label: 'JSON file', hint: 'A JSON file Tally exported (with or without metric histories).' },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function importHeadline(r: RunImportResult): string {
  const runs = r.runsCreated + r.runsUpdated;
  if (runs === 0) return 'Nothing was imported.';
  const refreshed = r.runsUpdated ? `, ${plural(r.runsUpdated, 'run')} Tally already had refreshed` : '';
  const dupes = r.duplicatePoints ? ` (${plural(r.duplicatePoints, 'point')} were already there)` : '';
  return `Imported ${plural(r.runsCreated, 'new run')}${refreshed}: ${plural(r.metricPoints, 'metric point')}${dupes}, ${plural(r.params, 'param')}, ${plural(r.tags, 'tag')}.`;
}

export function skippedHeadline(r: RunImportResult): string | null {
  const n = r.skipped.length + r.moreSkipped;
  return n === 0 ? null : `${plural(n, 'entry', 'entries')} could not be imported and ${n === 1 ? 'was' : 'were'} skipped; everything else was kept.`;
}

/** "metrics/val_loss, line 3", relative to the chosen path when it is inside it. */
export function skippedPlace(s: SkippedEntry, base: string): string {
  const rel = s.path.startsWith(`${base}/`) ? s.path.slice(base.length + 1) : s.path;
  return `${rel}${s.line !== null ? `, line ${s.line}` : ''}${s.field ? ` (${s.field})` : ''}`;
}

/** The kind a chosen path suggests: a .csv or .json file, else a folder. */
export function kindForPath(path: string): RunImportKind {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  return 'mlruns';
}
