import type { Input, Output } from '../../../../../shared/contract';

/** What a wizard hands to "Save": the estimate kind, the input it ran, and the result it showed. */
export type WizardPayload =
  | { kind: 'deployment'; input: Input<'estimate.compare'>; result: Output<'estimate.compare'> }
  | { kind: 'training'; input: Input<'estimate.training'>; result: Output<'estimate.training'> }
  | { kind: 'pilot'; input: Input<'estimate.pilot'>; result: Output<'estimate.pilot'> }
  | { kind: 'memory'; input: Input<'estimate.memory'>; result: Output<'estimate.memory'> }
  | { kind: 'inference'; input: Input<'estimate.inference'>; result: Output<'estimate.inference'> }
  | { kind: 'optimal'; input: Input<'estimate.optimal'>; result: Output<'estimate.optimal'> };
