import type { ColumnProfile, Dataset } from '../../../../shared/contract/datasets';

/** Pure views over datasets; tested without React. */

export type BadgeTone = 'ok' | 'warn' | 'error' | 'neutral';

export interface StatusBadge {
  label: string;
  tone: BadgeTone;
  /** One line in plain words: what the badge means for the owner. */
  meaning: string;
}

/**
 * Whether the file on disk is the one Tally read: a fact about the file, never a quality verdict,
 * so it is never green (a green "OK" beside a failed check read as "the data is fine").
 */
export function fileBadge(d: Pick<Dataset, 'status' | 'analysedAt'>): StatusBadge {
  if (d.status === 'missing') return { label: 'File missing', tone: 'error', meaning: 'No file at this path any more. Re-link it if it moved.' };
  if (d.status === 'changed') {
    return d.analysedAt
      ? { label: 'Changed since last check', tone: 'warn', meaning: 'The file changed since Tally last checked it; the verdict below is about the old content. Run a check again.' }
      : { label: 'Changed since added', tone: 'warn', meaning: 'The file changed since it was added. Run a check to see its content.' };
  }
  if (!d.analysedAt) return { label: 'Not checked yet', tone: 'neutral', meaning: 'Added, not checked yet: run a data-quality check to see its rows, columns and any problems.' };
  return { label: 'Unchanged since last check', tone: 'neutral', meaning: 'The file has the same content as when it was last checked.' };
}

export interface VerdictBadge extends StatusBadge {
  runId: string;
}

const VERDICTS = {
  pass: { label: 'Pass', tone: 'ok' },
  warn: { label: 'Warn', tone: 'warn' },
  fail: { label: 'Fail', tone: 'error' },
} as const;

/** The latest check's verdict for this file, saying whether the file was checked or compared with; null before any. */
export function verdictBadge(d: Pick<Dataset, 'latestRunId' | 'latestVerdict' | 'latestRunRole'>): VerdictBadge | null {
  if (!d.latestRunId || !d.latestVerdict) return null;
  const v = VERDICTS[d.latestVerdict];
  const how = d.latestRunRole === 'compared' ? 'Its latest check, where another file was compared with it,' : 'Its latest check';
  const what = { pass: 'found nothing that should stop training', warn: 'found warnings to review', fail: 'found errors to fix before training' }[d.latestVerdict];
  return { label: `Latest check: ${v.label}`, tone: v.tone, meaning: `${how} ${what}.`, runId: d.latestRunId };
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 -> "1.5 KB"; binary steps, one decimal below 10. */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const shown = u === 0 || v >= 10 ? Math.round(v).toString() : (Math.round(v * 10) / 10).toString();
  return `${shown} ${units[u]!}`;
}

const TYPE_LABELS: Record<ColumnProfile['type'], { label: string; meaning: string }> = {
  integer: { label: 'Whole numbers', meaning: 'Counts, ages, codes stored as numbers.' },
  float: { label: 'Decimal numbers', meaning: 'Measurements and amounts.' },
  boolean: { label: 'Yes / no', meaning: 'Two values such as true/false.' },
  datetime: { label: 'Dates and times', meaning: 'Points in time.' },
  categorical: { label: 'Categories', meaning: 'A limited set of labels.' },
  text: { label: 'Free text', meaning: 'Words and sentences.' },
  identifier: { label: 'Identifier', meaning: 'A different value on every row, like a customer id.' },
};

export function typeLabel(type: ColumnProfile['type']): { label: string; meaning: string } {
  return TYPE_LABELS[type];
}

/** Share of all rows with no usable value (empty or a placeholder such as "NA"). */
export function missingShare(c: Pick<ColumnProfile, 'count' | 'missing' | 'disguisedMissing'>): number {
  const rows = c.count + c.missing + c.disguisedMissing;
  return rows > 0 ? (c.missing + c.disguisedMissing) / rows : 0;
}

/** The id a column card carries, so a finding can link and scroll to it. */
export function columnAnchorId(column: string): string {
  return `column-${encodeURIComponent(column).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Datasets by role for the wizard's choices: training first, then test, production, the rest. */
export function sortForChoice(list: readonly Dataset[]): Dataset[] {
  const order = { training: 0, test: 1, production: 2, reference: 3, other: 4 } as const;
  return [...list].sort((a, b) => (order[a.role ?? 'other'] ?? 4) - (order[b.role ?? 'other'] ?? 4) || a.name.localeCompare(b.name));
}
