/**
 * Shaping the backend's downsampled metric series (shared/contract/runs ChartSeries: per bucket its
 * first step, mean, min and max of the finite values) into what the line chart draws: the mean
 * as a line and the min/max envelope as a band, so a spike inside a bucket stays visible.
 */
export interface SeriesBuckets {
  runId: string;
  totalPoints: number;
  nonFinite: number;
  steps: readonly number[];
  values: readonly number[];
  mins: readonly number[];
  maxs: readonly number[];
}

export interface LinePoint {
  x: number;
  y: number;
}

export interface ChartLine {
  id: string;
  runId: string;
  color: string;
  data: LinePoint[];
  /** Per point, the lowest and highest value the bucket held. */
  band: Array<{ x: number; lo: number; hi: number }>;
  /** True when some bucket holds more than one value (then the band is drawn). */
  hasEnvelope: boolean;
  totalPoints: number;
  drawnPoints: number;
  nonFinite: number;
}

export function toChartLine(s: SeriesBuckets, label: string, color: string): ChartLine {
  const n = s.steps.length;
  const data = new Array<LinePoint>(n);
  const band = new Array<{ x: number; lo: number; hi: number }>(n);
  let hasEnvelope = false;
  for (let i = 0; i < n; i++) {
    const x = s.steps[i]!;
    data[i] = { x, y: s.values[i]! };
    band[i] = { x, lo: s.mins[i]!, hi: s.maxs[i]! };
    if (s.mins[i] !== s.maxs[i]) hasEnvelope = true;
  }
  return { id: label, runId: s.runId, color, data, band, hasEnvelope, totalPoints: s.totalPoints, drawnPoints: n, nonFinite: s.nonFinite };
}

/** The y range covering every envelope, padded 5% so lines do not sit on the frame. */
export function yDomain(lines: readonly ChartLine[]): { min: number; max: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    for (const b of l.band) {
      if (b.lo < lo) lo = b.lo;
      if (b.hi > hi) hi = b.hi;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const pad = hi === lo ? Math.abs(hi) * 0.05 || 1 : (hi - lo) * 0.05;
  return { min: lo - pad, max: hi + pad };
}

/** The SVG path of an envelope: along the maxima left to right, back along the minima. */
export function bandPath(band: ReadonlyArray<{ x: number; lo: number; hi: number }>, x: (v: number) => number, y: (v: number) => number): string {
  if (band.length === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < band.length; i++) parts.push(`${i === 0 ? 'M' : 'L'}${x(band[i]!.x).toFixed(1)},${y(band[i]!.hi).toFixed(1)}`);
  for (let i = band.length - 1; i >= 0; i--) parts.push(`L${x(band[i]!.x).toFixed(1)},${y(band[i]!.lo).toFixed(1)}`);
  parts.push('Z');
  return parts.join('');
}

/** One sentence under a chart: how many points there are, how many are drawn and why, and the NaN/Infinity count. */
export function pointsNote(lines: readonly ChartLine[]): string {
  const total = lines.reduce((s, l) => s + l.totalPoints, 0);
  const drawn = lines.reduce((s, l) => s + l.drawnPoints, 0);
  const bad = lines.reduce((s, l) => s + l.nonFinite, 0);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const parts: string[] = [];
  if (total === 0) return 'No points logged for this metric.';
  if (drawn < total - bad) parts.push(`${fmt(total)} points, drawn as ${fmt(drawn)} averages; the shaded band shows each stretch's lowest and highest value, so no spike is hidden`);
  else parts.push(`${fmt(total)} ${total === 1 ? 'point' : 'points'}, all drawn`);
  if (bad > 0) parts.push(`${fmt(bad)} ${bad === 1 ? 'value was' : 'values were'} NaN or infinite and cannot be drawn`);
  return `${parts.join('. ')}.`;
}
