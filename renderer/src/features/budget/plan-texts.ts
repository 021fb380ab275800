import { formatCents, formatCentsRange } from '../../../../shared/budget/spend/spend-format';
import type { ScenarioPlan } from '../../../../shared/contract/budget';

/** Planned-vs-actual figures as the page shows them: money in the project's format, hours rounded sensibly. */
type Comparison = ScenarioPlan['replan']['comparisons'][number];

export const MEASURE_LABELS: Record<Comparison['measure'], string> = { cost: 'Cost', gpuHours: 'GPU-hours', wallClockHours: 'Wall-clock hours' };

export function hoursText(h: number): string {
  return h >= 100 ? Math.round(h).toLocaleString('en-US') : h >= 10 ? h.toFixed(1) : h.toFixed(2);
}

export function figureText(c: Comparison, value: number | null, currency: string): string {
  if (value === null) return '–';
  return c.measure === 'cost' ? formatCents(Math.round(value), currency) : hoursText(value);
}

export function plannedText(c: Comparison, currency: string): string {
  if (c.planned === null) return 'not planned';
  if (c.measure === 'cost' && c.plannedRange && c.plannedRange.p10 !== c.plannedRange.p90) return `${formatCents(c.planned, currency)} (${formatCentsRange(c.plannedRange.p10, c.plannedRange.p90, currency)})`;
  return figureText(c, c.planned, currency);
}

export function verdictText(c: Comparison): { text: string; tone: 'ok' | 'warn' | 'error' | null } {
  if (c.verdict === null) return { text: '–', tone: null };
  const by = c.ratio === null ? '' : ` (${c.ratio >= 1 ? '+' : '−'}${Math.round(Math.abs(c.ratio - 1) * 100)}%)`;
  if (c.verdict === 'within') return { text: `on plan${by}`, tone: 'ok' };
  return c.verdict === 'under' ? { text: `under plan${by}`, tone: 'ok' } : { text: `over plan${by}`, tone: 'error' };
}

/** "$300 ($250–$380), 30% of the plan" for the re-forecast total. */
export function reforecastText(p: ScenarioPlan, currency: string): string | null {
  const r = p.replan.reforecast;
  if (!r) return null;
  const t = r.totalCostCents;
  const range = t.p10 === t.p90 ? '' : ` (likely ${formatCentsRange(t.p10, t.p90, currency)})`;
  const vs = r.vsPlan === null ? '' : `, ${Math.round(r.vsPlan * 100)}% of the plan`;
  return `${formatCents(t.p50, currency)}${range}${vs}`;
}
