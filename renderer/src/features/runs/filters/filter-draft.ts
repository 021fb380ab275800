import { RUN_STATUSES, type RunStatus } from '../../../../../shared/contract/runs';
import { RunFilterClause, type FilterOp } from '../../../../../shared/contract/runs-filter';
import { formatMoney } from '../../../../../shared/domain/money';

/**
 * The filter form: one draft (what the user typed) becomes one or more clauses of the contract's
 * RunFilter AST, the same tree the MLflow adapter parses `metrics.loss < 0.1 AND params.lr = '0.01'`
 * into. Clauses are checked with the contract's own zod schema, so the form says exactly what the
 * backend would refuse.
 */
export type FilterField = 'metric' | 'param' | 'tag' | 'status' | 'date' | 'cost';

export interface FilterDraft {
  field: FilterField;
  key: string;
  op: FilterOp;
  value: string;
  statuses: RunStatus[];
  /** Dates as YYYY-MM-DD (start time, UTC days) or amounts in the project currency. */
  from: string;
  to: string;
}

export const FIELD_LABELS: Record<FilterField, string> = {
  metric: 'Metric',
  param: 'Parameter',
  tag: 'Tag',
  status: 'Status',
  date: 'Start date',
  cost: 'Cost',
};

export const METRIC_OPS: readonly FilterOp[] = ['<', '<=', '>', '>=', '=', '!='];
export const TEXT_OPS: readonly FilterOp[] = ['=', '!=', 'LIKE', 'ILIKE'];
export const OP_WORDS: Partial<Record<FilterOp, string>> = {
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '=': 'is',
  '!=': 'is not',
  LIKE: 'matches (% = any text)',
  ILIKE: 'matches, any case (% = any text)',
};

export function emptyDraft(field: FilterField = 'metric'): FilterDraft {
  return { field, key: '', op: field === 'metric' ? '>=' : '=', value: '', statuses: [], from: '', to: '' };
}

export type DraftResult = { ok: true; clauses: RunFilterClause[] } | { ok: false; errors: Partial<Record<'key' | 'op' | 'value' | 'statuses' | 'from' | 'to', string>> };

const DAY_MS = 86_400_000;

function dayStart(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const t = Date.parse(`${text}T00:00:00.000Z`);
  return Number.isFinite(t) ? t : null;
}

/** "12.50" -> 1250; null for anything that is not a non-negative amount. */
function amountCents(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** Checks every clause with the contract schema; the first issue per field becomes its message. */
function checked(clauses: RunFilterClause[]): DraftResult {
  const errors: Record<string, string> = {};
  for (const c of clauses) {
    const r = RunFilterClause.safeParse(c);
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? 'value');
      errors[field] ??= issue.message;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, clauses };
}

/** The clauses one draft stands for, or the message for each field that is wrong. */
export function buildClauses(d: FilterDraft): DraftResult {
  switch (d.field) {
    case 'metric': {
      if (!d.key.trim()) return { ok: false, errors: { key: 'Choose a metric' } };
      const n = Number(d.value.trim());
      if (d.value.trim() === '' || !Number.isFinite(n)) return { ok: false, errors: { value: 'Give a number, e.g. 0.9' } };
      return checked([{ kind: 'metric', key: d.key.trim(), op: d.op, value: n }]);
    }
    case 'param':
    case 'tag': {
      if (!d.key.trim()) return { ok: false, errors: { key: `Choose a ${d.field === 'param' ? 'parameter' : 'tag'}` } };
      return checked([{ kind: d.field, key: d.key.trim(), op: d.op, value: d.value }]);
    }
    case 'status': {
      if (d.statuses.length === 0) return { ok: false, errors: { statuses: 'Pick at least one status' } };
      const statuses = RUN_STATUSES.filter((s) => d.statuses.includes(s));
      return checked([{ kind: 'attribute', key: 'status', op: 'IN', value: [...statuses] }]);
    }
    case 'date': {
      const from = d.from ? dayStart(d.from) : null;
      const to = d.to ? dayStart(d.to) : null;
      if (d.from && from == null) return { ok: false, errors: { from: 'Give a date as YYYY-MM-DD' } };
      if (d.to && to == null) return { ok: false, errors: { to: 'Give a date as YYYY-MM-DD' } };
      if (from == null && to == null) return { ok: false, errors: { from: 'Give a first day, a last day, or both' } };
      if (from != null && to != null && to < from) return { ok: false, errors: { to: 'The last day is before the first' } };
      const clauses: RunFilterClause[] = [];
      if (from != null) clauses.push({ kind: 'attribute', key: 'start_time', op: '>=', value: from });
      // The last day counts whole: runs started before the next midnight (UTC).
      if (to != null) clauses.push({ kind: 'attribute', key: 'start_time', op: '<', value: to + DAY_MS });
      return checked(clauses);
    }
    case 'cost': {
      const min = d.from.trim() ? amountCents(d.from) : null;
      const max = d.to.trim() ? amountCents(d.to) : null;
      if (d.from.trim() && min == null) return { ok: false, errors: { from: 'Give an amount such as 12.50' } };
      if (d.to.trim() && max == null) return { ok: false, errors: { to: 'Give an amount such as 12.50' } };
      if (min == null && max == null) return { ok: false, errors: { from: 'Give a lowest cost, a highest cost, or both' } };
      if (min != null && max != null && max < min) return { ok: false, errors: { to: 'The highest cost is below the lowest' } };
      const clauses: RunFilterClause[] = [];
      if (min != null) clauses.push({ kind: 'attribute', key: 'cost', op: '>=', value: min });
      if (max != null) clauses.push({ kind: 'attribute', key: 'cost', op: '<=', value: max });
      return checked(clauses);
    }
  }
}

const PREFIX = { metric: 'metrics', param: 'params', tag: 'tags', attribute: 'attributes' } as const;

function quoted(v: string): string {
  return `'${v.replace(/'/g, "\\'")}'`;
}

/** The clause in MLflow's filter syntax (what `mlflow.search_runs(filter_string=...)` takes); cost in cents. */
export function mlflowText(c: RunFilterClause): string {
  const key = /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.key) ? c.key : `\`${c.key}\``;
  const value = Array.isArray(c.value) ? `(${c.value.map(quoted).join(', ')})` : typeof c.value === 'number' ? String(c.value) : quoted(c.value);
  return `${PREFIX[c.kind]}.${key} ${c.op} ${value}`;
}

/** The clause for people: "loss below 0.1", "started on or after 2026-11-01", "cost at most $50.00". */
export function clauseText(c: RunFilterClause, currency: string): string {
  if (c.kind === 'attribute' && c.key === 'status' && Array.isArray(c.value)) return `status is ${c.value.join(' or ')}`;
  if (c.kind === 'attribute' && c.key === 'start_time' && typeof c.value === 'number') {
    if (c.op === '>=') return `started on or after ${new Date(c.value).toISOString().slice(0, 10)}`;
    if (c.op === '<') return `started on or before ${new Date(c.value - DAY_MS).toISOString().slice(0, 10)}`;
  }
  if (c.kind === 'attribute' && c.key === 'cost' && typeof c.value === 'number') {
    return `cost ${OP_WORDS[c.op] ?? c.op} ${formatMoney(c.value, currency)}`;
  }
  const what = c.kind === 'attribute' ? c.key : `${c.kind} ${c.key}`;
  const value = Array.isArray(c.value) ? c.value.join(', ') : typeof c.value === 'string' ? `"${c.value}"` : String(c.value);
  return `${what} ${OP_WORDS[c.op] ?? c.op} ${value}`;
}

export function withoutClause(filter: readonly RunFilterClause[], index: number): RunFilterClause[] {
  return filter.filter((_, i) => i !== index);
}
