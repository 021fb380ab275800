import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { DeviceSelect } from '../parts/DeviceSelect';
import type { DeviceFacts } from '../parts/device-groups';
import { CUSTOM_MODEL, MODEL_CHOICES, MODEL_PRECISIONS } from '../parts/model-presets';
import { Term, TERMS } from '../../../components/Term';
import type { FieldErrors } from '../wizard/wizard';
import { MEMORY_USES, memoryUse, type MemoryValues } from './memory-wizard';

interface StepProps {
  stepId: string;
  values: MemoryValues;
  errors: FieldErrors<MemoryValues>;
  set(field: keyof MemoryValues & string, value: string): void;
  devices: readonly DeviceFacts[];
}

/** Renders one question of "Will this model fit?"; it decides nothing. */
export function MemoryStep({ stepId, values, errors, set, devices }: StepProps) {
  if (stepId === 'model') {
    return (
      <>
        <ChoiceGroup name="model" legend="Model size" choices={MODEL_CHOICES} value={values.model} error={errors.model} onChange={(v) => set('model', v)} />
        {values.model === CUSTOM_MODEL && (
          <Field label="Parameters" hint="The number in the model’s name, e.g. 7B for 7 billion or 350M for 350 million." error={errors.params}>
            {(p) => <input {...p} name="params" value={values.params} onChange={(e) => set('params', e.target.value)} className="plan-input--medium" />}
          </Field>
        )}
      </>
    );
  }
  const run = memoryUse(values) === 'run';
  return (
    <>
      <ChoiceGroup name="use" legend="You will…" choices={MEMORY_USES} value={values.use} error={errors.use} onChange={(v) => set('use', v)} />
      {run && <ChoiceGroup name="precision" legend="Stored as" choices={MODEL_PRECISIONS} value={values.precision} error={errors.precision} onChange={(v) => set('precision', v)} />}
      {!run && <p className="muted plan-small">Training keeps the model in 16-bit numbers with the usual optimiser (Adam), and can share the work over several devices.</p>}
      <div className="form__row">
        <Field label="Text kept in view (tokens)" hint={run ? 'The question, any pasted documents and the answer together; 1,000 tokens are about 750 words. E.g. 4k.' : 'The length of each training example; 1,000 tokens are about 750 words. E.g. 2k.'} error={errors.context}>
          {(p) => <input {...p} name="context" inputMode="decimal" value={values.context} onChange={(e) => set('context', e.target.value)} />}
        </Field>
        <Field label="Your device (optional)" hint="We say whether it fits, and list every device that would." error={errors.device}>
          {(p) => <DeviceSelect {...p} name="device" value={values.device} devices={devices} none="No particular device" onChange={(v) => set('device', v)} />}
        </Field>
      </div>
      <p className="muted plan-small">
        <Term explain={TERMS.token}>Tokens</Term> are how models count text.
      </p>
    </>
  );
}
