/** Drift over all shared columns plus the dataset-level verdict (Evidently: >= 50% of columns). */
import type { CheckInput } from '../check-input';
import type { QualityThresholds } from '../thresholds';
import { type ColumnDrift, columnDrift } from './column-drift';
import { sharedKind } from './column-kind';

export interface DriftReport {
  columns: ColumnDrift[];
  /** Columns in both files that were not compared, and why (ids, free text, dates, types that differ). */
  skipped: Array<{ column: string; reason: string }>;
  /** Columns that drifted with a non-negligible effect. */
  driftedColumns: number;
  share: number;
  datasetDrift: boolean;
}

/** Columns present in both files, except the id and time columns (they move by design). */
export function computeDrift(input: CheckInput, t: QualityThresholds, exclude: readonly (string | undefined)[] = []): DriftReport | undefined {
  const ref = input.reference;
  if (!ref) return undefined;
  const refByName = new Map(ref.columns.map((c) => [c.name, c]));
  const countsByName = new Map((ref.categoryCounts ?? []).map((c) => [c.column, c]));
  const columns: ColumnDrift[] = [];
  const skipped: DriftReport['skipped'] = [];
  for (const cur of input.columns) {
    const r = refByName.get(cur.name);
    if (!r) continue;
    if (exclude.includes(cur.name)) {
      skipped.push({ column: cur.name, reason: 'a role column (id or time), which moves by design' });
      continue;
    }
    const kind = sharedKind(r, cur, t);
    if (kind.kind === 'skip') {
      skipped.push({ column: cur.name, reason: kind.reason });
      continue;
    }
    const d = columnDrift(r, cur, ref.rows, t, countsByName.get(cur.name));
    if (d) columns.push(d);
    else skipped.push({ column: cur.name, reason: 'no values to compare in one of the files' });
  }
  const driftedColumns = columns.filter((c) => c.drifted && !c.negligible).length;
  const share = columns.length > 0 ? driftedColumns / columns.length : 0;
  return { columns, skipped, driftedColumns, share, datasetDrift: columns.length > 0 && share >= t.datasetDriftShare };
}
