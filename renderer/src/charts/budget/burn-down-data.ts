import type { BudgetReport } from '../../../../shared/contract/budget';

/**
 * The burn-down chart's shaping: which series are drawn how, the legend in plain words, and the
 * day ticks. The backend already thinned long projects to weekly points (at most ~180 a line).
 */
export type BurnDown = BudgetReport['burnDown'];
export type SeriesId = BurnDown['series'][number]['id'];
export interface ChartSeries {
  id: SeriesId;
  data: Array<{ x: string; y: number }>;
}

export type Tone = 'accent' | 'plan' | 'danger' | 'warn';
export interface LineStyle {
  tone: Tone;
  width: number;
  dash?: string;
}

/** P10 and P90 are not drawn as lines: they bound the plan's band. */
export const LINE_STYLES: Partial<Record<SeriesId, LineStyle>> = {
  actual: { tone: 'accent', width: 3 },
  plan: { tone: 'plan', width: 2, dash: '6 4' },
  budget: { tone: 'danger', width: 2, dash: '2 4' },
  'monthly-cap': { tone: 'warn', width: 2, dash: '8 3 2 3' },
};

export const SERIES_LABELS: Record<SeriesId, string> = {
  actual: 'Spent so far',
  plan: 'Plan (P50)',
  'plan-p10': 'Plan P10',
  'plan-p90': 'Plan P90',
  budget: 'Total budget',
  'monthly-cap': 'Monthly caps, month by month',
};

export interface LegendItem {
  id: SeriesId | 'band';
  label: string;
  style: LineStyle | 'band';
}

export function legendOf(bd: BurnDown): LegendItem[] {
  const ids = new Set(bd.series.map((s) => s.id));
  const out: LegendItem[] = [];
  for (const id of ['actual', 'plan', 'budget', 'monthly-cap'] as const) {
    if (ids.has(id)) out.push({ id, label: SERIES_LABELS[id], style: LINE_STYLES[id] as LineStyle });
    // A plan without spread (a certain price) has no band to name.
    const spread = bd.planTotal === null || bd.planTotal.p10Cents !== bd.planTotal.p90Cents;
    if (id === 'plan' && ids.has('plan-p10') && ids.has('plan-p90') && spread) out.push({ id: 'band', label: 'Plan range (P10-P90)', style: 'band' });
  }
  return out;
}

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const WEEKLY_UP_TO_DAYS = 70;

/** True when the axis ticks months, not weeks. */
export function monthlyAxis(from: string, to: string): boolean {
  return Math.round((dayMs(to) - dayMs(from)) / DAY) > WEEKLY_UP_TO_DAYS;
}

/** Tick days: weekly for up to ten weeks, the 1st of each month up to ~15 months, else every 3 months. */
export function dayTicks(from: string, to: string): string[] {
  const a = dayMs(from);
  const b = dayMs(to);
  const days = Math.round((b - a) / DAY);
  const out: string[] = [];
  if (!monthlyAxis(from, to)) {
    for (let t = a; t <= b; t += 7 * DAY) out.push(iso(t));
    return out;
  }
  const step = days <= 460 ? 1 : 3;
  const d = new Date(a);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + (d.getUTCDate() === 1 ? 0 : 1);
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const t = Date.UTC(y, m, 1);
    if (t > b) break;
    if (m % step === 0 || step === 1) out.push(iso(t));
    m += 1;
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "20 Nov", or "Nov 2026" for the 1st of a month on a monthly axis. */
export function tickLabel(day: string, monthly: boolean): string {
  const m = MONTHS[Number(day.slice(5, 7)) - 1];
  return monthly ? `${m} ${day.slice(0, 4)}` : `${Number(day.slice(8, 10))} ${m}`;
}

/**
 * The series for nivo with x as 'YYYY-MM-DD' (a UTC time scale) and y in cents. The monthly
 * caps add up month by month; once their sum passes the total budget the budget is the tighter
 * limit, so the cap line stops there (it would otherwise stretch the scale and squash the rest).
 */
export function chartSeries(bd: BurnDown): ChartSeries[] {
  const budget = bd.series.find((s) => s.id === 'budget')?.data[0]?.y ?? null;
  return bd.series.map((s) => ({
    id: s.id,
    data: s.data.filter((p) => s.id !== 'monthly-cap' || budget === null || p.y <= budget).map((p) => ({ x: p.x, y: p.y })),
  }));
}

/** True when the cap line was cut where it passes the budget (the caption says so). */
export function capCut(bd: BurnDown): boolean {
  const budget = bd.series.find((s) => s.id === 'budget')?.data[0]?.y;
  const cap = bd.series.find((s) => s.id === 'monthly-cap');
  return budget !== undefined && cap !== undefined && cap.data.some((p) => p.y > budget);
}
