import { useState } from 'react';
import type { ScenarioPlan } from '../../../../shared/contract/budget';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRpcQuery } from '../../data/rpc-query';
import { PlanLinks } from './PlanLinks';
import { figureText, MEASURE_LABELS, plannedText, reforecastText, verdictText } from './plan-texts';

function ScenarioRow({ plan, currency, onUnits }: { plan: ScenarioPlan; currency: string; onUnits(units: number | null): void }) {
  const [units, setUnits] = useState(String(plan.plannedUnits));
  const forecast = reforecastText(plan, currency);
  return (
    <article className="budget-plan" aria-label={`Plan ${plan.name}`}>
      <h3>{plan.name}</h3>
      <p className="muted budget-note">
        {plan.experiments.length > 0 ? `Carried out by ${plan.experiments.map((e) => e.name).join(', ')}. ` : ''}
        {plan.finishedRuns} finished {plan.finishedRuns === 1 ? 'run' : 'runs'}
        {plan.runningRuns > 0 ? `, ${plan.runningRuns} running` : ''}.
      </p>
      <p>{plan.replan.message}</p>
      {plan.costNote && <p className="plan-warn">Cost not compared: {plan.costNote}.</p>}
      <table className="plan-table budget-plan__table">
        <thead>
          <tr>
            <th scope="col">For the work done</th>
            <th scope="col" className="budget-num">Planned</th>
            <th scope="col" className="budget-num">Actual</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {plan.replan.comparisons.map((c) => {
            const v = verdictText(c);
            return (
              <tr key={c.measure}>
                <th scope="row">{MEASURE_LABELS[c.measure]}</th>
                <td className="budget-num">{plannedText(c, currency)}</td>
                <td className="budget-num">{figureText(c, c.actual, currency)}</td>
                <td>{v.tone ? <span className={`badge badge--${v.tone}`}>{v.text}</span> : v.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {forecast && <p>Whole plan, re-forecast from the finished runs: {forecast}.</p>}
      {plan.runsLeftOut.length > 0 && <p className="muted budget-note">Left out: {plan.runsLeftOut.map((r) => `${r.runName || r.runId.slice(0, 8)} (${r.reason})`).join('; ')}.</p>}
      <form
        className="budget-plan__units"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(units);
          onUnits(units.trim() === '' ? null : Number.isFinite(n) && n > 0 ? n : null);
        }}
      >
        <label>
          Runs this plan covers{' '}
          <input className="input--short" inputMode="decimal" value={units} onChange={(e) => setUnits(e.target.value)} aria-describedby={`units-hint-${plan.scenarioId}`} />
        </label>
        <button type="submit" className="button plan-button--small">
          Re-forecast
        </button>
        <span id={`units-hint-${plan.scenarioId}`} className="muted budget-note">
          {plan.plannedUnitsFrom === 'given' ? 'As you set it.' : 'By default, the runs linked to it so far.'} A sweep of 20 runs covers 20.
        </span>
      </form>
    </article>
  );
}

/** Estimate against actual for each Plan scenario that runs carry out, and the rest re-forecast from them. */
export function PlanVsActual({ projectId, currency }: { projectId: string; currency: string }) {
  const [units, setUnits] = useState<Record<string, number>>({});
  const q = useRpcQuery('budget.plan', { projectId, ...(Object.keys(units).length > 0 ? { plannedUnits: units } : {}) }, { placeholderData: (prev) => prev });
  const plan = q.data;
  return (
    <section className="card" aria-labelledby="plan-actual-title">
      <h2 id="plan-actual-title">Planned vs actual</h2>
      <ErrorBanner error={q.error ?? null} />
      {plan && plan.scenarios.length === 0 && (
        <p className="muted">No run or experiment is linked to a plan yet. Say below which plan each experiment carries out to compare the estimate with what its runs cost and took.</p>
      )}
      {plan?.scenarios.map((s) => (
        <ScenarioRow
          key={s.scenarioId}
          plan={s}
          currency={currency}
          onUnits={(n) =>
            setUnits((u) => {
              const { [s.scenarioId]: _old, ...rest } = u;
              return n === null ? rest : { ...rest, [s.scenarioId]: n };
            })
          }
        />
      ))}
      {plan && plan.notLinked.length > 0 && <p className="muted budget-note">Plans no run carries out yet: {plan.notLinked.map((s) => s.name).join(', ')}.</p>}
      <details className="budget-details" open={plan !== undefined && plan.scenarios.length === 0}>
        <summary>Which plan each experiment carries out</summary>
        <PlanLinks projectId={projectId} />
      </details>
    </section>
  );
}
