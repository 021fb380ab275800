import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '../../../stores/drafts/use-draft';
import { back as backStep, next as nextStep, type FieldErrors, type FormValues, type WizardDefinition, type WizardState } from './wizard';

interface WizardDraft<V> {
  values: V;
  step: number;
}

/** The plan name typed on the save form; `typed` false: the form proposes its own from the answers. */
interface PlanNameDraft {
  typed: boolean;
  name: string;
}

const NO_PLAN_NAME: PlanNameDraft = { typed: false, name: '' };

/**
 * React state around the pure wizard functions: the component calls these and renders; every
 * decision (valid? which step?) is made by validate/next/back. The answers and the step are kept
 * as a draft under `draftKey` (default: the wizard's id), so a reload or a visit to another page
 * loses nothing; a draft resumed on the result page asks for its answer again. Call `discard`
 * when the wizard is finished (the plan saved) or cancelled. The plan name typed on the result's
 * save form is kept beside them (its own draft, so answers kept by an older version still fit):
 * "Change answers" and back, or a reload, finds the name as it was typed.
 */
export function useWizard<V extends FormValues, I>(
  def: WizardDefinition<V, I>,
  initial: V,
  update: (v: V, field: keyof V & string, value: string) => V,
  onDone: (input: I, values: V) => void,
  opts: { draftKey?: string } = {},
) {
  const key = opts.draftKey ?? `plan.${def.id}`;
  const draft = useDraft<WizardDraft<V>>(key, { values: initial, step: 0 }, (d) => Number.isInteger(d.step) && d.step >= 0 && d.step <= def.steps.length);
  const planName = useDraft<PlanNameDraft>(`${key}:plan-name`, NO_PLAN_NAME);
  const { set: setPlanName, discard: discardPlanName } = planName;
  const discardAnswers = draft.discard;
  const { values, step } = draft.value;
  const setDraft = draft.set;
  const state: WizardState = { step };
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  // Resumed on the result page: the answer is not kept, so it is asked for again from the answers.
  const resumedOnResult = draft.resumed && step >= def.steps.length;
  useEffect(() => {
    if (!resumedOnResult) return;
    const r = nextStep(def, { step: def.steps.length - 1 }, values);
    if (r.kind === 'done') done.current(r.input, values);
    else setDraft((d) => ({ ...d, step: def.steps.length - 1 }));
    // Once, on the first render of a resumed draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const typePlanName = useCallback((name: string) => setPlanName({ typed: true, name }), [setPlanName]);
  const discard = useCallback(() => (discardAnswers(), discardPlanName()), [discardAnswers, discardPlanName]);
  const patch = useCallback((fn: (v: V) => V) => setDraft((d) => ({ ...d, values: fn(d.values) })), [setDraft]);
  return {
    values,
    state,
    errors,
    resumed: draft.resumed,
    step: def.steps[Math.min(step, def.steps.length - 1)]!,
    set(field: keyof V & string, value: string) {
      setDraft((d) => ({ ...d, values: update(d.values, field, value) }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    next() {
      const r = nextStep(def, state, values);
      setDraft((d) => ({ ...d, step: r.state.step }));
      setErrors(r.kind === 'invalid' ? r.errors : {});
      if (r.kind === 'done') onDone(r.input, values);
    },
    back() {
      setErrors({});
      setDraft((d) => ({ ...d, step: backStep(state).step }));
    },
    /** Answers the page keeps in step with something outside the questions (the project's currency); stable. */
    patch,
    /** Back to the last question from the result page, answers kept. */
    reopen() {
      setDraft((d) => ({ ...d, step: def.steps.length - 1 }));
    },
    restart(v: V) {
      setDraft({ values: v, step: 0 });
      setPlanName(NO_PLAN_NAME);
      setErrors({});
    },
    /** The plan name the owner typed on the save form, or null while the form proposes one. */
    planName: planName.value.typed ? planName.value.name : null,
    setPlanName: typePlanName,
    /** Forget the kept answers and plan name: the wizard was finished or cancelled. */
    discard,
  };
}
