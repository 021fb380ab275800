/**
 * Contract checks for a CheckInput: the invariants check-input.ts documents, as a list of plain
 * problems (empty = valid). The engine's tests call it on every profile they produce; runChecks
 * does not, so a slightly off profile still gets a report.
 */
import type { CheckInput, ColumnSummary } from './check-input';

function nonFinitePaths(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${String(value)} (not JSON-safe)`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  }
}

function columnProblems(c: ColumnSummary, rows: number, where: string): string[] {
  const p: string[] = [];
  const at = `${where} column "${c.name}"`;
  if (c.count + c.missing + c.disguisedMissing !== rows) p.push(`${at}: count + missing + disguisedMissing = ${c.count + c.missing + c.disguisedMissing}, expected rows = ${rows}`);
  const topSum = c.topValues.reduce((s, v) => s + v.count, 0);
  if (topSum + c.otherCount !== c.count) p.push(`${at}: sum(topValues) + otherCount = ${topSum + c.otherCount}, expected count = ${c.count}`);
  for (let i = 1; i < c.topValues.length; i++) if (c.topValues[i].count > c.topValues[i - 1].count) p.push(`${at}: topValues not sorted by count descending at ${i}`);
  const tokenSum = c.disguisedTokens.reduce((s, v) => s + v.count, 0);
  if (tokenSum > c.disguisedMissing) p.push(`${at}: disguisedTokens count ${tokenSum} > disguisedMissing ${c.disguisedMissing}`);
  const votes = Object.values(c.typeVotes).reduce((s, v) => s + v, 0);
  if (votes !== c.count) p.push(`${at}: typeVotes sum to ${votes}, expected count = ${c.count}`);
  if (c.distinct > c.count) p.push(`${at}: distinct ${c.distinct} > count ${c.count}`);
  const numericType = c.type === 'integer' || c.type === 'float' || c.type === 'datetime';
  if (numericType && c.count > 0 && !c.numeric) p.push(`${at}: ${c.type} column without numeric summary`);
  if (c.numeric) {
    const { histogram: h, sample, min, max, quantiles: q } = c.numeric;
    if (h.edges.length !== h.counts.length + 1) p.push(`${at}: histogram has ${h.edges.length} edges for ${h.counts.length} bins`);
    if (sample.length > c.count) p.push(`${at}: numeric sample larger than count`);
    if (min > max) p.push(`${at}: min > max`);
    const qs = [q.p1, q.p5, q.p25, q.p50, q.p75, q.p95, q.p99];
    if (qs.some((v, i) => i > 0 && v < qs[i - 1])) p.push(`${at}: quantiles not ascending`);
  }
  if (c.type === 'datetime' && c.count > 0 && !c.timeRange) p.push(`${at}: datetime column without timeRange`);
  return p;
}

export function validateCheckInput(input: CheckInput): string[] {
  const problems: string[] = [];
  nonFinitePaths(input, 'input', problems);
  if (input.duplicateRows > input.rows) problems.push(`duplicateRows ${input.duplicateRows} > rows ${input.rows}`);
  const names = input.columns.map((c) => c.name);
  if (new Set(names).size !== names.length) problems.push('column names are not unique');
  for (const c of input.columns) problems.push(...columnProblems(c, input.rows, 'current'));
  if (input.rowSample) {
    const width = input.rowSample.columns.length;
    input.rowSample.rows.forEach((r, i) => {
      if (r.length !== width) problems.push(`rowSample row ${i} has ${r.length} cells for ${width} columns`);
    });
    if (input.rowSample.rows.length > input.rows) problems.push('rowSample has more rows than the file');
  }
  if (input.target && input.target.conflictingRows > input.rows) problems.push('target.conflictingRows > rows');
  const ref = input.reference;
  if (ref) {
    for (const c of ref.columns) problems.push(...columnProblems(c, ref.rows, 'reference'));
    if (ref.overlapRows > input.rows) problems.push(`reference.overlapRows ${ref.overlapRows} > rows ${input.rows}`);
    if (ref.idOverlap && ref.idOverlap.currentRowsWithSharedId > input.rows) problems.push('reference.idOverlap.currentRowsWithSharedId > rows');
    if (ref.time && ref.time.currentRowsNotAfterReference > input.rows) problems.push('reference.time.currentRowsNotAfterReference > rows');
    for (const key of ['referenceMin', 'referenceMax', 'currentMin', 'currentMax'] as const) {
      if (ref.time && Number.isNaN(Date.parse(ref.time[key]))) problems.push(`reference.time.${key} is not an ISO date`);
    }
  }
  return problems;
}
