import { Field } from '../../../../components/Field';
import { reasonFor, setRole, sliceCandidates, toggleSlice, type OutputKind } from '../eval-wizard';
import type { StepProps } from './step-props';

const OUTPUTS: Array<{ value: OutputKind; label: string; meaning: string }> = [
  { value: 'score', label: 'A score or probability', meaning: 'One number per row: how likely the answer is yes.' },
  { value: 'probabilities', label: 'One probability column per class', meaning: 'e.g. p_cat, p_dog: each row sums to 1.' },
  { value: 'prediction', label: 'A predicted answer', meaning: 'The class it chose, or the number it predicted.' },
];

const TASKS = [
  { value: '', label: 'Let Tally decide from the columns' },
  { value: 'binary', label: 'Yes or no (two answers)' },
  { value: 'multiclass', label: 'One of several classes' },
  { value: 'regression', label: 'A number' },
] as const;

const OPTIONAL = [
  { key: 'weight', label: 'Row weight', hint: 'Rows that count more than others (e.g. a sample weight).' },
  { key: 'time', label: 'When the prediction was made', hint: 'Lets a monitor place the rows in time.' },
  { key: 'trainFlag', label: 'Which rows the model trained on', hint: 'Marks training rows (1/0, yes/no, train/test): Tally then checks whether the model leaks them.' },
] as const;

function Select({ id, value, columns, none, onChange, ...aria }: { id: string; value: string; columns: string[]; none?: string; onChange(v: string): void; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      {none !== undefined && <option value="">{none}</option>}
      {none === undefined && value === '' && <option value="">Choose a column</option>}
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** Step 2: the guessed roles, each with Tally's reason, confirmed or changed. */
export function RolesStep({ state, errors, onChange }: StepProps) {
  const g = state.guesses;
  const columns = g?.columns ?? [];
  const r = state.roles;
  const guessed = (role: Parameters<typeof reasonFor>[1], column: string, hint: string) => {
    const why = reasonFor(g, role, column);
    return why ? `Guessed: ${why}.` : hint;
  };
  const labels = g?.positiveLabel?.labels ?? [];
  const binary = state.task === 'binary' || (state.task === '' && g?.task?.value === 'binary');
  return (
    <fieldset className="wizard-step">
      <legend>Which column is which?</legend>
      <p className="muted">
        Tally looked at the first {g?.sampledRows.toLocaleString('en-US') ?? 0} rows of {columns.length} columns and guessed; confirm or change anything that is wrong.
      </p>
      <Field label="The true answer" hint={guessed('label', r.label, 'What really happened, e.g. whether the customer left.')} error={errors.label}>
        {(p) => <Select {...p} value={r.label} columns={columns} onChange={(v) => onChange(setRole(state, 'label', v))} />}
      </Field>
      <fieldset className="eval-choices">
        <legend>What the model gives for each row</legend>
        {OUTPUTS.map((o) => (
          <label key={o.value} className="eval-choice">
            <input type="radio" name="output" value={o.value} checked={r.output === o.value} onChange={() => onChange(setRole(state, 'output', o.value))} />
            <span>
              <strong>{o.label}</strong> <span className="muted">{o.meaning}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {r.output === 'score' && (
        <Field label="Score column" hint={guessed('score', r.score, 'Higher means more likely yes.')} error={errors.score}>
          {(p) => <Select {...p} value={r.score} columns={columns} onChange={(v) => onChange(setRole(state, 'score', v))} />}
        </Field>
      )}
      {r.output === 'probabilities' && (
        <Field
          label="Start of the probability columns' names"
          hint={g?.probabilityPrefix.find((x) => x.prefix === r.probabilityPrefix)?.reason ?? 'e.g. "p_" for p_cat, p_dog.'}
          error={errors.probabilityPrefix}
        >
          {(p) => (
            <>
              <input {...p} value={r.probabilityPrefix} list="eval-prefixes" onChange={(e) => onChange(setRole(state, 'probabilityPrefix', e.target.value))} />
              <datalist id="eval-prefixes">
                {g?.probabilityPrefix.map((x) => (
                  <option key={x.prefix} value={x.prefix} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      )}
      {r.output === 'prediction' && (
        <Field label="Prediction column" hint={guessed('prediction', r.prediction, 'The class it chose, or the number it predicted.')} error={errors.prediction}>
          {(p) => <Select {...p} value={r.prediction} columns={columns} onChange={(v) => onChange(setRole(state, 'prediction', v))} />}
        </Field>
      )}
      <div className="form__row">
        <Field label="Kind of question" hint={g?.task ? `Guessed: ${g.task.reason}.` : undefined} error={errors.task}>
          {(p) => (
            <select {...p} value={state.task} onChange={(e) => onChange({ ...state, task: e.target.value as typeof state.task })}>
              {TASKS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {binary && labels.length > 0 && (
          <Field label="Which answer counts as yes" hint={g?.positiveLabel ? `Guessed: ${g.positiveLabel.reason}.` : undefined} error={errors.positiveLabel}>
            {(p) => <Select {...p} value={state.positiveLabel} columns={labels} onChange={(v) => onChange({ ...state, positiveLabel: v })} />}
          </Field>
        )}
      </div>
      <div className="form__row">
        {OPTIONAL.map((o) => (
          <Field key={o.key} label={o.label} hint={guessed(o.key, r[o.key], o.hint)} error={errors[o.key]}>
            {(p) => <Select {...p} value={r[o.key]} columns={columns} none="None" onChange={(v) => onChange(setRole(state, o.key, v))} />}
          </Field>
        ))}
      </div>
      <fieldset className="eval-choices">
        <legend>Break the results down by (slices)</legend>
        <p className="muted">Each value of a chosen column gets its own metrics with an interval, so a group the model serves badly stands out. Numbers are grouped into ranges.</p>
        <div className="eval-slices">
          {sliceCandidates(state).map((c) => {
            const why = reasonFor(g, 'slices', c);
            return (
              <label key={c} className="eval-slice">
                <input type="checkbox" checked={r.slices.includes(c)} onChange={() => onChange(toggleSlice(state, c))} />
                <span>
                  {c}
                  {why && <span className="muted eval-slice__why">{why}</span>}
                </span>
              </label>
            );
          })}
        </div>
        {errors.slices && (
          <p className="field__error" role="alert">
            {errors.slices}
          </p>
        )}
      </fieldset>
    </fieldset>
  );
}
