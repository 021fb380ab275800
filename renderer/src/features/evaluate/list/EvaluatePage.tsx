import { useState } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRpcQuery } from '../../../data/rpc-query';
import { canCompareEvaluations, compareEvaluationsHint, livePicks } from '../../../stores/evaluate/evaluate-ui';
import { pickedOf, useEvaluateUi } from '../../../stores/evaluate/evaluate-ui.store';
import { useNavigation } from '../../../stores/navigation';
import { MonitorsPanel } from '../monitors/MonitorsPanel';
import { useLinkedRuns } from '../use-links';
import { evaluationRow } from './evaluation-rows';
import '../evaluate.css';

/** A project's evaluations (what each model scored, its gates, its run's cost), the compare picks, and its monitors. */
export function EvaluatePage({ projectId }: { projectId: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id: projectId });
  const list = useRpcQuery('evaluations.list', { projectId });
  const evaluations = list.data ?? [];
  const runs = useLinkedRuns(projectId, evaluations.map((e) => e.runId));
  const picked = livePicks(
    useEvaluateUi((s) => pickedOf(s, projectId)),
    evaluations.map((e) => e.id),
  );
  const [refused, setRefused] = useState(false);
  const toggle = (id: string) => setRefused(!useEvaluateUi.getState().toggle(projectId, id));
  const rows = evaluations.map((e) => evaluationRow(e, runs.byId(e.runId)));

  return (
    <section className="page" aria-labelledby="evaluate-title">
      <a className="back" href={`#/projects/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'project', id: projectId }))}>
        ← {project.data?.name ?? 'Project'}
      </a>
      <header className="page__header">
        <div>
          <h1 id="evaluate-title">Evaluate{project.data ? ` ${project.data.name}` : ''}</h1>
          <p className="muted">What each model is worth: how often it is right, for whom it works less well, what its mistakes cost, and which model gives the most for the money.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => go({ page: 'evaluation-new', projectId })}>
            New evaluation
          </button>
        </div>
      </header>
      <ErrorBanner error={project.error ?? list.error ?? runs.error} />
      <section className="card" aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">Evaluations</h2>
        {list.isPending ? (
          <p className="muted">Loading evaluations…</p>
        ) : rows.length === 0 ? (
          <div className="empty">No evaluation yet. Press New evaluation and choose a file of the model's predictions on data it did not train on.</div>
        ) : (
          <>
            <div className="eval-table-scroll">
              <table className="eval-table" aria-label="Evaluations">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Compare</span>
                    </th>
                    <th scope="col">Evaluation</th>
                    <th scope="col">Question</th>
                    <th scope="col">Headline result (95% range)</th>
                    <th scope="col">Gates</th>
                    <th scope="col">Training run and its cost</th>
                    <th scope="col" className="eval-table__num">Rows</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} data-evaluation-id={r.id}>
                      <td>
                        <input type="checkbox" aria-label={`Compare ${r.name}`} checked={picked.includes(r.id)} onChange={() => toggle(r.id)} />
                      </td>
                      <td>
                        <a href={`#/projects/${encodeURIComponent(projectId)}/evaluate/${encodeURIComponent(r.id)}`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluation', projectId, evaluationId: r.id }))}>
                          {r.name}
                        </a>
                        <div className="muted eval-table__sub">{r.created}</div>
                      </td>
                      <td>{r.task}</td>
                      <td className="eval-table__metric">
                        <span className="eval-table__value">{r.value}</span> <span className="muted">{r.interval ? `(${r.interval})` : ''}</span>
                        <div className="muted eval-table__sub">{r.metric}</div>
                      </td>
                      <td>{r.gate.tone === 'none' ? <span className="muted">{r.gate.text}</span> : <span className={`badge badge--${r.gate.tone}`}>{r.gate.text}</span>}</td>
                      <td>{r.run ?? <span className="muted">None linked</span>}</td>
                      <td className="eval-table__num">{r.rows}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="toolbar eval-compare-bar">
              <button type="button" className="button" disabled={!canCompareEvaluations(picked)} onClick={() => go({ page: 'evaluation-compare', projectId, evaluationIds: picked })}>
                Compare{picked.length ? ` ${picked.length}` : ''}
              </button>
              <span className="muted" role="status">
                {compareEvaluationsHint(picked, refused)}
              </span>
            </div>
          </>
        )}
      </section>
      <MonitorsPanel projectId={projectId} evaluations={evaluations} />
    </section>
  );
}
