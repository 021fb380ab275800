import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/contract/projects';
import { activeProjects, archivedProjects, daysLeft, projectListInput, totalBudgetByCurrency } from './projects.selectors';

const base: Project = {
  id: 'a',
  name: 'A',
  notes: '',
  currency: 'USD',
  budgetCents: 1000,
  monthlyCapCents: null,
  startDate: null,
  endDate: null,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('project selectors', () => {
  const list: Project[] = [
    base,
    { ...base, id: 'b', budgetCents: 2500 },
    { ...base, id: 'c', currency: 'EUR', budgetCents: 700 },
    { ...base, id: 'd', budgetCents: 99999, archivedAt: '2026-02-01T00:00:00.000Z' },
    { ...base, id: 'e', budgetCents: null },
  ];
  it('splits active and archived', () => {
    expect(activeProjects(list).map((p) => p.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(archivedProjects(list).map((p) => p.id)).toEqual(['d']);
  });
  it('sums active budgets per currency, ignoring archived and unset ones', () => {
    expect(totalBudgetByCurrency(list)).toEqual([
      { currency: 'EUR', cents: 700 },
      { currency: 'USD', cents: 3500 },
    ]);
  });
  it('counts days left to the end date', () => {
    expect(daysLeft({ ...base, endDate: '2026-12-31' }, '2026-11-30')).toBe(31);
    expect(daysLeft({ ...base, endDate: '2026-11-01' }, '2026-11-30')).toBe(-29);
    expect(daysLeft(base, '2026-11-30')).toBeNull();
  });

  it('asks for no search when the box is blank, and keeps archived projects out unless asked', () => {
    expect(projectListInput('   ', false)).toEqual({ includeArchived: false });
    expect(projectListInput('vision', true)).toEqual({ search: 'vision', includeArchived: true });
  });
});
