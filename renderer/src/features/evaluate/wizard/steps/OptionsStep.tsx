import { Field } from '../../../../components/Field';
import type { StepProps } from './step-props';

export interface LinkChoice {
  id: string;
  label: string;
}

interface Props extends StepProps {
  currency: string;
  runs: LinkChoice[];
  datasets: LinkChoice[];
}

/** Step 3: a name, the threshold, what mistakes cost, gates, and what to link the evaluation to. */
export function OptionsStep({ state, errors, onChange, currency, runs, datasets }: Props) {
  const set = (patch: Partial<typeof state>) => onChange({ ...state, ...patch });
  const scores = state.roles.output === 'score';
  const gateErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('gates'))
    .map(([, v]) => v);
  return (
    <fieldset className="wizard-step">
      <legend>Costs, gates and links</legend>
      <p className="muted">All optional: the evaluation runs without them, and costs and links can be set later on its page.</p>
      <Field label="Name" hint="How this evaluation is listed, e.g. the model's name and version." error={errors.name}>
        {(p) => <input {...p} value={state.name} onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      {scores && (
        <Field label="Flag a row as yes when its score is at least" hint="The cut-off the headline numbers use; 0.5 unless you say otherwise." error={errors.threshold}>
          {(p) => <input {...p} className="input--short" inputMode="decimal" placeholder="0.5" value={state.threshold} onChange={(e) => set({ threshold: e.target.value })} />}
        </Field>
      )}
      <div className="form__row">
        <Field label={`What one false alarm costs (${currency})`} hint="A row flagged yes that was really no: e.g. a retention offer sent to a customer who was staying." error={errors.costFalsePositive}>
          {(p) => <input {...p} inputMode="decimal" placeholder="e.g. 5" value={state.costFalsePositive} onChange={(e) => set({ costFalsePositive: e.target.value })} />}
        </Field>
        <Field label={`What one missed case costs (${currency})`} hint="A real yes the model did not flag: e.g. a customer lost without an offer." error={errors.costFalseNegative}>
          {(p) => <input {...p} inputMode="decimal" placeholder="e.g. 50" value={state.costFalseNegative} onChange={(e) => set({ costFalseNegative: e.target.value })} />}
        </Field>
      </div>
      <Field label="Conditions it must meet (one per line)" hint="e.g. f1>=0.8, recall>=0.7, slice_min(recall)>=0.6: each shows as passed or failed." error={gateErrors.length ? gateErrors.join(' ') : undefined}>
        {(p) => <textarea {...p} rows={3} spellCheck={false} value={state.gates} onChange={(e) => set({ gates: e.target.value })} />}
      </Field>
      <div className="form__row">
        <Field label="Training run that made the model" hint="Its cost is then set against what the model achieves." error={errors.runId}>
          {(p) => (
            <select {...p} value={state.runId} onChange={(e) => set({ runId: e.target.value })}>
              <option value="">None</option>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Dataset it was evaluated on" hint="A data file of this project, e.g. the test split." error={errors.datasetId}>
          {(p) => (
            <select {...p} value={state.datasetId} onChange={(e) => set({ datasetId: e.target.value })}>
              <option value="">None</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
