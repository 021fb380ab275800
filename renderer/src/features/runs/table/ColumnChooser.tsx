import type { RunKeys } from '../../../../../shared/contract/runs-views';
import type { ChosenKeys, KeyKind } from '../../../stores/runs/runs-ui';

interface Props {
  keys: RunKeys | undefined;
  chosen: ChosenKeys;
  onToggle(kind: KeyKind, key: string): void;
  onReset(): void;
}

const GROUPS: Array<{ kind: KeyKind; title: string; meaning: string }> = [
  { kind: 'metrics', title: 'Metrics', meaning: 'Each run shows its latest value.' },
  { kind: 'params', title: 'Parameters', meaning: 'The settings a run was started with.' },
  { kind: 'tags', title: 'Tags', meaning: 'Labels the run carries.' },
];

/** Which params, metrics and tags get a column. The choice is kept for this project. */
export function ColumnChooser({ keys, chosen, onToggle, onReset }: Props) {
  return (
    <section className="card column-chooser" aria-label="Choose columns">
      <div className="page__header">
        <div>
          <h2>Columns</h2>
          <p className="muted">Tick what the table shows. Tally remembers this per project.</p>
        </div>
        <button type="button" className="button plan-button--small" onClick={onReset}>
          Back to the default
        </button>
      </div>
      {!keys ? (
        <p className="muted">Loading the keys your runs logged…</p>
      ) : (
        <div className="column-chooser__groups">
          {GROUPS.map((g) => (
            <fieldset key={g.kind} className="column-chooser__group">
              <legend>
                {g.title} <span className="muted">({keys[g.kind].length})</span>
              </legend>
              <p className="field__hint">{g.meaning}</p>
              {keys[g.kind].length === 0 && <p className="muted">None logged yet.</p>}
              <div className="column-chooser__list">
                {keys[g.kind].map((k) => (
                  <label key={k} className="checkbox">
                    <input type="checkbox" checked={chosen[g.kind].includes(k)} onChange={() => onToggle(g.kind, k)} />
                    <span className="column-chooser__key">{k}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
    </section>
  );
}
