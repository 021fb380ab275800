import type { ProcedureName } from '../../shared/contract';

/**
 * One valid and one (or more) invalid input per procedure. Typed over ProcedureName so adding a
 * procedure without fixtures fails the typecheck. Valid inputs may reference ids that do not
 * exist: the contract test checks parsing, the integration tests check behaviour.
 */
export const fixtures: Record<ProcedureName, { valid: unknown[]; invalid: unknown[] }> = {
  'system.info': { valid: [{}], invalid: [{ extra: 1 }, 'text'] },
  'projects.list': { valid: [{}, { search: 'gpu', includeArchived: true }], invalid: [{ search: 5 }, { search: 'x'.repeat(201) }] },
  'projects.get': { valid: [{ id: 'p1' }], invalid: [{}, { id: '' }] },
  'projects.create': {
    valid: [
      { name: 'Pilot' },
      { name: 'Full', notes: 'n', currency: 'EUR', budgetCents: 100000, monthlyCapCents: 5000, startDate: '2026-01-01', endDate: '2026-12-31' },
    ],
    invalid: [
      {},
      { name: '' },
      { name: 'A', budgetCents: 10.5 },
      { name: 'A', budgetCents: -1 },
      { name: 'A', currency: 'usd' },
      { name: 'A', startDate: '2026-02-30' },
      { name: 'A', startDate: '2026-05-01', endDate: '2026-04-01' },
      { name: 'A', budgetCents: 100, monthlyCapCents: 200 },
      { name: 'A', unknownField: true },
    ],
  },
  'projects.update': {
    valid: [{ id: 'p1', patch: { name: 'Renamed' } }, { id: 'p1', patch: { budgetCents: null, archived: false } }],
    invalid: [{ id: 'p1' }, { id: 'p1', patch: { name: '   ' } }, { id: 'p1', patch: { budgetCents: 1.5 } }, { id: 'p1', patch: { id: 'other' } }],
  },
  'projects.archive': { valid: [{ id: 'p1' }, { id: 'p1', archived: false }], invalid: [{ id: 'p1', archived: 'yes' }] },
  'projects.delete': { valid: [{ id: 'p1' }], invalid: [{}, { id: 7 }] },
};
