import type { Scenario } from '../../../../../shared/contract/scenarios';
import { comparisonRows } from '../../../stores/scenarios/scenarios.selectors';

/** Two or three saved plans side by side: one column each, one row per key figure. */
export function ScenarioCompare({ list }: { list: Scenario[] }) {
  const rows = comparisonRows(list);
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
