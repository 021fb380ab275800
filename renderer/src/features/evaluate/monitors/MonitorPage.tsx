import { useState } from 'react';
import { EvalLineChart, type Marker } from '../../../charts/evaluate/EvalLineChart';
import { metricTimelines, psiTimelines } from '../../../charts/evaluate/eval-series';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { FilePickerDialog } from '../../datasets/FilePickerDialog';
import { LocatedError } from '../../datasets/LocatedError';
import { formatMetric, metricWords } from '../metric-words';
import { plainSentence } from '../../../components/plain-text';
import { TaskProgress } from '../TaskProgress';
import { taskProblem } from '../../../data/task-progress';
import { useTask } from '../../../data/use-task';
import { alertedBatches, batchRows, batchTicks, metricDomain, psiBands, timelineMetrics } from './monitor-view';
import { MonitorGroups } from './MonitorGroups';
import { followedGroups } from './monitor-slices-view';
import '../evaluate.css';

const BAND = { stable: { text: 'Steady', tone: 'ok' }, moderate: { text: 'Moderate shift', tone: 'warn' }, major: { text: 'Major shift', tone: 'error' } } as const;

/** Charts per feature beyond this are behind "show all", so a wide file does not bury the metrics. */
const FEATURES_SHOWN = 8;

/** A monitor: its summary, the batches with their alerts, and one timeline chart per feature and per metric. */
export function MonitorPage({ projectId, monitorId }: { projectId: string; monitorId: string }) {
  const go = useNavigation((s) => s.go);
  const q = useRpcQuery('monitors.get', { id: monitorId });
  const [taskId, setTaskId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [allFeatures, setAllFeatures] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [rescanNote, setRescanNote] = useState<string | null>(null);
  const add = useSubmit('monitors.addBatch', { invalidates: [], onSuccess: (r) => setTaskId(r.taskId) });
  const rescan = useSubmit('monitors.rescan', {
    invalidates: [],
    onSuccess: (r) => {
      setRescanNote(r.files.length === 0 ? 'No new files in the folder.' : `Adding ${r.files.length} new ${r.files.length === 1 ? 'file' : 'files'}.`);
      if (r.taskId) setTaskId(r.taskId);
    },
  });
  const remove = useSubmit('monitors.delete', { onSuccess: () => go({ page: 'evaluate', projectId }) });
  const { task, error: taskError, cancel } = useTask('monitors.status', taskId);
  const running = add.busy || rescan.busy || task?.state === 'running';
  const back = (
    <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/evaluate`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluate', projectId }))}>
      ← Evaluate
    </a>
  );
  const m = q.data;
  if (!m) {
    return (
      <section className="page">
        {back}
        <ErrorBanner error={q.error ?? null} />
        {!q.error && <p className="muted">Loading monitor…</p>}
      </section>
    );
  }
  const features = psiTimelines(m.batches);
  const shown = allFeatures ? features : features.slice(0, FEATURES_SHOWN);
  const metrics = metricTimelines(m.batches, timelineMetrics(m), m.referenceMetrics);
  const ticks = batchTicks(m.batches);
  const alerts: Marker[] = alertedBatches(m.batches).map((n) => ({ axis: 'x', value: n, legend: 'alert', tone: 'danger' }));
  const rows = batchRows(m);
  const followed = followedGroups(m);
  const ended = task && task.state !== 'running' && task.state !== 'succeeded' ? task : null;
  const problem = ended?.state === 'failed' ? taskProblem(ended.error) : null;

  return (
    <section className="page eval-page" aria-labelledby="monitor-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="monitor-title">
            {m.name} {m.alert && <span className="badge badge--error">Alert</span>}
          </h1>
          <p className="muted">
            New data compared with {m.reference.kind === 'evaluation' ? 'the evaluation' : 'the data file'} <strong>{m.reference.name}</strong>
            {m.folder ? (
              <>
                {' '}
                · watching <code>{m.folder}</code>
              </>
            ) : null}
          </p>
          {followed && (
            <p className="muted" data-testid="monitor-groups-followed">
              {followed}
            </p>
          )}
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" disabled={running} onClick={() => setPicking(true)}>
            Add a batch
          </button>
          {m.folder && (
            <button type="button" className="button" disabled={running} onClick={() => (setRescanNote(null), void rescan.submit({ monitorId: m.id }))}>
              Re-scan the folder
            </button>
          )}
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      </header>
      {running && (
        <div className="card">
          <TaskProgress title="Comparing the batch…" task={task} onCancel={() => cancel()} />
        </div>
      )}
      {rescanNote && !running && <p className="muted" role="status">{rescanNote}</p>}
      {ended?.state === 'cancelled' && (
        <div className="banner banner--warn" role="status">
          {ended.error?.message ?? 'Cancelled.'}
        </div>
      )}
      <LocatedError error={problem} title="The batch could not be added." />
      <ErrorBanner error={add.error ?? rescan.error ?? taskError ?? remove.error ?? null} />
      <div className={`banner banner--${m.alert ? 'warn' : 'ok'} eval-verdict`} role="status" aria-label="Summary">
        <p className="eval-verdict__sentence" data-testid="monitor-summary">
          {plainSentence(m.summary)}
        </p>
      </div>
      {rows.length > 0 && (
        <section className="card" aria-labelledby="batches-title">
          <h2 id="batches-title">Batches</h2>
          <div className="eval-table-scroll">
            <table className="eval-table" aria-label="Batches">
              <thead>
                <tr>
                  <th scope="col" className="eval-table__num">#</th>
                  <th scope="col">Batch</th>
                  <th scope="col" className="eval-table__num">Rows</th>
                  <th scope="col">Columns that shifted</th>
                  <th scope="col">Result</th>
                  <th scope="col">Alerts</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-batch={r.number} data-alert={r.alerts.length > 0}>
                    <td className="eval-table__num">#{r.number}</td>
                    <td>{r.label}</td>
                    <td className="eval-table__num">{r.rows}</td>
                    <td>{r.shifted}</td>
                    <td>{r.result}</td>
                    <td>
                      {r.alerts.length === 0 ? (
                        <span className="badge badge--ok">None</span>
                      ) : (
                        <>
                          <span className="badge badge--error">Alert</span>
                          <ul className="eval-notes eval-alerts">
                            {r.alerts.map((a) => (
                              <li key={a}>{plainSentence(a)}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {metrics.length > 0 && (
        <section className="card" aria-labelledby="results-title">
          <h2 id="results-title">Results over time</h2>
          <p className="muted">Batches that hold the true answers are scored; the dashed line is the evaluation the monitor started from.</p>
          <div className="eval-charts">
            {metrics.map((t) => (
              <figure key={t.key} className="eval-figure">
                <h3>{metricWords(t.key).plain}</h3>
                <EvalLineChart
                  label={`${metricWords(t.key).plain} per batch`}
                  lines={[{ ...t.line, id: metricWords(t.key).plain }]}
                  xLegend="batch"
                  yLegend={metricWords(t.key).plain.toLowerCase()}
                  xDomain={[1, Math.max(2, m.batches.length)]}
                  yDomain={metricDomain(t.line.data.map((p) => p.y), t.reference)}
                  xTicks={ticks}
                  formatY={(v) => formatMetric(t.key, v)}
                  points
                  size="small"
                  markers={[...(t.reference !== null ? [{ axis: 'y' as const, value: t.reference, legend: `reference ${formatMetric(t.key, t.reference)}`, tone: 'accent' as const }] : []), ...alerts]}
                />
              </figure>
            ))}
          </div>
        </section>
      )}
      <MonitorGroups monitor={m} ticks={ticks} />
      {features.length > 0 && (
        <section className="card" aria-labelledby="features-title">
          <h2 id="features-title">What the model sees, batch by batch</h2>
          <p className="muted">How far each column moved away from the reference. Under the first dashed line it is steady; between the lines a moderate shift; above the second a major one.</p>
          <div className="eval-charts">
            {shown.map((f) => (
              <figure key={f.column} className="eval-figure" data-column={f.column}>
                <h3>
                  {f.output ? `The model's output: ${f.column}` : f.column === m.roles?.label ? `The true answer: ${f.column}` : f.column} <span className={`badge badge--${BAND[f.band].tone}`}>{BAND[f.band].text}</span>
                </h3>
                <EvalLineChart
                  label={`How far ${f.column} moved from the reference, per batch`}
                  lines={[f.line]}
                  xLegend="batch"
                  yLegend="shift (0 = none)"
                  xDomain={[1, Math.max(2, m.batches.length)]}
                  yDomain={[0, Math.max(0.3, f.maxPsi * 1.15)]}
                  xTicks={ticks}
                  formatY={(v) => v.toFixed(2)}
                  points
                  size="small"
                  colors={[f.output ? '#b07aa1' : '#4e79a7']}
                  markers={[...psiBands(f.maxPsi), ...alerts]}
                />
              </figure>
            ))}
          </div>
          {features.length > FEATURES_SHOWN && (
            <button type="button" className="link-button" onClick={() => setAllFeatures(!allFeatures)}>
              {allFeatures ? 'Show the most shifted only' : `Show all ${features.length} columns`}
            </button>
          )}
          <details className="eval-details">
            <summary>How the shift is measured</summary>
            <p className="muted">
              The shift is the population stability index (PSI) of the column between the reference and the batch: under 0.1 stable, 0.1 to 0.25 moderate, above 0.25 major. Each column is also tested
              as the Check screens do (Kolmogorov-Smirnov or chi-square up to 1,000 reference rows, Wasserstein or Jensen-Shannon above); an alert is raised at PSI {m.thresholds.psi}, when{' '}
              {Math.round(m.thresholds.driftShare * 100)}% of the columns drift, or when the headline result drops by more than {m.thresholds.metricDrop}.
            </p>
          </details>
        </section>
      )}
      {m.batches.length === 0 && !running && <div className="empty">No batches yet. Add a file of new data{m.folder ? ', or re-scan the folder,' : ''} to compare it with the reference.</div>}
      <FilePickerDialog
        projectId={projectId}
        open={picking}
        onClose={() => setPicking(false)}
        pick={{ kind: 'file', title: 'Choose a batch of new data', action: 'Add this batch', onChosen: (path) => void add.submit({ monitorId: m.id, path }) }}
      />
      <ConfirmDialog open={confirming} title={`Delete ${m.name}?`} confirmLabel="Delete the monitor" danger busy={remove.busy} onCancel={() => setConfirming(false)} onConfirm={() => void remove.submit({ id: m.id })}>
        <p>Its {m.batchCount} batches are forgotten; the files stay where they are.</p>
      </ConfirmDialog>
    </section>
  );
}
