import { plural } from '../../../../../shared/quality/format';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useHtmlExport } from '../../../components/use-html-export';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { ColumnCard } from '../../datasets/ColumnCard';
import { FindingsList } from './FindingsList';
import { ReportCharts } from './ReportCharts';
import { ReportSavedNote, SaveReportActions, useReportSave } from './SaveReport';
import { VerdictBanner } from './VerdictBanner';
import { plainSentence } from '../../../components/plain-text';

/** A stored check run: verdict, findings by severity, charts, the column cards, HTML export. */
export function CheckReportPage({ projectId, runId }: { projectId: string; runId: string }) {
  const report = useRpcQuery('checks.get', { runId });
  const exporter = useHtmlExport(() => fetchRpc('checks.exportHtml', { runId }, { fresh: true, keep: false }));
  const saver = useReportSave(runId);
  const go = useNavigation((s) => s.go);
  const run = report.data;
  const runError = report.error;

  const back = (
    <a className="back" href={`#/data/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'data', projectId }))}>
      ← All data
    </a>
  );
  if (!run) {
    return (
      <section className="page">
        {back}
        <ErrorBanner error={runError} />
        {!runError && <p className="muted">Loading report…</p>}
      </section>
    );
  }
  const issuesPerColumn = (name: string) => run.findings.filter((f) => f.column === name || f.columns?.includes(name)).length;
  const columnNames = run.profile.columns.map((c) => c.name);

  return (
    <section className="page" aria-labelledby="report-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="report-title">Data quality: {run.datasetName}</h1>
          <p className="muted">
            {run.referenceName ? `Compared with ${run.referenceName} · ` : ''}
            {plural(run.rows, 'row')} · {plural(run.columns, 'column')} · checked {run.createdAt.slice(0, 16).replace('T', ' ')}
          </p>
        </div>
        <div className="page__actions">
          <SaveReportActions projectId={projectId} saver={saver} exporter={exporter} />
        </div>
      </header>
      <ReportSavedNote saver={saver} />
      <ErrorBanner error={exporter.error} />
      <VerdictBanner run={run} />
      <div className="card">
        <h2>Findings</h2>
        <FindingsList findings={run.findings} knownColumns={columnNames} />
      </div>
      {run.notes.length > 0 && (
        <section className="card" aria-labelledby="report-not-covered-title">
          <h2 id="report-not-covered-title">Not covered</h2>
          <p className="muted">What the checks did not look at, so a pass is not read as more than it is.</p>
          <ul>
            {run.notes.map((n) => (
              <li key={`${n.check}:${n.message}`}>{plainSentence(n.message)}</li>
            ))}
          </ul>
        </section>
      )}
      <ReportCharts run={run} />
      <h2>Columns</h2>
      <p className="muted">Open a column to see its profile; links in the findings open the column they concern.</p>
      <div className="column-cards">
        {run.profile.columns.map((c) => (
          <ColumnCard key={c.name} column={c} open={false} issues={issuesPerColumn(c.name)} />
        ))}
      </div>
    </section>
  );
}
