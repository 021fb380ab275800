import { formatCents } from '../../../../../shared/budget/spend/spend-format';
import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { PlanProject, type PlanProjectChoice } from '../parts/PlanProject';
import { TypedPriceNote } from '../parts/TypedPriceNote';
import { AMOUNT, PER_KWH, defaultTariffText, electricityHint, typedMoneyOf } from '../../../../../shared/budget/typed-price';
import { Term, TERMS } from '../../../components/Term';
import type { FieldErrors } from '../wizard/wizard';
import { MODEL_SIZES, PRIVACY, SPEEDS, TASKS } from './cloud-presets';
import { OWNED_PURCHASE_CHOICES, type CloudValues } from './cloud-wizard';

interface StepProps {
  stepId: string;
  values: CloudValues;
  errors: FieldErrors<CloudValues>;
  set(field: keyof CloudValues & string, value: string): void;
  hardware: ReadonlyArray<{ id: string; name: string }>;
  /** Cloud GPUs (a rental price in the catalog) and devices people buy; default: `hardware`. */
  rented?: StepProps['hardware'];
  owned?: StepProps['hardware'];
  apis: ReadonlyArray<{ id: string; name: string }>;
  /** Providers with an on-demand catalog price, per hardware id. */
  providers?: Readonly<Record<string, readonly string[]>>;
  /** The project the plan is for: its currency is the budget's, and the answer is shown in it. */
  plan?: PlanProjectChoice;
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
export function CloudStep({ stepId, values, errors, set, hardware, rented = hardware, owned = hardware, apis, providers = {}, plan }: StepProps) {
  const typed = typedMoneyOf(values);
  switch (stepId) {
    case 'task':
      return (
        <>
          <ChoiceGroup name="task" legend="The AI will…" choices={TASKS} value={values.task} error={errors.task} onChange={(v) => set('task', v)} />
          {values.task !== 'images' && (
            <>
              <ChoiceGroup name="modelSize" legend="How capable must it be?" choices={MODEL_SIZES} value={values.modelSize} error={errors.modelSize} onChange={(v) => set('modelSize', v)} />
              <details className="plan-small">
                <summary>Details of the models</summary>
                <ul>
                  {MODEL_SIZES.map((m) => (
                    <li key={m.id}>
                      <strong>{m.label}:</strong> {m.details}
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )}
        </>
      );
    case 'use':
      return (
        <div className="form__row">
          <Field label="Requests per day" hint={values.task === 'images' ? 'Photos it looks at on a normal day, e.g. 2000 or 2k.' : 'Questions or documents on a normal day, e.g. 2000 or 2k.'} error={errors.requestsPerDay}>
            {(p) => <input {...p} name="requestsPerDay" inputMode="decimal" value={values.requestsPerDay} onChange={(e) => set('requestsPerDay', e.target.value)} />}
          </Field>
          <Field label="For how many months" hint="How long you expect to run it. A device you buy is paid off over the shorter of this and its write-off period (you set it on the last step)." error={errors.months}>
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
          {plan && <PlanProject plan={plan} />}
          <Field label={`Monthly budget in ${values.currency || 'USD'} (optional)`} hint="The most you want to spend a month: we mark it on the chart and say which options stay under it." error={errors.monthlyBudget}>
            {(p) => <input {...p} name="monthlyBudget" placeholder={`e.g. ${formatCents(50_000, values.currency || 'USD')}`} value={values.monthlyBudget} onChange={(e) => set('monthlyBudget', e.target.value)} className="plan-input--medium" />}
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
              {(p) => <OptionalChoice {...p} name="cloudHardwareId" value={values.cloudHardwareId} choices={rented} onChange={(v) => set('cloudHardwareId', v)} />}
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
              {(p) => <OptionalChoice {...p} name="ownedHardwareId" value={values.ownedHardwareId} choices={owned} onChange={(v) => set('ownedHardwareId', v)} />}
            </Field>
            {values.ownedHardwareId && (
              <Field label={`Electricity price per kWh in ${typed.currency} (optional)`} hint={electricityHint(typed)} error={errors.electricityPrice}>
                {(p) => <input {...p} name="electricityPrice" inputMode="decimal" placeholder={defaultTariffText(typed)} value={values.electricityPrice} onChange={(e) => set('electricityPrice', e.target.value)} />}
              </Field>
            )}
          </div>
          {values.ownedHardwareId && (
            <>
              <ChoiceGroup name="ownedPurchase" legend="The device…" choices={OWNED_PURCHASE_CHOICES} value={values.ownedPurchase} error={errors.ownedPurchase} onChange={(v) => set('ownedPurchase', v)} />
              {values.ownedPurchase !== 'paid' && (
                <div className="form__row">
                  <Field label={`Its purchase price in ${typed.currency}`} hint="The device plus its share of the computer around it." error={errors.ownedPrice}>
                    {(p) => <input {...p} name="ownedPrice" inputMode="decimal" value={values.ownedPrice} onChange={(e) => set('ownedPrice', e.target.value)} />}
                  </Field>
                  <Field label="Spread over (months)" hint="How long you will use it; 36 is three years." error={errors.ownedWriteOffMonths}>
                    {(p) => <input {...p} name="ownedWriteOffMonths" inputMode="numeric" value={values.ownedWriteOffMonths} onChange={(e) => set('ownedWriteOffMonths', e.target.value)} />}
                  </Field>
                </div>
              )}
            </>
          )}
          {values.ownedHardwareId && plan && (
            <TypedPriceNote
              currency={plan.currency}
              prices={[
                ...(values.ownedPurchase !== 'paid' ? [{ text: values.ownedPrice, kind: AMOUNT }] : []),
                { text: values.electricityPrice, kind: PER_KWH },
              ]}
            />
          )}
        </>
      );
  }
}
