import { useState } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { formatDuration, formatTime, hardwareUnknown, STATUS_MEANING, statusBadgeClass } from '../run-format';
import { ComputeForm } from './ComputeForm';
import { RunCostCard } from './RunCostCard';
import { RunFacts } from './RunFacts';
import { RunPlanLink } from './RunPlanLink';
import { RunMetricCharts } from './RunMetricCharts';
import { RunNotes } from './RunNotes';
import '../runs.css';

/** One run: what it was given, what it scored over time, what it cost and on what basis. */
export function RunPage({ projectId, runId }: { projectId: string; runId: string }) {
  const go = useNavigation((s) => s.go);
  const q = useRpcQuery('runs.get', { id: runId });
  const remove = useSubmit('runs.delete', { invalidates: ['runs'] });
  const restore = useSubmit('runs.restore', { invalidates: ['runs'] });
  const [editingCompute, setEditingCompute] = useState(false);
  const back = (
    <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/runs`} onClick={(e) => (e.preventDefault(), go({ page: 'runs', projectId }))}>
      ← All runs
    </a>
  );
  const run = q.data;
  if (!run) {
    return (
      <section className="page">
        {back}
        <ErrorBanner error={q.error} />
        {!q.error && <p className="muted">Loading run…</p>}
      </section>
    );
  }
  const deleted = run.lifecycleStage === 'deleted';
  const unknown = hardwareUnknown(run.cost, run.hardwareId);
  return (
    <section className="page run-page" aria-labelledby="run-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="run-title">
            {run.name || run.id.slice(0, 8)}{' '}
            <span className={statusBadgeClass(run.status)} title={STATUS_MEANING[run.status]}>
              {run.status.toLowerCase()}
            </span>{' '}
            {deleted && <span className="badge">deleted</span>}
          </h1>
          <dl className="run-meta">
            <div>
              <dt>Experiment</dt>
              <dd>{run.experimentName}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatTime(run.startTime) || 'not recorded'}</dd>
            </div>
            <div>
              <dt>Ended</dt>
              <dd>{run.endTime ? formatTime(run.endTime) : run.status === 'RUNNING' ? 'still running' : 'not recorded'}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{formatDuration(run.hours)}</dd>
            </div>
            <div>
              <dt>Run id</dt>
              <dd>
                <code>{run.id}</code>
              </dd>
            </div>
          </dl>
        </div>
        <div className="page__actions">
          {deleted ? (
            <button type="button" className="button" disabled={restore.busy} onClick={() => void restore.submit({ id: run.id })}>
              Restore run
            </button>
          ) : (
            <button type="button" className="button button--danger" title="Moves the run to Deleted; it can be restored." disabled={remove.busy} onClick={() => void remove.submit({ id: run.id })}>
              Delete run
            </button>
          )}
        </div>
      </header>
      <ErrorBanner error={remove.error ?? restore.error ?? null} />
      {deleted && <div className="banner banner--warn">This run is deleted: it is left out of the runs list, budgets and comparisons until you restore it.</div>}
      {run.compute.note && <div className="banner banner--warn">{run.compute.note}</div>}
      <RunCostCard run={run} />
      {unknown || editingCompute ? (
        <ComputeForm key={`${run.id}-${run.hardwareId ?? ''}`} run={run} {...(unknown ? {} : { onDone: () => setEditingCompute(false) })} />
      ) : (
        <p className="run-page__change">
          <button type="button" className="link-button" onClick={() => setEditingCompute(true)}>
            Change the hardware, duration, energy or cost of this run
          </button>
        </p>
      )}
      {!deleted && <RunPlanLink run={run} />}
      <RunMetricCharts runId={run.id} keys={run.latestMetrics.map((m) => m.key)} />
      <RunFacts run={run} />
      <RunNotes key={run.id} run={run} />
    </section>
  );
}
