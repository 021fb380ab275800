import { formatAmount } from '../../../../../shared/domain/money-format';
import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { DeviceSelect } from '../parts/DeviceSelect';
import type { DeviceFacts } from '../parts/device-groups';
import { PlanProject, type PlanProjectChoice } from '../parts/PlanProject';
import { TypedPriceNote } from '../parts/TypedPriceNote';
import { BUDGET, PER_HOUR, typedMoneyOf } from '../../../../../shared/budget/typed-price';
import type { FieldErrors } from '../wizard/wizard';
import { BASES, FITS, type OptimalValues } from './optimal-wizard';

interface StepProps {
  stepId: string;
  values: OptimalValues;
  errors: FieldErrors<OptimalValues>;
  set(field: keyof OptimalValues & string, value: string): void;
  /** GPUs with a rental price in the catalog: the budget is spent renting one of them. */
  gpus: readonly DeviceFacts[];
  /** The project the answer is for: the budget and a price are typed, and the answer's money shown, in its currency. */
  plan?: PlanProjectChoice;
}

/** Renders one question of "What size model fits my compute budget?"; it decides nothing. */
export function OptimalStep({ stepId, values, errors, set, gpus, plan }: StepProps) {
  const text = (field: 'budget' | 'flops' | 'gpus' | 'pricePerGpuHour', p: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => (
    <input {...p} name={field} inputMode="decimal" value={values[field]} onChange={(e) => set(field, e.target.value)} className="plan-input--medium" />
  );
  const dollars = values.basis !== 'flops';
  const currency = typedMoneyOf(values).currency;
  if (stepId === 'budget') {
    return (
      <>
        <ChoiceGroup name="basis" legend="You know…" choices={BASES} value={values.basis} error={errors.basis} onChange={(v) => set('basis', v)} />
        {dollars ? (
          <>
            {plan && <PlanProject plan={plan} />}
            <Field label={`Budget in ${currency}`} hint={`What renting the GPUs may cost in all, e.g. 100k or ${formatAmount(100_000, { currency })}.`} error={errors.budget}>
              {(p) => text('budget', p)}
            </Field>
            {plan && <TypedPriceNote currency={plan.currency} prices={[{ text: values.budget, kind: BUDGET }]} />}
          </>
        ) : (
          <Field label="Computing (operations)" hint="Floating-point operations in all, e.g. 1e23. Chinchilla was trained with 5.76e23." error={errors.flops}>
            {(p) => text('flops', p)}
          </Field>
        )}
      </>
    );
  }
  return (
    <>
      {dollars ? (
        <>
          <div className="form__row">
            <Field label="GPU" hint="Only GPUs the catalog has a rental price for." error={errors.hardwareId}>
              {(p) => <DeviceSelect {...p} name="hardwareId" value={values.hardwareId} devices={gpus} onChange={(v) => set('hardwareId', v)} />}
            </Field>
            <Field label="Number of GPUs" hint="More GPUs finish sooner; slightly less of each hour goes into training." error={errors.gpus}>
              {(p) => text('gpus', p)}
            </Field>
          </div>
          <Field label={`Price per GPU-hour in ${currency} (optional)`} hint="Leave empty to use the catalog’s typical rental price for this GPU, with its date." error={errors.pricePerGpuHour}>
            {(p) => text('pricePerGpuHour', p)}
          </Field>
          {plan && <TypedPriceNote currency={plan.currency} prices={[{ text: values.pricePerGpuHour, kind: PER_HOUR }]} />}
        </>
      ) : (
        <p className="muted">You gave the computing itself, so no GPU is needed for the answer.</p>
      )}
      <Field label="Scaling rule" hint="The research the answer follows. Chinchilla’s rule is the one most people use." error={errors.fit}>
        {(p) => (
          <select {...p} name="fit" value={values.fit} onChange={(e) => set('fit', e.target.value)}>
            {FITS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
