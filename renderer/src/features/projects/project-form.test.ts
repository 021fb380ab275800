import { describe, expect, it } from 'vitest';
import { emptyProjectForm, fieldErrorsFromServer, parseAmountToCents, toProjectInput } from './project-form';

describe('project form', () => {
  it('converts amounts to integer cents', () => {
    expect(parseAmountToCents('1,200.50')).toEqual({ cents: 120050 });
    expect(parseAmountToCents('0.1')).toEqual({ cents: 10 });
    expect(parseAmountToCents('')).toEqual({ cents: null });
    expect(parseAmountToCents('-5')).toEqual({ error: 'The amount cannot be negative' });
    expect(parseAmountToCents('12.345')).toEqual({ error: 'Enter an amount like 1200 or 1200.50' });
  });

  it('puts the schema message next to the field it concerns', () => {
    const r = toProjectInput({ ...emptyProjectForm, name: '   ', currency: 'us', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(r.errors).toEqual({
      name: 'Give the project a name',
      currency: 'Use a 3-letter currency code such as USD or EUR',
      endDate: 'The end date must be on or after the start date',
    });
  });

  it('refuses a monthly cap above the total budget', () => {
    const r = toProjectInput({ ...emptyProjectForm, name: 'GPU pilot', budget: '100', monthlyCap: '200' });
    expect(r.errors).toEqual({ monthlyCap: 'The monthly cap cannot exceed the total budget' });
  });

  it('returns the contract input when valid', () => {
    const r = toProjectInput({ ...emptyProjectForm, name: 'GPU pilot', budget: '2500', currency: 'eur' });
    expect(r.input).toEqual({
      name: 'GPU pilot',
      notes: '',
      currency: 'EUR',
      budgetCents: 250000,
      monthlyCapCents: null,
      startDate: null,
      endDate: null,
    });
  });

  it('maps server issue paths (including patch.*) to form fields', () => {
    expect(
      fieldErrorsFromServer({ code: 'INVALID_INPUT', message: 'x', issues: [{ path: 'patch.budgetCents', message: 'too big' }, { path: 'name', message: 'empty' }] }),
    ).toEqual({ budget: 'too big', name: 'empty' });
  });
});
