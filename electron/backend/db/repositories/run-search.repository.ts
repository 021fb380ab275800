import { NUMBER_ATTRIBUTES, type LifecycleView, type RunFilterClause, type RunOrder } from '../../../../shared/contract/runs-filter';
import type { Db } from '../connection';
import { textComparison, type TextOp } from './sql-match';

/**
 * Run search in SQL: each filter clause becomes `run id IN (runs whose key matches)`, a subquery
 * SQLite evaluates once on the (key, value) indexes of run_params / run_tags / latest_metrics;
 * ordering joins the one key it sorts by on the (run_id, key) primary keys; and the cost
 * attributes of a running run are computed from the materialized per-hour rates and `now`, so
 * 10,000 runs filter, sort and page without leaving SQLite.
 */
export interface RunSearchQuery {
  projectId?: string;
  experimentIds?: readonly number[];
  filter: readonly RunFilterClause[];
  orderBy: readonly RunOrder[];
  view: LifecycleView;
  limit: number;
  offset: number;
  /** Epoch ms: the clock for running runs' hours, cost and energy so far. */
  now: number;
}

const RUNNING = "(r.duration_s IS NULL AND r.end_time IS NULL AND r.status = 'RUNNING' AND r.start_time IS NOT NULL)";
const HOURS = `(CASE WHEN ${RUNNING} THEN max(0, @now - r.start_time) / 3600000.0 ELSE r.hours END)`;
const ENERGY = `(CASE WHEN r.energy_kwh_per_hour IS NOT NULL THEN r.energy_kwh_per_hour * ${HOURS} ELSE r.energy_kwh END)`;

/** SQL for each attribute a filter or an ordering may name. */
export const ATTRIBUTE_SQL: Record<string, string> = {
  run_id: 'r.id',
  run_name: 'r.name',
  status: 'r.status',
  user_id: 'r.user_id',
  lifecycle_stage: 'r.lifecycle_stage',
  hardware: 'r.hardware_id',
  start_time: 'r.start_time',
  end_time: 'r.end_time',
  devices: 'r.devices',
  hours: HOURS,
  cost: `(CASE WHEN r.cost_cents_per_hour IS NOT NULL THEN round(r.cost_cents_per_hour * ${HOURS}) ELSE r.cost_cents END)`,
  cost_usd: `(CASE WHEN r.cost_usd_cents_per_hour IS NOT NULL THEN round(r.cost_usd_cents_per_hour * ${HOURS}) ELSE r.cost_usd_cents END)`,
  energy_kwh: ENERGY,
  co2_kg: `(CASE WHEN r.energy_kwh_per_hour IS NOT NULL THEN ${ENERGY} * r.co2_kg_per_kwh ELSE r.co2_kg END)`,
};

const isNumberAttribute = (k: string) => (NUMBER_ATTRIBUTES as readonly string[]).includes(k);

interface Built {
  sql: string;
  params: Record<string, unknown>;
}

function where(q: RunSearchQuery, p: Record<string, unknown>): string {
  const parts: string[] = [];
  let n = 0;
  const bind = (v: unknown) => {
    const name = `p${n++}`;
    p[name] = v;
    return `@${name}`;
  };
  if (q.projectId !== undefined) parts.push(`e.project_id = ${bind(q.projectId)}`);
  if (q.experimentIds !== undefined) parts.push(`r.experiment_id IN (SELECT value FROM json_each(${bind(JSON.stringify(q.experimentIds))}))`);
  else if (q.view === 'active') parts.push("e.lifecycle_stage = 'active'");
  if (q.view !== 'all') parts.push(`r.lifecycle_stage = ${bind(q.view)}`);
  for (const c of q.filter) {
    const list: unknown[] = [];
    if (c.kind === 'metric') {
      // A NaN is stored as NULL, which no comparison matches: no is_nan test needed, so the
      // (key, value) index answers alone.
      parts.push(`r.id IN (SELECT m.run_id FROM latest_metrics m WHERE m.key = ${bind(c.key)} AND m.value ${c.op} ${bind(Number(c.value))})`);
    } else if (c.kind === 'param' || c.kind === 'tag') {
      const table = c.kind === 'param' ? 'run_params' : 'run_tags';
      const key = bind(c.key);
      const cmp = textComparison('x.value', c.op as TextOp, c.value, list).replace(/\?/g, () => bind(list.shift()));
      parts.push(`r.id IN (SELECT x.run_id FROM ${table} x WHERE x.key = ${key} AND ${cmp})`);
    } else if (isNumberAttribute(c.key)) {
      parts.push(`${ATTRIBUTE_SQL[c.key]} ${c.op} ${bind(Number(c.value))}`);
    } else {
      const cmp = textComparison(ATTRIBUTE_SQL[c.key]!, c.op as TextOp, c.value, list).replace(/\?/g, () => bind(list.shift()));
      parts.push(cmp);
    }
  }
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * ORDER BY with MLflow's rules: rows without the key last in either direction (and for metrics,
 * NaN after numbers and before missing), then start time newest first, then run id.
 */
function orderBy(q: RunSearchQuery, p: Record<string, unknown>): { ctes: string; joins: string; order: string } {
  const ctes: string[] = [];
  const joins: string[] = [];
  const order: string[] = [];
  q.orderBy.forEach((o, i) => {
    const dir = o.ascending ? 'ASC' : 'DESC';
    if (o.kind === 'attribute') {
      const expr = ATTRIBUTE_SQL[o.key]!;
      order.push(`(${expr} IS NULL)`, `${expr} ${dir}`);
      return;
    }
    p[`ok${i}`] = o.key;
    if (o.kind === 'metric') {
      ctes.push(`o${i} AS MATERIALIZED (SELECT run_id, value FROM latest_metrics WHERE key = @ok${i})`);
      joins.push(`LEFT JOIN o${i} ON o${i}.run_id = r.id`);
      // A stored NaN has a NULL value, so the (key, value) index alone tells numbers, NaN and missing apart.
      order.push(`(CASE WHEN o${i}.run_id IS NULL THEN 2 WHEN o${i}.value IS NULL THEN 1 ELSE 0 END)`, `o${i}.value ${dir}`);
    } else {
      ctes.push(`o${i} AS MATERIALIZED (SELECT run_id, value FROM ${o.kind === 'param' ? 'run_params' : 'run_tags'} WHERE key = @ok${i})`);
      joins.push(`LEFT JOIN o${i} ON o${i}.run_id = r.id`);
      order.push(`(o${i}.value IS NULL)`, `o${i}.value ${dir}`);
    }
  });
  if (!q.orderBy.some((o) => o.kind === 'attribute' && o.key === 'start_time')) order.push('r.start_time DESC');
  order.push('r.id ASC');
  return { ctes: ctes.length ? `WITH ${ctes.join(', ')} ` : '', joins: joins.join(' '), order: order.join(', ') };
}

function build(q: RunSearchQuery): Built {
  const params: Record<string, unknown> = { now: q.now };
  const w = where(q, params);
  const o = orderBy(q, params);
  // One pass: the window count sees every matching row before LIMIT takes the page.
  const sql = `${o.ctes}SELECT r.id, COUNT(*) OVER () FROM runs r JOIN experiments e ON e.id = r.experiment_id ${o.joins} ${w} ORDER BY ${o.order} LIMIT @limit OFFSET @offset`;
  return { sql, params: { ...params, limit: q.limit + 1, offset: q.offset } };
}

const countOnly = (sql: string) => sql.replace(/SELECT r\.id, COUNT\(\*\) OVER \(\)/, 'SELECT COUNT(*)').replace(/ ORDER BY .* LIMIT @limit OFFSET @offset$/, '');

/** One page of run ids in order, whether more follow, and how many runs match in all. */
export function searchRunIds(db: Db, q: RunSearchQuery): { ids: string[]; more: boolean; total: number } {
  const b = build(q);
  const rows = db.prepare(b.sql).raw().all(b.params) as Array<[string, number]>;
  // A page past the end has no row to carry the count: count on its own then.
  const total = rows.length > 0 ? rows[0]![1] : (db.prepare(countOnly(b.sql)).pluck().get(b.params) as number);
  return { ids: rows.slice(0, q.limit).map((r) => r[0]), more: rows.length > q.limit, total };
}
