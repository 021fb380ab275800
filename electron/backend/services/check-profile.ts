/**
 * The stored / printed profile of one file, built from the engine's CheckInput columns: bounded
 * (histograms and at most 20 top values, never raw rows or samples) and privacy-safe (a column
 * the pii check flagged shows no values at all; elsewhere any single value that looks like
 * personal data is replaced by "[redacted <kind>]").
 */
import type { ColumnProfile, DatasetFormat, DatasetProfile } from '../../../shared/contract/datasets';
import type { ColumnSummary } from '../../../shared/quality/check-input';
import type { Finding } from '../../../shared/quality/finding';
import { redact } from '../../../shared/quality/pii/detectors';
import type { FileReadInfo } from '../analysis/analysis-types';

export const TOP_VALUES_KEPT = 20;

/** The engine reads TSV as delimited text; the contract names it. */
export function contractFormat(info: Pick<FileReadInfo, 'format' | 'dialect'>): DatasetFormat {
  return info.format === 'csv' && info.dialect?.delimiter === '\t' ? 'tsv' : info.format;
}

/** Columns a pii finding names. */
export function piiColumns(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.id !== 'pii') continue;
    if (f.column) out.add(f.column);
    for (const c of f.columns ?? []) out.add(c);
  }
  return out;
}

export function columnProfile(c: ColumnSummary, sensitive: boolean): ColumnProfile {
  const kept = c.topValues.slice(0, TOP_VALUES_KEPT);
  const keptCount = kept.reduce((s, v) => s + v.count, 0);
  const n = c.numeric;
  return {
    name: c.name,
    type: c.type,
    count: c.count,
    missing: c.missing,
    disguisedMissing: c.disguisedMissing,
    distinct: c.distinct,
    distinctIsEstimate: c.distinctIsEstimate,
    typeVotes: { ...c.typeVotes },
    topValues: sensitive ? [] : kept.map((v) => ({ value: redact(v.value), count: v.count })),
    otherCount: sensitive ? c.count : c.otherCount + (c.count - c.otherCount - keptCount),
    topValuesAreEstimates: c.topValuesAreEstimates,
    topValuesMaxError: c.topValuesMaxError ?? 0,
    disguisedTokens: c.disguisedTokens.map((v) => ({ ...v })),
    numeric: n
      ? {
          min: n.min,
          max: n.max,
          mean: n.mean,
          std: n.std,
          zeros: n.zeros,
          negatives: n.negatives,
          skewness: n.skewness,
          quantiles: { ...n.quantiles },
          histogram: { edges: [...n.histogram.edges], counts: [...n.histogram.counts] },
          quantilesAreEstimates: n.quantilesAreEstimates,
        }
      : null,
    textLength: c.textLength ? { ...c.textLength } : null,
    timeRange: c.timeRange ? { ...c.timeRange } : null,
    redacted: sensitive,
  };
}

export function datasetProfile(info: FileReadInfo, columns: readonly ColumnSummary[], sensitive: Set<string>): DatasetProfile {
  return {
    file: info.file,
    format: contractFormat(info),
    encoding: info.format === 'parquet' ? null : info.encoding,
    sizeBytes: info.size,
    rows: info.rows,
    duplicateRows: info.duplicateRows,
    memoryBytes: info.memoryBytes,
    columns: columns.map((c) => columnProfile(c, sensitive.has(c.name))),
  };
}
