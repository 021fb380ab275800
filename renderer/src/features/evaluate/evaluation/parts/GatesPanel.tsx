import type { GateResult } from '../../../../../../shared/contract/evaluation-result';

/** The conditions set on this evaluation, each passed or failed, with what it measured. */
export function GatesPanel({ gates }: { gates: GateResult[] }) {
  if (gates.length === 0) return null;
  return (
    <section className="card" aria-labelledby="gates-title">
      <h2 id="gates-title">Conditions it must meet</h2>
      <ul className="eval-gates" aria-label="Gates">
        {gates.map((g) => (
          <li key={g.expression} className="eval-gate" data-passed={g.passed}>
            <span className={`badge badge--${g.passed ? 'ok' : 'error'}`}>{g.passed ? 'Passed' : 'Failed'}</span>
            <code>{g.expression}</code>
            <span className="muted">{g.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
