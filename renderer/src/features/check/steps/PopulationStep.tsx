import { addShareRow, availableColumns, removeShareRow, setUsePopulation, updateShareRow } from '../wizard/check-wizard';
import { formatPercent, shareTotals } from '../wizard/population-shares';
import type { StepProps } from './FilesStep';

/** Step 4 (optional): the shares each group should have, e.g. region north 40%, south 60%. */
export function PopulationStep({ state, errors, datasets, onChange }: StepProps) {
  const columns = availableColumns(state, datasets);
  const totals = shareTotals(state.population);
  const err = (i: number, f: string) => errors[`population.rows.${i}.${f}`];
  return (
    <fieldset className="wizard-step">
      <legend>Does the data match the population it should represent?</legend>
      <p className="muted">Optional. If you know the real-world mix (for example 40% of customers are in the north), Tally tells you which groups are under- or over-represented.</p>
      <label className="checkbox">
        <input type="checkbox" checked={state.usePopulation} onChange={(e) => onChange(setUsePopulation(state, e.target.checked))} /> Compare with known population shares
      </label>
      {state.usePopulation && (
        <>
          <table className="shares">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Group (a value of the column)</th>
                <th scope="col">Share</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.population.map((row, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={`Column of group ${i + 1}`} value={row.column} aria-invalid={!!err(i, 'column')} onChange={(e) => onChange(updateShareRow(state, i, { column: e.target.value }))}>
                      <option value="">Choose…</option>
                      {columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                    {err(i, 'column') && <p className="field__error">{err(i, 'column')}</p>}
                  </td>
                  <td>
                    <input aria-label={`Group ${i + 1}`} value={row.group} aria-invalid={!!err(i, 'group')} onChange={(e) => onChange(updateShareRow(state, i, { group: e.target.value }))} />
                    {err(i, 'group') && <p className="field__error">{err(i, 'group')}</p>}
                  </td>
                  <td>
                    <input
                      aria-label={`Share of group ${i + 1}`}
                      className="input--short"
                      placeholder="0.4 or 40%"
                      value={row.share}
                      aria-invalid={!!err(i, 'share')}
                      onChange={(e) => onChange(updateShareRow(state, i, { share: e.target.value }))}
                    />
                    {err(i, 'share') && <p className="field__error">{err(i, 'share')}</p>}
                  </td>
                  <td>
                    <button type="button" className="button" aria-label={`Remove group ${i + 1}`} onClick={() => onChange(removeShareRow(state, i))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" onClick={() => onChange(addShareRow(state))}>
            Add a group
          </button>
          <ul className="share-totals" aria-label="Totals per column">
            {totals.map((t) => (
              <li key={t.column} className={errors[`population.column.${t.column}`] ? 'field__error' : 'muted'}>
                {errors[`population.column.${t.column}`] ?? `${t.column}: adds up to ${formatPercent(t.total)}`}
              </li>
            ))}
          </ul>
          {errors.population && (
            <p className="field__error" role="alert">
              {errors.population}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
