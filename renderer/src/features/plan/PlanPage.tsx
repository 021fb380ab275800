import { ErrorBanner } from '../../components/ErrorBanner';
import { routeHash, useNavigation, type PlanView } from '../../stores/navigation';
import { useScenariosUi } from '../../stores/scenarios/scenarios-ui.store';
import './plan-answers.css';
import { ScenarioCompare } from './scenarios/ScenarioCompare';
import { ScenarioTable } from './scenarios/ScenarioTable';
import { useAllScenarios } from './scenarios/use-all-scenarios';

/** Shorter questions, each answered on one page from one estimate. */
const QUICK_ANSWERS: ReadonlyArray<{ view: PlanView; title: string; explain: string }> = [
  { view: 'memory', title: 'Will this model fit on my GPU or laptop?', explain: 'Model size and what you will do with it in; the memory it needs and which devices hold it out.' },
  { view: 'inference', title: 'How fast, and how much per request?', explain: 'Model, device and request size in; seconds per answer, words per second and the cost of 1,000 requests out.' },
  { view: 'optimal', title: 'What size model fits my compute budget?', explain: 'A budget in dollars on a GPU, or an amount of computing, in; the best model size and amount of training data out.' },
];

/** Plan: the two questions owners ask, three quick answers, and every plan saved so far. */
export function PlanPage() {
  const { rows: all, ready, error } = useAllScenarios();
  const picks = useScenariosUi((s) => s.compareIds);
  const toggleCompare = useScenariosUi((s) => s.toggleCompare);
  const go = useNavigation((s) => s.go);
  // A pick whose plan was deleted (here or in another window) is no longer a pick.
  const compareIds = picks.filter((id) => all.some((x) => x.scenario.id === id));
  const picked = compareIds.map((id) => all.find((x) => x.scenario.id === id)).filter((r) => r !== undefined);
  return (
    <section className="page" aria-labelledby="plan-title">
      <header className="page__header">
        <div>
          <h1 id="plan-title">Plan</h1>
          <p className="muted">Estimate what AI work will cost before you spend, as a likely range with every assumption shown.</p>
        </div>
      </header>
      <div className="plan-start">
        <a className="card plan-start__card" href="#/plan/cloud" onClick={(e) => (e.preventDefault(), go({ page: 'plan', view: 'cloud' }))}>
          <h2>Cloud or your own hardware?</h2>
          <p className="muted">Five questions about what the AI does and how it is used; we compare a cloud AI service, a rented GPU and a device you buy.</p>
          <span className="plan-start__go">Start →</span>
        </a>
        <a className="card plan-start__card" href="#/plan/training" onClick={(e) => (e.preventDefault(), go({ page: 'plan', view: 'training' }))}>
          <h2>What will training cost?</h2>
          <p className="muted">Model size, data and hardware in; cost, time, energy and CO2 out, with cheaper hardware to consider.</p>
          <span className="plan-start__go">Start →</span>
        </a>
      </div>
      <nav className="plan-start plan-start--quick" aria-label="Quick answers">
        {QUICK_ANSWERS.map((q) => (
          <a key={q.view} className="card plan-start__card" href={routeHash({ page: 'plan', view: q.view })} onClick={(e) => (e.preventDefault(), go({ page: 'plan', view: q.view }))}>
            <h2>{q.title}</h2>
            <p className="muted">{q.explain}</p>
            <span className="plan-start__go">Ask →</span>
          </a>
        ))}
      </nav>
      <ErrorBanner error={error} />
      <div className="card">
        <h2>Saved plans</h2>
        {ready && all.length === 0 ? (
          <p className="muted">No saved plans yet. Answer one of the questions above and save the result to a project.</p>
        ) : (
          <>
            <p className="muted plan-small">Tick two or three plans to see them side by side.</p>
            <ScenarioTable rows={all} showProject compareIds={compareIds} onToggleCompare={toggleCompare} />
          </>
        )}
      </div>
      {picked.length >= 2 && <ScenarioCompare rows={picked} />}
    </section>
  );
}
