import type { EvalWizardState, WizardErrors } from '../eval-wizard';

export interface StepProps {
  state: EvalWizardState;
  errors: WizardErrors;
  onChange(state: EvalWizardState): void;
}
