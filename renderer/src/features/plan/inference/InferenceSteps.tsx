import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { DeviceSelect } from '../parts/DeviceSelect';
import type { DeviceFacts } from '../parts/device-groups';
import { CUSTOM_MODEL, MODEL_CHOICES, MODEL_PRECISIONS } from '../parts/model-presets';
import { PlanProject, type PlanProjectChoice } from '../parts/PlanProject';
import { TypedPriceNote } from '../parts/TypedPriceNote';
import { PER_HOUR, typedMoneyOf } from '../../../../../shared/budget/typed-price';
import { Term, TERMS } from '../../../components/Term';
import type { FieldErrors } from '../wizard/wizard';
import { SERVING_CHOICES, type InferenceValues } from './inference-wizard';

interface StepProps {
  stepId: string;
  values: InferenceValues;
  errors: FieldErrors<InferenceValues>;
  set(field: keyof InferenceValues & string, value: string): void;
  devices: readonly DeviceFacts[];
  /** The project the answer is for: the price is typed, and the cost shown, in its currency. */
  plan?: PlanProjectChoice;
}

/** Renders one question of "How fast, and how much per request?"; it decides nothing. */
export function InferenceStep({ stepId, values, errors, set, devices, plan }: StepProps) {
  const text = (field: 'params' | 'pricePerHour' | 'promptTokens' | 'outputTokens' | 'batch', p: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => (
    <input {...p} name={field} inputMode="decimal" value={values[field]} onChange={(e) => set(field, e.target.value)} />
  );
  switch (stepId) {
    case 'model':
      return (
        <>
          <ChoiceGroup name="model" legend="Model size" choices={MODEL_CHOICES} value={values.model} error={errors.model} onChange={(v) => set('model', v)} />
          {values.model === CUSTOM_MODEL && (
            <Field label="Parameters" hint="The number in the model’s name, e.g. 7B for 7 billion or 350M for 350 million." error={errors.params}>
              {(p) => text('params', p)}
            </Field>
          )}
          <ChoiceGroup name="precision" legend="Stored as" choices={MODEL_PRECISIONS} value={values.precision} error={errors.precision} onChange={(v) => set('precision', v)} />
        </>
      );
    case 'device':
      return (
        <>
          <Field label="Hardware" hint="Too big for one? Devices that can share a model are used together; the answer says how many." error={errors.hardwareId}>
            {(p) => <DeviceSelect {...p} name="hardwareId" value={values.hardwareId} devices={devices} onChange={(v) => set('hardwareId', v)} />}
          </Field>
          <ChoiceGroup name="serving" legend="Served by" choices={SERVING_CHOICES} value={values.serving} error={errors.serving} onChange={(v) => set('serving', v)} />
          {plan && <PlanProject plan={plan} />}
          <Field label={`Price per hour in ${typedMoneyOf(values).currency} (optional)`} hint="Leave empty to use the catalog’s rental prices for this device, with their date." error={errors.pricePerHour}>
            {(p) => text('pricePerHour', p)}
          </Field>
          {plan && <TypedPriceNote currency={plan.currency} prices={[{ text: values.pricePerHour, kind: PER_HOUR }]} />}
        </>
      );
    default:
      return (
        <>
          <div className="form__row">
            <Field label="Question length (tokens)" hint="What is sent in: the question plus any documents. 1,000 tokens are about 750 words." error={errors.promptTokens}>
              {(p) => text('promptTokens', p)}
            </Field>
            <Field label="Answer length (tokens)" hint="What it writes back; 256 tokens are about 190 words, a long paragraph." error={errors.outputTokens}>
              {(p) => text('outputTokens', p)}
            </Field>
          </div>
          <Field label="Requests answered together" hint="1 when one person asks at a time. A busy service answers 8 to 64 at once: each a little slower, all of them far cheaper." error={errors.batch}>
            {(p) => text('batch', p)}
          </Field>
          <p className="muted plan-small">
            <Term explain={TERMS.token}>Tokens</Term> are how models count text.
          </p>
        </>
      );
  }
}
