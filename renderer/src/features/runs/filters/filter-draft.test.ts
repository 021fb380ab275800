import { describe, expect, it } from 'vitest';
import { RunFilter } from '../../../../../shared/contract/runs-filter';
import { buildClauses, clauseText, emptyDraft, mlflowText, withoutClause, type FilterDraft } from './filter-draft';

const draft = (d: Partial<FilterDraft>): FilterDraft => ({ ...emptyDraft(d.field), ...d });

describe('filter drafts become RunFilter clauses', () => {
  it('a metric comparison becomes one numeric clause, as MLflow writes metrics.accuracy >= 0.9', () => {
    const r = buildClauses(draft({ field: 'metric', key: 'accuracy', op: '>=', value: '0.9' }));
    expect(r).toEqual({ ok: true, clauses: [{ kind: 'metric', key: 'accuracy', op: '>=', value: 0.9 }] });
    if (r.ok) expect(mlflowText(r.clauses[0]!)).toBe('metrics.accuracy >= 0.9');
  });
  it('a metric needs a number and a key', () => {
    expect(buildClauses(draft({ field: 'metric', key: 'loss', value: 'low' }))).toEqual({ ok: false, errors: { value: 'Give a number, e.g. 0.9' } });
    expect(buildClauses(draft({ field: 'metric', key: '', value: '1' }))).toEqual({ ok: false, errors: { key: 'Choose a metric' } });
  });
  it('params and tags compare text; LIKE keeps its pattern', () => {
    expect(buildClauses(draft({ field: 'param', key: 'lr', op: '=', value: '0.01' }))).toEqual({ ok: true, clauses: [{ kind: 'param', key: 'lr', op: '=', value: '0.01' }] });
    const tag = buildClauses(draft({ field: 'tag', key: 'team name', op: 'ILIKE', value: "%o'neil%" }));
    expect(tag.ok && mlflowText(tag.clauses[0]!)).toBe("tags.`team name` ILIKE '%o\\'neil%'");
  });
  it('a key longer than the contract allows is refused with the contract message', () => {
    const r = buildClauses(draft({ field: 'param', key: 'k'.repeat(251), op: '=', value: 'x' }));
    expect(r).toEqual({ ok: false, errors: { key: 'Keys are at most 250 characters' } });
  });
  it('statuses become one IN clause in the contract order', () => {
    const r = buildClauses(draft({ field: 'status', statuses: ['KILLED', 'FINISHED'] }));
    expect(r).toEqual({ ok: true, clauses: [{ kind: 'attribute', key: 'status', op: 'IN', value: ['FINISHED', 'KILLED'] }] });
    if (r.ok) expect(mlflowText(r.clauses[0]!)).toBe("attributes.status IN ('FINISHED', 'KILLED')");
    expect(buildClauses(draft({ field: 'status', statuses: [] }))).toEqual({ ok: false, errors: { statuses: 'Pick at least one status' } });
  });
  it('a date range covers its last day whole (UTC), as start_time in epoch ms', () => {
    const r = buildClauses(draft({ field: 'date', from: '2026-11-01', to: '2026-11-30' }));
    expect(r).toEqual({
      ok: true,
      clauses: [
        { kind: 'attribute', key: 'start_time', op: '>=', value: Date.UTC(2026, 10, 1) },
        { kind: 'attribute', key: 'start_time', op: '<', value: Date.UTC(2026, 11, 1) },
      ],
    });
    if (r.ok) expect(r.clauses.map((c) => clauseText(c, 'USD'))).toEqual(['started on or after 2026-11-01', 'started on or before 2026-11-30']);
    expect(buildClauses(draft({ field: 'date', from: '2026-11-30', to: '2026-11-01' }))).toEqual({ ok: false, errors: { to: 'The last day is before the first' } });
    expect(buildClauses(draft({ field: 'date', from: '30/11/2026' }))).toEqual({ ok: false, errors: { from: 'Give a date as YYYY-MM-DD' } });
  });
  it('a cost range is in whole cents of the project currency; one bound is enough', () => {
    expect(buildClauses(draft({ field: 'cost', from: '10', to: '1,250.5' }))).toEqual({
      ok: true,
      clauses: [
        { kind: 'attribute', key: 'cost', op: '>=', value: 1000 },
        { kind: 'attribute', key: 'cost', op: '<=', value: 125050 },
      ],
    });
    const max = buildClauses(draft({ field: 'cost', to: '50' }));
    expect(max.ok && clauseText(max.clauses[0]!, 'USD')).toBe('cost at most $50.00');
    expect(buildClauses(draft({ field: 'cost', from: '1.234' }))).toEqual({ ok: false, errors: { from: 'Give an amount such as 12.50' } });
    expect(buildClauses(draft({ field: 'cost', from: '20', to: '10' }))).toEqual({ ok: false, errors: { to: 'The highest cost is below the lowest' } });
  });
  it('every clause built is a valid RunFilter and can be removed by index', () => {
    const clausesOf = (d: FilterDraft) => {
      const r = buildClauses(d);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.clauses;
    };
    const all = [...clausesOf(draft({ field: 'metric', key: 'loss', op: '<', value: '0.1' })), ...clausesOf(draft({ field: 'status', statuses: ['FAILED'] }))];
    expect(RunFilter.safeParse(all).success).toBe(true);
    expect(withoutClause(all, 0)).toEqual([all[1]]);
    expect(clauseText(all[0]!, 'USD')).toBe('metric loss below 0.1');
  });
});
