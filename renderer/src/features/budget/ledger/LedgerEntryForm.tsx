import { useState } from 'react';
import { LEDGER_CATEGORIES, type LedgerCategory, type LedgerEntry } from '../../../../../shared/contract/ledger';
import { COMMON_CURRENCIES } from '../../../../../shared/domain/money';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { serverFieldErrors } from '../../../components/server-field-errors';
import { useSubmit } from '../../../components/use-submit';
import { emptyLedgerForm, formFromEntry, LEDGER_FIELD_OF, toLedgerFields, type LedgerFieldErrors, type LedgerFormValues } from '../ledger-form';

export const CATEGORY_NAMES: Record<LedgerCategory, string> = { compute: 'Compute', api: 'API calls', storage: 'Storage', labelling: 'Labelling', other: 'Other' };

interface Props {
  projectId: string;
  currency: string;
  today: string;
  /** The entry to edit; absent: a new entry. */
  entry?: LedgerEntry;
  onDone(): void;
}

/** Add or edit a ledger entry: money spent outside tracked runs (an API bill, storage, labelling, a refund). */
export function LedgerEntryForm({ projectId, currency, today, entry, onDone }: Props) {
  const add = useSubmit('ledger.add', { invalidates: ['ledger', 'budget'] });
  const update = useSubmit('ledger.update', { invalidates: ['ledger', 'budget'] });
  const [v, setV] = useState<LedgerFormValues>(() => (entry ? formFromEntry(entry, currency) : emptyLedgerForm(today)));
  const [checked, setErrors] = useState<LedgerFieldErrors>({});
  const set = (patch: Partial<LedgerFormValues>) => setV({ ...v, ...patch });
  const busy = add.busy || update.busy;
  // What the backend refused goes next to its box (e.g. the exchange rate), the rest above the form.
  const server = serverFieldErrors(entry ? update.error : add.error, LEDGER_FIELD_OF);
  const errors: LedgerFieldErrors = { ...server.fields, ...checked };
  const other = v.currency.trim() !== '' && v.currency.trim().toUpperCase() !== currency;
  return (
    <form
      className="form budget-entry-form"
      aria-label={entry ? 'Edit the ledger entry' : 'Add a ledger entry'}
      onSubmit={(e) => {
        e.preventDefault();
        const r = toLedgerFields(projectId, v);
        if (r.errors) {
          setErrors(r.errors);
          return;
        }
        setErrors({});
        if (entry) {
          const { currency: cur, fxRate, ...rest } = r.fields;
          void update.submit({ id: entry.id, patch: { ...rest, currency: cur ?? currency, fxRate: fxRate ?? null } }, onDone);
        } else void add.submit({ projectId, ...r.fields }, onDone);
      }}
    >
      <ErrorBanner error={server.rest} />
      <div className="form__row">
        <Field label="Date" error={errors.date} hint="When it was spent; a later date counts as committed.">
          {(p) => <input {...p} type="date" value={v.date} onChange={(e) => set({ date: e.target.value })} />}
        </Field>
        <Field label={`Amount (${other ? v.currency.trim().toUpperCase() : currency})`} error={errors.amount} hint="A minus for a refund or a credit, e.g. -20.">
          {(p) => <input {...p} inputMode="decimal" value={v.amount} onChange={(e) => set({ amount: e.target.value })} />}
        </Field>
        <Field label="Category" error={errors.category}>
          {(p) => (
            <select {...p} value={v.category} onChange={(e) => set({ category: e.target.value as LedgerCategory })}>
              {LEDGER_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_NAMES[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Description" error={errors.description} hint="What it was for, e.g. OpenAI invoice for November.">
        {(p) => <input {...p} value={v.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      <div className="form__row">
        <Field label="Paid in" error={errors.currency} hint={`Leave as ${currency} unless the bill was in another currency.`}>
          {(p) => (
            <select {...p} value={v.currency || currency} onChange={(e) => set({ currency: e.target.value === currency ? '' : e.target.value })}>
              {[...new Set([currency, ...COMMON_CURRENCIES])].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        {other && (
          <Field label={`${currency} per 1 ${v.currency.trim().toUpperCase()}`} error={errors.fxRate} hint={v.currency.trim().toUpperCase() === 'USD' ? "Empty: the project's own USD rate." : 'The rate it was paid at; needed to count it.'}>
            {(p) => <input {...p} inputMode="decimal" value={v.fxRate} onChange={(e) => set({ fxRate: e.target.value })} />}
          </Field>
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : entry ? 'Save the entry' : 'Add to the ledger'}
        </button>
      </div>
    </form>
  );
}
