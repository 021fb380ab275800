import { downsampleLttb } from '../downsample';

/**
 * Shapes estimator output into what the plan charts draw. Pure and tested: the chart components
 * only render what these return.
 */
export interface RangeUsd {
  p10: number;
  p50: number;
  p90: number;
}

export interface CostBarDatum {
  [key: string]: string | number;
  id: string;
  label: string;
  p10: number;
  p50: number;
  p90: number;
}

export function costBars(options: ReadonlyArray<{ option: string; shortLabel: string; monthlyCostUsd: RangeUsd }>): CostBarDatum[] {
  return options.map((o) => ({ id: o.option, label: o.shortLabel, p10: o.monthlyCostUsd.p10, p50: o.monthlyCostUsd.p50, p90: o.monthlyCostUsd.p90 }));
}

export interface VolumePoint {
  x: number;
  y: number;
}

export interface VolumeSeries {
  /** The label shown in the legend (nivo keys series by it). */
  id: string;
  /** The option it belongs to, e.g. `api`. */
  option: string;
  data: VolumePoint[];
}

/** Most points a line may carry: a chart is a few hundred pixels wide. */
export const MAX_LINE_POINTS = 200;

/**
 * One line per option of monthly cost against requests per day. Non-positive costs cannot sit on
 * a log axis and are dropped (a free option would show as no line, and the table says why).
 */
export function volumeSeries(
  costVsVolume: ReadonlyArray<{ requestsPerDay: number; monthlyCostUsd: Partial<Record<string, number>> }>,
  labels: Readonly<Record<string, string>>,
): VolumeSeries[] {
  const ids = [...new Set(costVsVolume.flatMap((p) => Object.keys(p.monthlyCostUsd)))];
  return ids.map((id) => {
    const points = costVsVolume
      .map((p) => ({ x: p.requestsPerDay, y: p.monthlyCostUsd[id] ?? Number.NaN }))
      .filter((p) => Number.isFinite(p.y) && p.y > 0 && p.x > 0);
    return { id: labels[id] ?? id, option: id, data: downsampleLttb(points, MAX_LINE_POINTS) };
  });
}

/** Log-log interpolation of a series at x; null outside its range. */
export function valueAt(series: VolumeSeries, x: number): number | null {
  const d = series.data;
  for (let i = 1; i < d.length; i += 1) {
    const a = d[i - 1] as VolumePoint;
    const b = d[i] as VolumePoint;
    if (x >= a.x && x <= b.x) {
      if (a.x === b.x) return a.y;
      const t = (Math.log(x) - Math.log(a.x)) / (Math.log(b.x) - Math.log(a.x));
      return Math.exp(Math.log(a.y) + t * (Math.log(b.y) - Math.log(a.y)));
    }
  }
  return null;
}

export interface BreakEvenMark {
  x: number;
  y: number;
  text: string;
}

/** Break-even volumes that fall inside the charted range, placed on the first option's line. */
export function breakEvenMarks(
  breakEven: ReadonlyArray<{ between: readonly [string, string] | string[]; requestsPerDay: number | null }>,
  series: readonly VolumeSeries[],
  labels: Readonly<Record<string, string>>,
): BreakEvenMark[] {
  const out: BreakEvenMark[] = [];
  for (const b of breakEven) {
    if (b.requestsPerDay === null) continue;
    const s = series.find((x) => x.option === b.between[0]);
    const y = s ? valueAt(s, b.requestsPerDay) : null;
    if (y === null) continue;
    out.push({ x: b.requestsPerDay, y, text: `${labels[b.between[0] as string] ?? b.between[0]} = ${labels[b.between[1] as string] ?? b.between[1]}` });
  }
  return out;
}

/** The sign a currency is written with in short labels ("€", "$", "CHF "). */
function signOf(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(1).find((p) => p.type === 'currency');
    const sign = part?.value ?? currency;
    return sign.length > 1 && /^[A-Z]+$/.test(sign) ? `${sign} ` : sign;
  } catch {
    return `${currency} `;
  }
}

/** "€1.2k", "€35", "€0.40": short money for axes, in the currency the figures are in. */
export function shortMoney(x: number, currency: string): string {
  const sign = signOf(currency);
  if (x >= 1e6) return `${sign}${trim(x / 1e6)}M`;
  if (x >= 1e3) return `${sign}${trim(x / 1e3)}k`;
  if (x >= 10) return `${sign}${Math.round(x)}`;
  return `${sign}${x.toFixed(2)}`;
}

/** "$1.2k", "$35", "$0.40": short dollars for axes. */
export function shortUsd(x: number): string {
  return shortMoney(x, 'USD');
}

/** "1.2k", "30", "0.5": short counts for axes. */
export function shortCount(x: number): string {
  if (x >= 1e6) return `${trim(x / 1e6)}M`;
  if (x >= 1e3) return `${trim(x / 1e3)}k`;
  return trim(x);
}

function trim(x: number): string {
  return String(Number(x.toPrecision(2)));
}

/** Powers of ten spanning [lo, hi], for log-axis ticks that read as round numbers. */
export function decadeTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e += 1) {
    const v = 10 ** e;
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
  }
  return out;
}
