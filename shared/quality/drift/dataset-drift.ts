/** Drift over all shared columns plus the dataset-level verdict (Evidently: >= 50% of columns). */
import type { CheckInput } from '../check-input';
import type { QualityThresholds } from '../thresholds';
import { type ColumnDrift, columnDrift } from './column-drift';

export interface DriftReport {
  columns: ColumnDrift[];
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
  const columns: ColumnDrift[] = [];
  for (const cur of input.columns) {
    const r = refByName.get(cur.name);
    if (!r || exclude.includes(cur.name)) continue;
    const d = columnDrift(r, cur, ref.rows, t);
    if (d) columns.push(d);
  }
  const driftedColumns = columns.filter((c) => c.drifted && !c.negligible).length;
  const share = columns.length > 0 ? driftedColumns / columns.length : 0;
  return { columns, driftedColumns, share, datasetDrift: columns.length > 0 && share >= t.datasetDriftShare };
}
