import { plural } from '../../../../../shared/quality/format';
import { chooseFiles, type WizardDataset, type WizardErrors, type WizardState } from '../wizard/check-wizard';

interface StepProps {
  state: WizardState;
  errors: WizardErrors;
  datasets: WizardDataset[];
  onChange(state: WizardState): void;
}

/** Step 1: which file(s). One to check alone, or two to compare (e.g. training and test). */
export function FilesStep({ state, errors, datasets, onChange, onAddFile }: StepProps & { onAddFile(): void }) {
  const chosen = state.files.map((f) => f.datasetId);
  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    onChange(chooseFiles(state, ids, datasets));
  };
  return (
    <fieldset className="wizard-step" aria-describedby="files-hint">
      <legend>Which file should Tally check?</legend>
      <p id="files-hint" className="muted">
        Choose one file to check on its own, or two (for example training and test) to also find overlap, leakage and drift between them.
      </p>
      {datasets.length === 0 && <p className="empty">No data files in this project yet.</p>}
      <ul className="choice-list">
        {datasets.map((d) => {
          const checked = chosen.includes(d.id);
          return (
            <li key={d.id}>
              <label className="checkbox choice">
                <input type="checkbox" checked={checked} disabled={!checked && chosen.length >= 2} onChange={(e) => toggle(d.id, e.target.checked)} />
                <span className="choice__name">{d.name}</span>
                <span className="muted">{plural(d.columns.length, 'column')}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {(errors.files || errors['files.0'] || errors['files.1']) && (
        <p className="field__error" role="alert">
          {errors.files ?? errors['files.0'] ?? errors['files.1']}
        </p>
      )}
      <button type="button" className="button" onClick={onAddFile}>
        Add another file…
      </button>
    </fieldset>
  );
}

export type { StepProps };
