import { Field } from '../../../components/Field';
import { availableColumns, type WizardState } from '../wizard/check-wizard';
import type { StepProps } from './FilesStep';

const ROLES = [
  { key: 'target', label: 'Target (what the model predicts)', hint: 'Enables class balance, conflicting labels and target leakage checks.' },
  { key: 'id', label: 'Id (who or what a row is about)', hint: 'The same id in training and test means the model has already seen that customer.' },
  { key: 'time', label: 'Time (when the row happened)', hint: 'Test rows should come after training rows; earlier ones leak the future.' },
] as const;

/** Step 3: the target, id and time columns, pre-filled with Tally's guesses and their reasons. */
export function ColumnsStep({ state, errors, datasets, onChange, reasons }: StepProps & { reasons: Partial<Record<'target' | 'id' | 'time', string>> }) {
  const columns = availableColumns(state, datasets);
  return (
    <fieldset className="wizard-step">
      <legend>Which columns play a special part?</legend>
      <p className="muted">All optional. Tally guessed from the column names and values; change anything that is wrong.</p>
      {ROLES.map((r) => (
        <Field key={r.key} label={r.label} hint={state[r.key] && reasons[r.key] ? `Guessed: ${reasons[r.key]!}` : r.hint} error={errors[r.key]}>
          {(p) => (
            <select {...p} value={state[r.key]} onChange={(e) => onChange({ ...state, [r.key]: e.target.value } as WizardState)}>
              <option value="">None</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </fieldset>
  );
}
