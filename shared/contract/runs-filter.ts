import { z } from 'zod';

/**
 * The run search filter as a small typed tree: a conjunction of comparisons, which is all
 * MLflow's filter grammar can express (`metrics.loss < 0.1 AND params.lr = '0.01'`). The MLflow
 * adapter parses the filter string into this; the UI builds it directly. Semantics follow
 * MLflow's SQL store:
 *
 * - `metric` compares the run's latest value of the key (numbers); `param`, `tag` compare text.
 *   A run without the key never matches (not even `!=`). A NaN metric matches no comparison.
 * - `attribute` keys: run_id, run_name, status, user_id, start_time, end_time (epoch ms),
 *   lifecycle_stage, and Tally's hardware, devices, hours, cost (project-currency cents; a
 *   running run's cost so far), cost_usd (US cents), energy_kwh, co2_kg.
 * - LIKE is case-sensitive, ILIKE is not (ASCII); `%` matches any run of characters, `_` one.
 * - IN / NOT IN take a list of strings (params, tags, text attributes).
 */
export const FILTER_OPS = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const TEXT_ATTRIBUTES = ['run_id', 'run_name', 'status', 'user_id', 'lifecycle_stage', 'hardware'] as const;
export const NUMBER_ATTRIBUTES = ['start_time', 'end_time', 'devices', 'hours', 'cost', 'cost_usd', 'energy_kwh', 'co2_kg'] as const;
export const RUN_ATTRIBUTES = [...TEXT_ATTRIBUTES, ...NUMBER_ATTRIBUTES] as const;
export type RunAttribute = (typeof RUN_ATTRIBUTES)[number];

const Key = z.string().min(1, 'A filter needs a key').max(250, 'Keys are at most 250 characters');
const Op = z.enum(FILTER_OPS, { error: `The operator is one of ${FILTER_OPS.join(', ')}` });
const Scalar = z.union([z.string().max(8000), z.number()]);
const Value = z.union([Scalar, z.array(z.string().max(8000)).min(1, 'IN needs at least one value').max(1000)]);

export const RunFilterClause = z
  .object({
    kind: z.enum(['metric', 'param', 'tag', 'attribute'], { error: 'kind is metric, param, tag or attribute' }),
    key: Key,
    op: Op,
    value: Value,
  })
  .strict()
  .superRefine((c, ctx) => {
    const list = Array.isArray(c.value);
    if ((c.op === 'IN' || c.op === 'NOT IN') !== list) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: list ? `${c.op} compares with one value, not a list` : `${c.op} needs a list of values` });
    }
    if (c.kind === 'metric' && typeof c.value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: 'A metric compares with a number' });
    if (c.kind === 'metric' && (c.op === 'LIKE' || c.op === 'ILIKE')) ctx.addIssue({ code: 'custom', path: ['op'], message: 'LIKE and ILIKE compare text, not metrics' });
    if (c.kind === 'attribute' && !(RUN_ATTRIBUTES as readonly string[]).includes(c.key)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `Unknown attribute "${c.key}"; use one of ${RUN_ATTRIBUTES.join(', ')}` });
    }
  });
export type RunFilterClause = z.infer<typeof RunFilterClause>;

/** All clauses must hold (AND). An empty list matches every run. */
export const RunFilter = z.array(RunFilterClause).max(50, 'At most 50 conditions');
export type RunFilter = z.infer<typeof RunFilter>;

/** What to order by; runs without the key come last either way. Ties: start time, newest first, then id. */
export const RunOrder = z
  .object({
    kind: z.enum(['metric', 'param', 'tag', 'attribute']),
    key: Key,
    ascending: z.boolean().default(true),
  })
  .strict()
  .refine((o) => o.kind !== 'attribute' || (RUN_ATTRIBUTES as readonly string[]).includes(o.key), { message: `Unknown attribute; use one of ${RUN_ATTRIBUTES.join(', ')}`, path: ['key'] });
export type RunOrder = z.infer<typeof RunOrder>;

/** MLflow's run_view_type: which lifecycle stages to include. */
export const LifecycleView = z.enum(['active', 'deleted', 'all'], { error: 'view is active, deleted or all' });
export type LifecycleView = z.infer<typeof LifecycleView>;
