import { useState } from 'react';
import type { ProjectCreateInput } from '../../../../shared/contract/projects';
import { COMMON_CURRENCIES, formatMoney } from '../../../../shared/domain/money';
import { AppError } from '../../../../shared/domain/errors';
import { Field } from '../../components/Field';
import { useSingleFlight } from '../../components/single-flight';
import { fieldErrorsFromServer, toProjectInput, type FieldErrors, type ProjectFormValues } from './project-form';

interface ProjectFormProps {
  initial: ProjectFormValues;
  submitLabel: string;
  onSubmit(input: ProjectCreateInput): Promise<void>;
  onCancel?(): void;
  /**
   * Only the name, the currency and its rate: a project made from inside a planner, where the
   * rest (budget, dates, notes) is set later on the project page.
   */
  brief?: boolean;
}

/** Create and edit share this form; messages come from the contract's zod schema. */
export function ProjectForm({ initial, submitLabel, onSubmit, onCancel, brief = false }: ProjectFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (k: keyof ProjectFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const typed = values.currency.trim().toUpperCase();
  const code = /^[A-Z]{3}$/.test(typed) ? typed : null;

  // One save at a time: a double click on the button creates one project.
  const save = useSingleFlight(async (input: ProjectCreateInput) => {
    try {
      await onSubmit(input);
    } catch (err) {
      const placed = err instanceof AppError && err.code === 'INVALID_INPUT' ? fieldErrorsFromServer(err.toJSON()) : {};
      if (Object.keys(placed).length) setErrors(placed);
      else setFormError((err as Error).message);
    }
  });

  function submit() {
    if (save.busy) return;
    const r = toProjectInput(values, initial);
    if (r.errors) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    setFormError(null);
    void save.run(r.input);
  }

  const fields = (
    <>
      {brief && <p className="plan-new-project__lead">New project: its name, and the currency you spend in. Its budget and dates can be set later on its page.</p>}
      <Field label={brief ? 'Project name' : 'Name'} error={errors.name} hint="What the team calls this piece of work.">
        {(p) => <input {...p} name="name" value={values.name} onChange={set('name')} autoFocus={!brief} maxLength={200} />}
      </Field>
      <div className="form__row">
        <Field label="Currency" error={errors.currency} hint="Three letters, like EUR. Budgets are kept in it.">
          {(p) => (
            <>
              <input {...p} name="currency" list="currencies" value={values.currency} onChange={set('currency')} className="input--short" />
              <datalist id="currencies">
                {COMMON_CURRENCIES.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {!brief && (
          <>
            <Field label="Total budget" error={errors.budget} hint={`The most this project may spend, all in${code ? `, in ${code}` : ''}.`}>
              {(p) => <input {...p} name="budget" placeholder={`e.g. ${code ? formatMoney(500_000, code) : '5000'}`} value={values.budget} onChange={set('budget')} />}
            </Field>
            <Field label="Monthly cap (optional)" error={errors.monthlyCap} hint={`A ceiling for any single month${code ? `, in ${code}` : ''}.`}>
              {(p) => <input {...p} name="monthlyCap" placeholder={`e.g. ${code ? formatMoney(100_000, code) : '1000'}`} value={values.monthlyCap} onChange={set('monthlyCap')} />}
            </Field>
          </>
        )}
      </div>
      {code && code !== 'USD' && (
        <div className="form__row">
          <Field label={`1 US dollar in ${code}`} error={errors.usdRate} hint={`Catalog prices and plans are in US dollars; they are shown in ${code} at this rate. Set it once; change it ${brief ? 'later on the project page' : 'here'} or on the Budget page.`}>
            {(p) => <input {...p} name="usdRate" inputMode="decimal" placeholder="e.g. 0.92" value={values.usdRate} onChange={set('usdRate')} className="input--short" />}
          </Field>
          <Field label="Rate as of" error={errors.usdRateAsOf} hint="The day the rate is from (today when empty).">
            {(p) => <input {...p} name="usdRateAsOf" type="date" value={values.usdRateAsOf} onChange={set('usdRateAsOf')} />}
          </Field>
        </div>
      )}
      {!brief && (
        <>
          <div className="form__row">
            <Field label="Start date (optional)" error={errors.startDate}>
              {(p) => <input {...p} name="startDate" type="date" value={values.startDate} onChange={set('startDate')} />}
            </Field>
            <Field label="End date (optional)" error={errors.endDate} hint="When the money should be spent by.">
              {(p) => <input {...p} name="endDate" type="date" value={values.endDate} onChange={set('endDate')} />}
            </Field>
          </div>
          <Field label="Notes" error={errors.notes}>
            {(p) => <textarea {...p} name="notes" rows={3} value={values.notes} onChange={set('notes')} />}
          </Field>
        </>
      )}
      {formError && (
        <p className="field__error" role="alert">
          {formError}
        </p>
      )}
      <div className="form__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type={brief ? 'button' : 'submit'} className="button button--primary" disabled={save.busy} onClick={brief ? submit : undefined}>
          {submitLabel}
        </button>
      </div>
    </>
  );
  if (brief) {
    // Inside a planner's own form: a group, not a nested form, and Enter creates the project
    // instead of moving the planner on.
    return (
      <div
        className="form plan-new-project"
        role="group"
        aria-label="New project"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
            e.preventDefault();
            submit();
          }
        }}
      >
        {fields}
      </div>
    );
  }
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      aria-label={submitLabel}
    >
      {fields}
    </form>
  );
}
