import type { RunComparisonValue } from './compare-types';
import { paramsDiffRows } from './compare-shaping';

/** Params side by side: the ones that differ first and highlighted, so what changed between runs stands out. */
export function ParamsDiff({ comparison, colors }: { comparison: RunComparisonValue; colors: string[] }) {
  const rows = paramsDiffRows(comparison.params);
  const differing = rows.filter((r) => r.differs).length;
  return (
    <section className="card" aria-labelledby="params-diff-title">
      <h2 id="params-diff-title">Parameters</h2>
      <p className="muted">
        {rows.length === 0
          ? 'None of these runs logged parameters.'
          : differing === 0
            ? `All ${rows.length} parameters are the same in every run.`
            : `${differing} of ${rows.length} parameters differ between these runs (highlighted, listed first).`}
      </p>
      {rows.length > 0 && (
        <div className="params-diff-scroll">
          <table className="params-diff">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                {comparison.runs.map((r, i) => (
                  <th key={r.id} scope="col">
                    <span className="swatch" style={{ background: colors[i] }} /> {r.name || r.id.slice(0, 8)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.key} className={p.differs ? 'params-diff__row--differs' : undefined} data-differs={p.differs}>
                  <th scope="row">{p.key}</th>
                  {p.values.map((v, i) => (
                    <td key={comparison.runs[i]!.id}>{v ?? <span className="params-diff__missing">not set</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
