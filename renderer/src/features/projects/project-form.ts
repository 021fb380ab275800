import { ProjectCreateInput, type Project } from '../../../../shared/contract/projects';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { parseMoneyText, parseRateText } from '../../../../shared/domain/money-text';
import { serverFieldErrors } from '../../components/server-field-errors';

/** What the form holds: strings as typed, amounts in major units of the project's currency. */
export interface ProjectFormValues {
  name: string;
  notes: string;
  currency: string;
  budget: string;
  monthlyCap: string;
  startDate: string;
  endDate: string;
  /** How many units of the currency one US dollar buys (only for a currency other than USD). */
  usdRate: string;
  usdRateAsOf: string;
}

export type FieldErrors = Partial<Record<keyof ProjectFormValues, string>>;

export const emptyProjectForm: ProjectFormValues = {
  name: '',
  notes: '',
  currency: 'USD',
  budget: '',
  monthlyCap: '',
  startDate: '',
  endDate: '',
  usdRate: '',
  usdRateAsOf: '',
};

/** Contract field -> form field, so schema messages land next to the right input. */
const FIELD_OF: Record<string, keyof ProjectFormValues> = {
  name: 'name',
  notes: 'notes',
  currency: 'currency',
  budgetCents: 'budget',
  monthlyCapCents: 'monthlyCap',
  startDate: 'startDate',
  endDate: 'endDate',
  usdRate: 'usdRate',
  usdRateAsOf: 'usdRateAsOf',
};

export function formFromProject(p: Project): ProjectFormValues {
  const amount = (c: number | null) => (c == null ? '' : (c / 100).toFixed(2));
  return {
    name: p.name,
    notes: p.notes,
    currency: p.currency,
    budget: amount(p.budgetCents),
    monthlyCap: amount(p.monthlyCapCents),
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    usdRate: p.currency === 'USD' || p.usdRate === undefined ? '' : String(p.usdRate),
    usdRateAsOf: p.currency === 'USD' ? '' : (p.usdRateAsOf ?? ''),
  };
}

/** The form's currency when it is a valid code; amounts are read in it. */
function currencyOf(v: ProjectFormValues): string | undefined {
  const c = v.currency.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(c) ? c : undefined;
}

/** An amount field in the project's currency ("5000", "€5,000", "5000 EUR"); "" is no amount. */
function amountField(raw: string, field: string, currency: string | undefined): { cents: number | null } | { error: string } {
  const r = parseMoneyText(raw, { field, currency });
  return r.ok ? { cents: r.cents } : { error: r.message };
}

/**
 * Turns form values into the contract input, validated by the same zod schema the backend
 * enforces. Returns the input, or errors keyed by form field.
 */
export function toProjectInput(v: ProjectFormValues, initial?: ProjectFormValues): { input: ProjectCreateInput; errors?: undefined } | { errors: FieldErrors; input?: undefined } {
  const errors: FieldErrors = {};
  const currency = currencyOf(v);
  const budget = amountField(v.budget, 'The total budget', currency);
  const cap = amountField(v.monthlyCap, 'The monthly cap', currency);
  if ('error' in budget) errors.budget = budget.error;
  if ('error' in cap) errors.monthlyCap = cap.error;
  const candidate: ProjectCreateInput = {
    name: v.name,
    notes: v.notes,
    currency: v.currency.trim().toUpperCase(),
    budgetCents: 'cents' in budget ? budget.cents : null,
    monthlyCapCents: 'cents' in cap ? cap.cents : null,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
  };
  // The rate is sent only when it was typed or changed: saving other fields leaves its record (who set it, when) alone.
  const rateChanged = !initial || v.usdRate.trim() !== initial.usdRate.trim() || v.usdRateAsOf !== initial.usdRateAsOf || currency !== currencyOf(initial);
  if (currency !== 'USD' && v.usdRate.trim() !== '' && rateChanged) {
    const rate = parseRateText(v.usdRate, `The exchange rate (${currency ?? 'project currency'} per US dollar)`);
    if (!rate.ok) errors.usdRate = rate.message;
    else if (rate.rate !== null) Object.assign(candidate, { usdRate: rate.rate, ...(v.usdRateAsOf ? { usdRateAsOf: v.usdRateAsOf } : {}) });
  }
  const parsed = ProjectCreateInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: candidate };
}

/** Errors that came back from the backend (INVALID_INPUT issues), keyed by form field. */
export function fieldErrorsFromServer(error: AppErrorData): FieldErrors {
  return serverFieldErrors(error, FIELD_OF).fields;
}
