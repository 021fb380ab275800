import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { parseRateText } from '../../../../../shared/domain/money-text';
import { serverFieldErrors } from '../../../components/server-field-errors';
import { useSubmit } from '../../../components/use-submit';

/**
 * The project's dated USD exchange rate: how catalog prices, run costs in USD and USD plans are
 * shown in the project's currency. Without it those stay uncounted (never taken 1:1). Changing
 * it recomputes the runs' costs; ledger entries keep the rate they were booked at.
 */
export function UsdRateForm({ project, today }: { project: Project; today: string }) {
  const save = useSubmit('projects.update', { invalidates: ['projects', 'budget', 'ledger', 'runs', 'scenarios'] });
  const [rate, setRate] = useState(project.usdRate === undefined ? '' : String(project.usdRate));
  const [asOf, setAsOf] = useState(project.usdRateAsOf ?? today);
  const [error, setError] = useState<string | undefined>();
  // A refusal about the rate or its day goes next to that box; anything else above the form.
  const server = serverFieldErrors(save.error, { usdRate: 'rate', usdRateAsOf: 'asOf' } as const);
  return (
    <form
      className="form"
      aria-label="USD exchange rate"
      onSubmit={(e) => {
        e.preventDefault();
        const r = parseRateText(rate, `The rate (${project.currency} per US dollar)`);
        if (!r.ok) {
          setError(r.message);
          return;
        }
        setError(undefined);
        void save.submit({ id: project.id, patch: r.rate === null ? { usdRate: null } : { usdRate: r.rate, usdRateAsOf: asOf || today } });
      }}
    >
      <h3>US dollar exchange rate</h3>
      <p className="muted budget-note">
        {project.usdRate === undefined
          ? `Not set: run costs priced in US dollars and USD plans cannot be counted in ${project.currency}.`
          : `1 US dollar = ${project.usdRate} ${project.currency}, as of ${project.usdRateAsOf ?? 'an unknown date'}${project.usdRateSetBy ? `; set by ${project.usdRateSetBy}${project.usdRateSetAt ? ` on ${project.usdRateSetAt.slice(0, 10)}` : ''}` : ''}. Run costs and plans priced in US dollars are shown in ${project.currency} at this rate.`}
      </p>
      <ErrorBanner error={server.rest} />
      <div className="form__row">
        <Field label={`${project.currency} per 1 USD`} error={error ?? server.fields.rate} hint="Empty removes the rate.">
          {(p) => <input {...p} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />}
        </Field>
        <Field label="As of" error={server.fields.asOf} hint="The day the rate is from.">
          {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save the rate'}
        </button>
      </div>
    </form>
  );
}
