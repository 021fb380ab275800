interface Choice {
  id: string;
  label: string;
  explain: string;
}

/** A question answered by picking one card: each choice says in one line what it means. */
export function ChoiceGroup({ name, legend, choices, value, error, onChange }: { name: string; legend: string; choices: readonly Choice[]; value: string; error?: string | undefined; onChange(v: string): void }) {
  return (
    <fieldset className={`plan-choices${error ? ' plan-choices--invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="plan-choices__grid">
        {choices.map((c) => (
          <label key={c.id} className={`plan-choice${value === c.id ? ' plan-choice--picked' : ''}`}>
            <input type="radio" name={name} value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
            <span className="plan-choice__label">{c.label}</span>
            <span className="plan-choice__explain">{c.explain}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${name}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
