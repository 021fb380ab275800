/**
 * A clean, realistic generated dataset (customers and whether they churned) that should raise no
 * finding at all, and helpers to plant one defect at a time into a copy of it.
 */
import { type Random, normal, pick, seededRandom } from './random';
import type { Row } from './build-check-input';

export const REGIONS = ['north', 'south', 'east', 'west'] as const;
export const REGION_SHARES = [0.4, 0.3, 0.2, 0.1] as const;
export const PLANS = ['basic', 'pro', 'enterprise'] as const;

/** The roles the clean dataset is checked with. */
export const CLEAN_ROLES = { target: 'churned', id: 'customer_id', time: 'signup' } as const;

export const CLEAN_POPULATION = {
  region: Object.fromEntries(REGIONS.map((r, i) => [r, REGION_SHARES[i]])),
};

function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function customer(random: Random, i: number, prefix: string, year: number): Row {
  const tenure = 1 + Math.floor(random() * 60);
  const churnRate = tenure < 12 ? 0.45 : 0.25;
  return {
    customer_id: `${prefix}${String(i).padStart(6, '0')}`,
    age: Math.max(18, Math.min(90, Math.round(normal(random, 42, 12)))),
    income: Math.round(normal(random, 52_000, 9_000) * 100) / 100,
    region: pick(random, REGIONS, REGION_SHARES),
    plan: pick(random, PLANS, [0.6, 0.3, 0.1]),
    tenure_months: tenure,
    monthly_spend: Math.round((20 + normal(random, 30, 6)) * 100) / 100,
    signup: isoDay(year, Math.floor(random() * 365)),
    churned: random() < churnRate ? 'yes' : 'no',
  };
}

/** `n` clean customers; `prefix` keeps ids of different files apart, `year` their signup dates. */
export function cleanCustomers(n: number, seed: number, prefix = 'C', year = 2024): Row[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => customer(random, i, prefix, year));
}

/** Copy of `rows` with `column` set by `value(row, index)` on the rows `where` selects. */
export function plant(rows: readonly Row[], column: string, value: (row: Row, index: number) => Row[string], where: (index: number) => boolean = () => true): Row[] {
  return rows.map((row, i) => (where(i) ? { ...row, [column]: value(row, i) } : { ...row }));
}

/** Every k-th row (by index), for planting a defect in a known share of rows. */
export const everyKth = (k: number) => (i: number) => i % k === 0;
