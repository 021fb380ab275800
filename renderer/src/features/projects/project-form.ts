import { ProjectCreateInput, type Project } from '../../../../shared/contract/projects';
import type { AppErrorData } from '../../../../shared/domain/errors';

/** What the form holds: strings as typed, amounts in major units. */
export interface ProjectFormValues {
  name: string;
  notes: string;
  currency: string;
  budget: string;
  monthlyCap: string;
  startDate: string;
  endDate: string;
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
  };
}

/** "1,200.50" -> 120050 cents; "" -> null; anything else -> an error message. */
export function parseAmountToCents(raw: string): { cents: number | null } | { error: string } {
  const s = raw.replace(/[,\s]/g, '');
  if (s === '') return { cents: null };
  if (!/^\d+(\.\d{0,2})?$/.test(s)) {
    return { error: s.startsWith('-') ? 'The amount cannot be negative' : 'Enter an amount like 1200 or 1200.50' };
  }
  const [whole, frac = ''] = s.split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? { cents } : { error: 'That amount is too large' };
}

/**
 * Turns form values into the contract input, validated by the same zod schema the backend
 * enforces. Returns the input, or errors keyed by form field.
 */
export function toProjectInput(v: ProjectFormValues): { input: ProjectCreateInput; errors?: undefined } | { errors: FieldErrors; input?: undefined } {
  const errors: FieldErrors = {};
  const budget = parseAmountToCents(v.budget);
  const cap = parseAmountToCents(v.monthlyCap);
  if ('error' in budget) errors.budget = budget.error;
  if ('error' in cap) errors.monthlyCap = cap.error;
  const candidate = {
    name: v.name,
    notes: v.notes,
    currency: v.currency.trim().toUpperCase(),
    budgetCents: 'cents' in budget ? budget.cents : null,
    monthlyCapCents: 'cents' in cap ? cap.cents : null,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
  };
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
  const out: FieldErrors = {};
  for (const issue of error.issues ?? []) {
    const key = issue.path.replace(/^patch\./, '').split('.')[0] ?? '';
    const field = FIELD_OF[key];
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}
