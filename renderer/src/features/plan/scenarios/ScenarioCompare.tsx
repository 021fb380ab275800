import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { comparisonRows } from '../../../stores/scenarios/scenarios.selectors';
import { useFigureContext } from './use-figure-context';

/** Two or three saved plans side by side: one column each, one row per key figure. */
export function ScenarioCompare({ rows: picked }: { rows: ReadonlyArray<{ scenario: Scenario; project: Project }> }) {
  const contextOf = useFigureContext();
  const list = picked.map((r) => r.scenario);
  const rows = comparisonRows(list, (s) => contextOf(picked.find((r) => r.scenario === s)?.project ?? { currency: 'USD' }));
  return (
    <div className="card">
      <h2>Side by side</h2>
      <div className="plan-table-scroll">
        <table className="plan-table plan-compare-table" aria-label="Plans side by side">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Figure</span>
              </th>
              {list.map((s) => (
                <th scope="col" key={s.id}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  {r.label}
                  <div className="muted plan-small">{r.meaning}</div>
                </th>
                {r.values.map((v, i) => (
                  <td key={list[i]?.id ?? i} className="plan-num">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
