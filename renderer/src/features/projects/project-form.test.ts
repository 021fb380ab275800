import { describe, expect, it } from 'vitest';
import { emptyProjectForm, fieldErrorsFromServer, toProjectInput } from './project-form';

describe('project form', () => {
  it('reads amounts as people write them, in the project\'s currency, naming the field when it cannot', () => {
    const cents = (budget: string, currency = 'EUR') => toProjectInput({ ...emptyProjectForm, name: 'Shop', currency, budget });
    expect(cents('1,200.50').input?.budgetCents).toBe(120050);
    expect(cents('€5,000').input?.budgetCents).toBe(500000);
    expect(cents('5000 EUR').input?.budgetCents).toBe(500000);
    expect(cents('').input?.budgetCents).toBeNull();
    expect(cents('-5').errors).toEqual({ budget: 'The total budget cannot be negative' });
    expect(cents('12.3456').errors).toEqual({ budget: 'The total budget has more than two decimals ("12.3456"); amounts are kept in whole cents' });
    expect(cents('$300').errors).toEqual({ budget: 'The total budget is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR' });
  });

  it('sends the exchange rate when it is typed or changed, never for a USD project', () => {
    const shop = { ...emptyProjectForm, name: 'Shop', currency: 'EUR', usdRate: '0,92', usdRateAsOf: '2026-11-30' };
    expect(toProjectInput(shop).input).toMatchObject({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' });
    // Saving an edit that left the rate alone keeps who set it and when.
    expect(toProjectInput({ ...shop, name: 'Shop & Co' }, shop).input).not.toHaveProperty('usdRate');
    expect(toProjectInput({ ...shop, usdRate: '0.95' }, shop).input).toMatchObject({ usdRate: 0.95 });
    expect(toProjectInput({ ...shop, currency: 'USD' }).input).not.toHaveProperty('usdRate');
    expect(toProjectInput({ ...shop, usdRate: 'x' }).errors).toEqual({ usdRate: 'The exchange rate (EUR per US dollar) must be a number like 0.92 (got "x")' });
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
    ).toEqual({ budget: 'Too big', name: 'Empty' });
  });
});
