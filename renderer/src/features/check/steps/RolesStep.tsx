import { checkedAndReference, FILE_ROLES, setRole, type FileRole } from '../wizard/check-wizard';
import type { StepProps } from './FilesStep';

/** Step 2: what each file is. With two, the later one in a model's life is checked against the earlier. */
export function RolesStep({ state, errors, datasets, onChange }: StepProps) {
  const pair = checkedAndReference(state.files);
  const nameOf = (id: string) => datasets.find((d) => d.id === id)?.name ?? id;
  return (
    <fieldset className="wizard-step">
      <legend>What is each file?</legend>
      <p className="muted">The role decides which checks apply and the words in the report (“12% of test rows also appear in training”).</p>
      {state.files.map((f, i) => (
        <div className="field" key={f.datasetId}>
          <label htmlFor={`role-${i}`}>{nameOf(f.datasetId)}</label>
          <select
            id={`role-${i}`}
            value={f.role}
            aria-invalid={!!errors[`files.${i}.role`]}
            onChange={(e) => onChange(setRole(state, i, e.target.value as FileRole))}
          >
            {FILE_ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <p className="field__hint">{FILE_ROLES.find((r) => r.value === f.role)?.meaning}</p>
          {errors[`files.${i}.role`] && (
            <p className="field__error" role="alert">
              {errors[`files.${i}.role`]}
            </p>
          )}
        </div>
      ))}
      {pair?.reference && pair.checked.role !== pair.reference.role && (
        <p className="wizard-note">
          Tally will check <strong>{nameOf(pair.checked.datasetId)}</strong> against <strong>{nameOf(pair.reference.datasetId)}</strong>.
        </p>
      )}
    </fieldset>
  );
}
