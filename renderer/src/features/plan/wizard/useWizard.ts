import { useState } from 'react';
import { back as backStep, next as nextStep, type FieldErrors, type FormValues, type WizardDefinition, type WizardState } from './wizard';

/**
 * React state around the pure wizard functions: the component calls these and renders; every
 * decision (valid? which step?) is made by validate/next/back.
 */
export function useWizard<V extends FormValues, I>(def: WizardDefinition<V, I>, initial: V, update: (v: V, field: keyof V & string, value: string) => V, onDone: (input: I, values: V) => void) {
  const [values, setValues] = useState<V>(initial);
  const [state, setState] = useState<WizardState>({ step: 0 });
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  return {
    values,
    state,
    errors,
    step: def.steps[Math.min(state.step, def.steps.length - 1)]!,
    set(field: keyof V & string, value: string) {
      setValues((v) => update(v, field, value));
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    next() {
      const r = nextStep(def, state, values);
      setState(r.state);
      setErrors(r.kind === 'invalid' ? r.errors : {});
      if (r.kind === 'done') onDone(r.input, values);
    },
    back() {
      setErrors({});
      setState(backStep(state));
    },
    /** Back to the last question from the result page, answers kept. */
    reopen() {
      setState({ step: def.steps.length - 1 });
    },
    restart(v: V) {
      setValues(v);
      setErrors({});
      setState({ step: 0 });
    },
  };
}
