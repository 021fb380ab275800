import { invalid } from '../input-checks';
import { formatCents } from './spend-format';
import type { Explained } from './spend-types';

/**
 * Metric per money: which runs (or models) no other beats on both cost and the metric, and one
 * sentence that answers "which should I pick?".
 *
 * A point is dominated when another costs no more and scores no worse, and is strictly better on
 * one of the two. Points with the same cost and the same metric do not dominate each other, so
 * ties all stay on the front. A point without a finite metric or without a cost (a whole,
 * non-negative number of cents) cannot be placed and is left out and counted.
 *
 * The sentence names the best value, the front point with the best metric per unit of money:
 * metric / cost for a higher-is-better metric, 1 / (metric × cost) for a lower-is-better one (a
 * free point is the best value). That needs metrics of one sign (all >= 0, or all > 0 when lower
 * is better); otherwise the sentence names the cheapest front point and the best one instead.
 */
export interface ParetoCandidate {
  id: string;
  name?: string;
  metric: number | null;
  costCents: number | null;
}

export interface ParetoInput {
  candidates: readonly ParetoCandidate[];
  metricName: string;
  direction: 'higher' | 'lower';
  currency: string;
  /** What a candidate is called in the sentence (default 'run'). */
  noun?: string;
}

export interface ParetoPoint {
  id: string;
  name: string;
  metric: number;
  costCents: number;
  onFront: boolean;
  /** A front member that costs no more and scores no worse (null for front members). */
  dominatedBy: string | null;
}

export interface ParetoResult extends Explained {
  /** Every placed point, cheapest first (best metric first within a cost). */
  points: ParetoPoint[];
  /** Ids on the front, cheapest first. */
  front: string[];
  excluded: { id: string; reason: 'no metric' | 'no cost' | 'no metric and no cost' }[];
  /** The best value (see above), or null when it is not defined. */
  bestValue: string | null;
  /** The best metric (the cheapest of equals). */
  best: string | null;
  answer: string;
}

const UNIT: Record<string, string> = { USD: 'dollar', EUR: 'euro', GBP: 'pound', CHF: 'franc', JPY: 'yen', CAD: 'dollar', AUD: 'dollar', INR: 'rupee', CNY: 'yuan', SEK: 'krona' };

const metricText = (x: number, digits = 3) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(x);
const pctText = (r: number) => (r * 100 < 10 ? `${(Math.round(r * 1000) / 10).toString()}%` : `${Math.round(r * 100)}%`);
const ratioText = (r: number) => (r < 10 ? `${(Math.round(r * 10) / 10).toString()}x` : `${Math.round(r)}x`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function placed(c: ParetoCandidate): ParetoResult['excluded'][number]['reason'] | null {
  const noMetric = typeof c.metric !== 'number' || !Number.isFinite(c.metric);
  const noCost = typeof c.costCents !== 'number' || !Number.isSafeInteger(c.costCents) || c.costCents < 0;
  if (noMetric && noCost) return 'no metric and no cost';
  return noMetric ? 'no metric' : noCost ? 'no cost' : null;
}

export function paretoFront(input: ParetoInput): ParetoResult {
  const { metricName, direction, currency } = input;
  if (direction !== 'higher' && direction !== 'lower') throw invalid('direction', `must be 'higher' or 'lower', got ${JSON.stringify(direction)}`);
  const noun = input.noun ?? 'run';
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  const excluded: ParetoResult['excluded'] = [];
  const points: ParetoPoint[] = [];
  const ids = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (ids.has(c.id)) throw invalid(`candidates[${i}].id`, `repeats ${c.id}`);
    ids.add(c.id);
    const reason = placed(c);
    if (reason) excluded.push({ id: c.id, reason });
    else points.push({ id: c.id, name: c.name ?? c.id, metric: c.metric as number, costCents: c.costCents as number, onFront: false, dominatedBy: null });
  });
  points.sort((a, b) => a.costCents - b.costCents || (better(a.metric, b.metric) ? -1 : better(b.metric, a.metric) ? 1 : 0));

  // One sweep, cheapest first: `champion` is the best metric among strictly cheaper points (the
  // cheapest of equals), which is itself on the front.
  let champion: ParetoPoint | null = null;
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j < points.length && (points[j] as ParetoPoint).costCents === (points[i] as ParetoPoint).costCents) j += 1;
    const groupBest = points[i] as ParetoPoint;
    for (let k = i; k < j; k += 1) {
      const p = points[k] as ParetoPoint;
      if (champion && !better(p.metric, champion.metric)) p.dominatedBy = champion.id;
      else if (better(groupBest.metric, p.metric)) p.dominatedBy = groupBest.id;
      else p.onFront = true;
    }
    if (!champion || better(groupBest.metric, champion.metric)) champion = groupBest;
    i = j;
  }
  const front = points.filter((p) => p.onFront);
  const best = front.reduce<ParetoPoint | null>((b, p) => (b === null || better(p.metric, b.metric) ? p : b), null);
  const oneSign = direction === 'higher' ? points.every((p) => p.metric >= 0) : points.every((p) => p.metric > 0);
  const value = (p: ParetoPoint) => (p.costCents === 0 ? Infinity : direction === 'higher' ? p.metric / p.costCents : 1 / (p.metric * p.costCents));
  const bestValue = !oneSign ? null : front.reduce<ParetoPoint | null>((b, p) => (b === null || value(p) > value(b) || (value(p) === value(b) && better(p.metric, b.metric)) ? p : b), null);

  const money = (c: number) => formatCents(c, currency);
  const unit = UNIT[currency] ?? currency;
  const named = (p: ParetoPoint) => `${noun} ${p.name}`;
  let answer: string;
  if (points.length === 0) answer = `No ${noun} has both ${metricName} and a cost yet.`;
  else if (points.length === 1) answer = `${capital(named(points[0] as ParetoPoint))} is the only ${noun} with both ${metricName} and a cost: ${metricText((points[0] as ParetoPoint).metric)} for ${money((points[0] as ParetoPoint).costCents)}.`;
  else if (front.length === 1) answer = `${capital(named(front[0] as ParetoPoint))} beats every other ${noun} on both ${metricName} and cost: ${metricText((front[0] as ParetoPoint).metric)} for ${money((front[0] as ParetoPoint).costCents)}.`;
  else {
    const b = best as ParetoPoint;
    const v = bestValue ?? (front[0] as ParetoPoint);
    const digits = metricText(b.metric) === metricText(v.metric) ? 6 : 3;
    if (v === b) {
      const others = front.filter((p) => p !== b);
      const cheaper = others.find((p) => p.costCents < b.costCents);
      const lead = bestValue ? `${capital(named(b))} gives both the best ${metricName} and the best ${metricName} per ${unit}` : `${capital(named(b))} has the best ${metricName}`;
      const tail = cheaper
        ? `; ${named(cheaper)} is cheaper (${money(cheaper.costCents)}) and scores ${metricText(cheaper.metric, 6)}`
        : `; ${others.map(named).join(', ')} ${others.length === 1 ? 'ties' : 'tie'} with it`;
      answer = `${lead}: ${metricText(b.metric)} for ${money(b.costCents)}${tail}.`;
    } else {
      const lead = bestValue ? `${capital(named(v))} gives the best ${metricName} per ${unit}` : `${capital(named(v))} is the cheapest ${noun} no other beats`;
      // A relative gain over a zero or negative baseline reads as nonsense ("350% better"), so then the sentence gives the figure.
      const gain = v.metric === 0 || !oneSign ? null : (direction === 'higher' ? b.metric - v.metric : v.metric - b.metric) / Math.abs(v.metric);
      const cost = v.costCents === 0 ? `for ${money(b.costCents)} more` : `for ${ratioText(b.costCents / v.costCents)} the cost`;
      const tail = gain === null ? `reaches ${metricText(b.metric, digits)} ${cost}` : `is ${pctText(gain)} better ${cost}`;
      answer = `${lead}: ${metricText(v.metric, digits)} for ${money(v.costCents)}; ${named(b)} ${tail}.`;
    }
  }

  const assumptions = [`${capital(metricName)} is ${direction === 'higher' ? 'higher' : 'lower'}-is-better; cost is what each ${noun} cost, in ${currency}.`, 'Equal cost and equal metric: both stay on the front.'];
  if (excluded.length > 0) assumptions.push(`${excluded.length} ${excluded.length === 1 ? noun : `${noun}s`} left out for lack of a metric or a cost.`);
  if (points.length > 1 && !bestValue) assumptions.push(`${capital(metricName)} takes both signs, so there is no per-${unit} value; the sentence names the cheapest front ${noun} and the best.`);
  return {
    points,
    front: front.map((p) => p.id),
    excluded,
    bestValue: bestValue?.id ?? null,
    best: best?.id ?? null,
    answer,
    method: `Pareto front of cost against ${metricName}: one sweep from the cheapest, keeping each point that beats every cheaper one. Best value = ${direction === 'higher' ? `${metricName} / cost` : `1 / (${metricName} × cost)`}.`,
    assumptions,
  };
}
