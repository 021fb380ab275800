import { chooseFile } from '../eval-wizard';
import type { StepProps } from './step-props';

/** Step 1: the predictions file, chosen with the in-app picker or typed. */
export function FileStep({ state, errors, onChange, onPick }: StepProps & { onPick(): void }) {
  return (
    <fieldset className="wizard-step">
      <legend>Which file holds the model's predictions?</legend>
      <p className="muted">
        One row per prediction: the true answer and what the model said, plus any columns you want to break the results down by. CSV, TSV, JSON Lines, JSON or
        Parquet; Tally reads it where it is and never changes it.
      </p>
      <div className={`field${errors.path ? ' field--invalid' : ''}`}>
        <label htmlFor="eval-path">Predictions file</label>
        <div className="eval-path">
          <input id="eval-path" value={state.path} placeholder="/path/to/predictions.csv" spellCheck={false} aria-invalid={!!errors.path} onChange={(e) => onChange(chooseFile(state, e.target.value))} />
          <button type="button" className="button" onClick={onPick}>
            Choose a file…
          </button>
        </div>
        {errors.path && (
          <p className="field__error" role="alert">
            {errors.path}
          </p>
        )}
      </div>
    </fieldset>
  );
}
