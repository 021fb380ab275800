import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { Term, TERMS } from '../parts/Term';
import type { FieldErrors } from '../wizard/wizard';
import { MODEL_SIZES, PRIVACY, SPEEDS, TASKS } from './cloud-presets';
import type { CloudValues } from './cloud-wizard';

interface StepProps {
  stepId: string;
  values: CloudValues;
  errors: FieldErrors<CloudValues>;
  set(field: keyof CloudValues & string, value: string): void;
  hardware: ReadonlyArray<{ id: string; name: string }>;
  apis: ReadonlyArray<{ id: string; name: string }>;
  /** Providers with an on-demand catalog price, per hardware id. */
  providers?: Readonly<Record<string, readonly string[]>>;
}

/** A select of catalog rows whose empty choice leaves that option out of the comparison. */
function OptionalChoice(props: {
  id: string;
  name: string;
  value: string;
  choices: ReadonlyArray<{ id: string; name: string }>;
  onChange(value: string): void;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  const { choices, onChange, ...rest } = props;
  return (
    <select {...rest} onChange={(e) => onChange(e.target.value)}>
      <option value="">Do not compare</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Renders one question of the cloud-or-own wizard; it decides nothing. */
export function CloudStep({ stepId, values, errors, set, hardware, apis, providers = {} }: StepProps) {
  switch (stepId) {
    case 'task':
      return (
        <>
          <ChoiceGroup name="task" legend="The AI will…" choices={TASKS} value={values.task} error={errors.task} onChange={(v) => set('task', v)} />
          {values.task !== 'images' && <ChoiceGroup name="modelSize" legend="How capable must it be?" choices={MODEL_SIZES} value={values.modelSize} error={errors.modelSize} onChange={(v) => set('modelSize', v)} />}
        </>
      );
    case 'use':
      return (
        <div className="form__row">
          <Field label="Requests per day" hint={values.task === 'images' ? 'Photos it looks at on a normal day, e.g. 2000 or 2k.' : 'Questions or documents on a normal day, e.g. 2000 or 2k.'} error={errors.requestsPerDay}>
            {(p) => <input {...p} name="requestsPerDay" inputMode="decimal" value={values.requestsPerDay} onChange={(e) => set('requestsPerDay', e.target.value)} />}
          </Field>
          <Field label="For how many months" hint="How long you expect to run it; a bought device is written off over 36 months." error={errors.months}>
            {(p) => <input {...p} name="months" inputMode="decimal" value={values.months} onChange={(e) => set('months', e.target.value)} />}
          </Field>
        </div>
      );
    case 'speed':
      return (
        <>
          <p className="muted">
            We compare the whole answer time (<Term explain={TERMS.latency}>latency</Term>) with what you pick.
          </p>
          <ChoiceGroup name="speed" legend="It must answer…" choices={SPEEDS} value={values.speed} error={errors.speed} onChange={(v) => set('speed', v)} />
        </>
      );
    case 'privacy':
      return <ChoiceGroup name="privacy" legend="The data it sees is…" choices={PRIVACY} value={values.privacy} error={errors.privacy} onChange={(v) => set('privacy', v)} />;
    default:
      return (
        <>
          <Field label="Monthly budget in USD (optional)" hint="We mark it on the chart and say which options stay under it." error={errors.monthlyBudget}>
            {(p) => <input {...p} name="monthlyBudget" inputMode="decimal" placeholder="e.g. 500" value={values.monthlyBudget} onChange={(e) => set('monthlyBudget', e.target.value)} className="plan-input--medium" />}
          </Field>
          <h2 className="plan-wizard__subhead">The three options we compare</h2>
          <p className="muted">Sensible choices are filled in for you; change them if you have something specific in mind.</p>
          <div className="form__row">
            {values.task !== 'images' && (
              <Field label="Cloud AI service" hint="A hosted model you pay per use; your data goes to that company." error={errors.apiId}>
                {(p) => <OptionalChoice {...p} name="apiId" value={values.apiId} choices={apis} onChange={(v) => set('apiId', v)} />}
              </Field>
            )}
            <Field label="Rented cloud GPU" hint="A machine you rent by the hour and run the model on yourself." error={errors.cloudHardwareId}>
              {(p) => <OptionalChoice {...p} name="cloudHardwareId" value={values.cloudHardwareId} choices={hardware} onChange={(v) => set('cloudHardwareId', v)} />}
            </Field>
            {values.cloudHardwareId && (
              <Field label="Rented from (optional)" hint="One provider’s catalog price instead of the spread across providers." error={errors.cloudProvider}>
                {(p) => (
                  <select {...p} name="cloudProvider" value={values.cloudProvider} onChange={(e) => set('cloudProvider', e.target.value)}>
                    <option value="">All providers (lowest, middle and highest)</option>
                    {(providers[values.cloudHardwareId] ?? []).map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          <div className="form__row">
            <Field label="Your own device" hint="Hardware you buy and keep on your premises; the data never leaves." error={errors.ownedHardwareId}>
              {(p) => <OptionalChoice {...p} name="ownedHardwareId" value={values.ownedHardwareId} choices={hardware} onChange={(v) => set('ownedHardwareId', v)} />}
            </Field>
            <Field label="Its purchase price in USD" hint="The device plus its share of the computer around it." error={errors.ownedPriceUsd}>
              {(p) => <input {...p} name="ownedPriceUsd" inputMode="decimal" value={values.ownedPriceUsd} onChange={(e) => set('ownedPriceUsd', e.target.value)} />}
            </Field>
          </div>
        </>
      );
  }
}
