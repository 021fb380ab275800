/**
 * Shapes an evaluation's curves and a monitor's batches into chart lines. The backend already
 * downsamples curves; these cap them again (LTTB) so a chart never gets more points than it can
 * draw, drop non-finite values, and sort by x. Pure and tested.
 */
import type { EvaluationResult } from '../../../../shared/contract/evaluation-result';
import type { MonitorBatch } from '../../../../shared/contract/monitors';
import { downsampleLttb } from '../downsample';

export interface XY {
  x: number;
  y: number;
}

export interface ChartLineData {
  id: string;
  data: XY[];
}

/** Points per curve on screen: more would not be visible at the chart sizes used. */
export const MAX_CURVE_POINTS = 300;

export function curvePoints(xs: readonly number[], ys: readonly number[], max = MAX_CURVE_POINTS): XY[] {
  const pts: XY[] = [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) pts.push({ x, y });
  }
  // Stable: equal x keep their order (a ROC curve rises vertically at one false-positive rate).
  const sorted = pts.map((p, i) => ({ p, i })).sort((a, b) => a.p.x - b.p.x || a.i - b.i).map(({ p }) => p);
  return downsampleLttb(sorted, max);
}

type Curves = EvaluationResult['curves'];
type ThresholdAnalysis = NonNullable<EvaluationResult['threshold']>;

export function rocLine(roc: Curves['roc']): ChartLineData | null {
  if (!roc || roc.fpr.length === 0) return null;
  return { id: 'This model', data: curvePoints(roc.fpr, roc.tpr) };
}

export function prLine(pr: Curves['pr']): ChartLineData | null {
  if (!pr || pr.recall.length === 0) return null;
  return { id: 'This model', data: curvePoints(pr.recall, pr.precision) };
}

/** The reliability diagram's points: bins that hold rows only (an empty bin has no observed rate). */
export function reliabilityLine(rel: Curves['reliability']): ChartLineData | null {
  if (!rel) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  rel.count.forEach((c, i) => {
    if (c > 0) {
      xs.push(rel.meanPredicted[i]!);
      ys.push(rel.fractionPositive[i]!);
    }
  });
  return xs.length === 0 ? null : { id: 'This model', data: curvePoints(xs, ys) };
}

/** Share of positives among the rows: where a guessing model's precision sits on the PR chart. */
export function positiveShare(result: EvaluationResult): number | null {
  const cm = result.confusionMatrix;
  if (!cm || result.positiveLabel === null) return null;
  const p = cm.labels.indexOf(result.positiveLabel);
  const total = cm.matrix.flat().reduce((a, b) => a + b, 0);
  if (p < 0 || total === 0) return null;
  return cm.matrix[p]!.reduce((a, b) => a + b, 0) / total;
}

/** Precision, recall and the balance of both against the threshold. */
export function thresholdLines(curve: ThresholdAnalysis['curve']): ChartLineData[] {
  return [
    { id: 'Flags that were right', data: curvePoints(curve.thresholds, curve.precision) },
    { id: 'Cases found', data: curvePoints(curve.thresholds, curve.recall) },
    { id: 'Share of rows flagged', data: curvePoints(curve.thresholds, curve.flaggedShare) },
  ];
}

/** Cost of mistakes per 1,000 predictions (currency units, not millionths) against the threshold. */
export function costLine(curve: ThresholdAnalysis['curve']): ChartLineData | null {
  if (!curve.costPer1000Micros) return null;
  return { id: 'Cost per 1,000 predictions', data: curvePoints(curve.thresholds, curve.costPer1000Micros.map((m) => m / 1e6)) };
}

/** A batch's name on a timeline axis: its period when the file says, else the day it was added, and the file. */
export function batchLabel(b: Pick<MonitorBatch, 'periodStart' | 'createdAt' | 'fileName'>): string {
  return `${(b.periodStart ?? b.createdAt).slice(0, 10)} · ${b.fileName}`;
}

export interface FeatureTimeline {
  column: string;
  /** The model's own output (prediction drift), not an input feature. */
  output: boolean;
  /** x = batch number from 1; y = PSI against the reference. */
  line: ChartLineData;
  maxPsi: number;
  band: 'stable' | 'moderate' | 'major';
}

/**
 * One PSI line per column across batches, the model's outputs first, then the features most
 * shifted first. A column missing from a batch leaves a gap (no point), never a zero.
 */
export function psiTimelines(batches: readonly MonitorBatch[]): FeatureTimeline[] {
  const outputs = new Set(batches.flatMap((b) => b.predictionDrift.map((c) => c.column)));
  const columns = new Map<string, XY[]>();
  batches.forEach((b, i) => {
    for (const c of b.drift.columns) {
      if (!Number.isFinite(c.psi)) continue;
      const list = columns.get(c.column) ?? [];
      list.push({ x: i + 1, y: c.psi });
      columns.set(c.column, list);
    }
  });
  const out: FeatureTimeline[] = [...columns].map(([column, data]) => {
    const maxPsi = Math.max(...data.map((p) => p.y));
    return { column, output: outputs.has(column), line: { id: column, data }, maxPsi, band: maxPsi >= 0.25 ? 'major' : maxPsi >= 0.1 ? 'moderate' : 'stable' };
  });
  return out.sort((a, b) => Number(b.output) - Number(a.output) || b.maxPsi - a.maxPsi || a.column.localeCompare(b.column));
}

export interface MetricTimeline {
  key: string;
  line: ChartLineData;
  reference: number | null;
}

/** One line per metric over the batches that hold labels, with the reference's value to draw across. */
export function metricTimelines(batches: readonly MonitorBatch[], keys: readonly string[], reference: Record<string, number | null> | null): MetricTimeline[] {
  return keys
    .map((key) => ({
      key,
      line: {
        id: key,
        data: batches.flatMap((b, i) => {
          const v = b.metrics?.[key];
          return v != null && Number.isFinite(v) ? [{ x: i + 1, y: v }] : [];
        }),
      },
      reference: reference?.[key] ?? null,
    }))
    .filter((m) => m.line.data.length > 0);
}
