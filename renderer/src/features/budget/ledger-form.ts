import type { Input } from '../../../../shared/contract';
import { LedgerAddInput, type LedgerCategory, type LedgerEntry } from '../../../../shared/contract/ledger';
import { parseMoneyText } from '../../../../shared/domain/money-text';

/**
 * The ledger entry form: strings as typed, the amount in major units with an optional minus
 * (a refund or a credit). Validation messages come from the contract's own schema, so the form
 * says exactly what the backend would refuse.
 */
export interface LedgerFormValues {
  date: string;
  amount: string;
  category: LedgerCategory;
  description: string;
  /** Empty: the project's currency. */
  currency: string;
  /** Project currency per 1 unit of `currency`; needed for another currency (USD can use the project's rate). */
  fxRate: string;
}

export type LedgerFieldErrors = Partial<Record<keyof LedgerFormValues, string>>;

export function emptyLedgerForm(today: string): LedgerFormValues {
  return { date: today, amount: '', category: 'compute', description: '', currency: '', fxRate: '' };
}

export function formFromEntry(e: LedgerEntry, projectCurrency: string): LedgerFormValues {
  const abs = Math.abs(e.amountCents);
  return {
    date: e.date,
    amount: `${e.amountCents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
    category: e.category,
    description: e.description,
    currency: e.currency === projectCurrency ? '' : e.currency,
    fxRate: e.fxRate === null ? '' : String(e.fxRate),
  };
}

/**
 * The amount as typed ("120.50", "-20", "€1.200,50", "-$20") in exact cents, and the currency it
 * names. With a currency chosen, an amount naming another is refused; without one, the currency
 * the amount names becomes the entry's (else the project's).
 */
export function parseLedgerAmount(raw: string, currency: string): { cents: number; currency: string | null } | { error: string } {
  const r = parseMoneyText(raw, { field: 'The entry', currency: currency || undefined, allowNegative: true, currencyOwner: (c) => `the entry's currency is ${c}` });
  if (!r.ok) return { error: r.message };
  if (r.cents === null) return { error: 'Enter an amount' };
  return { cents: r.cents, currency: r.currency };
}

/** Contract field -> form field, so the schema's and the backend's messages land next to the right box. */
export const LEDGER_FIELD_OF: Record<string, keyof LedgerFormValues> = { date: 'date', amountCents: 'amount', category: 'category', description: 'description', currency: 'currency', fxRate: 'fxRate' };

export type LedgerFields = Omit<Input<'ledger.add'>, 'projectId'>;

/** Form values -> the fields of ledger.add / ledger.update, or errors keyed by form field. */
export function toLedgerFields(projectId: string, v: LedgerFormValues): { fields: LedgerFields; errors?: undefined } | { errors: LedgerFieldErrors; fields?: undefined } {
  const errors: LedgerFieldErrors = {};
  const chosen = v.currency.trim().toUpperCase();
  const amount = parseLedgerAmount(v.amount, /^[A-Z]{3}$/.test(chosen) ? chosen : '');
  if ('error' in amount) errors.amount = amount.error;
  const currency = chosen || ('currency' in amount ? (amount.currency ?? '') : '');
  const fx = v.fxRate.trim() === '' ? undefined : Number(v.fxRate.trim());
  if (fx !== undefined && Number.isNaN(fx)) errors.fxRate = 'Enter the rate as a number, like 0.92';
  const candidate = {
    projectId,
    date: v.date,
    amountCents: 'cents' in amount ? amount.cents : 0,
    category: v.category,
    description: v.description,
    ...(currency ? { currency } : {}),
    ...(fx !== undefined && !Number.isNaN(fx) ? { fxRate: fx } : {}),
  };
  const parsed = LedgerAddInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = LEDGER_FIELD_OF[String(issue.path[0])];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  const { projectId: _p, ...fields } = candidate;
  return { fields };
}
