import { useCallback, useState } from 'react';
import { asErrorData, type AppErrorData } from '../../../../shared/domain/errors';
import { plural } from '../../../../shared/quality/format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { VERDICT_TEXT } from '../../stores/checks/checks.selectors';
import { fileBadge, formatBytes, verdictBadge } from '../../stores/datasets/datasets.selectors';
import { useNavigation } from '../../stores/navigation';
import { FilePickerDialog } from './FilePickerDialog';
import { ProjectPicker } from './ProjectPicker';
import { useFileDrop } from './useFileDrop';
import './datasets.css';

/** The Data page: a project's datasets with their status, adding files, and its check runs. */
export function DataPage({ projectId }: { projectId?: string | undefined }) {
  // Without a project in the URL the picker below opens the first one; nothing is read until then.
  const datasets = useRpcQuery('datasets.list', { projectId: projectId ?? '' }, { enabled: projectId !== undefined });
  const checks = useRpcQuery('checks.list', { projectId: projectId ?? '' }, { enabled: projectId !== undefined });
  const register = useRpcMutation('datasets.register').mutateAsync;
  const list = datasets.data ?? [];
  const runs = checks.data ?? [];
  const go = useNavigation((s) => s.go);
  const [picking, setPicking] = useState(false);
  const [dropError, setDropError] = useState<AppErrorData | null>(null);
  const onDropped = useCallback(
    async (paths: string[]) => {
      if (!projectId) return;
      setDropError(null);
      for (const path of paths) {
        try {
          await register({ projectId, path });
        } catch (e) {
          setDropError(asErrorData(e));
          return;
        }
      }
    },
    [register, projectId],
  );
  const drop = useFileDrop((paths) => void onDropped(paths), !!projectId);

  return (
    <section className="page" aria-labelledby="data-title">
      <header className="page__header">
        <div>
          <h1 id="data-title">Data</h1>
          <p className="muted">The files a project trains and tests on. Tally reads them where they are, never changes them, and checks them before you spend compute.</p>
        </div>
        {projectId && (
          <div className="page__actions">
            <button type="button" className="button" onClick={() => setPicking(true)}>
              Add a file
            </button>
            <button type="button" className="button button--primary" disabled={list.length === 0} onClick={() => go({ page: 'check', projectId })}>
              Check data quality
            </button>
          </div>
        )}
      </header>
      <ProjectPicker projectId={projectId} />
      <ErrorBanner error={datasets.error ?? checks.error ?? null} />
      <ErrorBanner error={dropError} />
      {projectId && (
        <p className={`drop-hint${drop.state === 'over' ? ' drop-hint--over' : ''}`} role="status">
          {drop.state === 'over' ? 'Drop the files to add them to this project.' : 'In the desktop app you can also drop data files anywhere on this page.'}
        </p>
      )}
      {drop.browserDrop && (
        <div className="banner banner--warn" role="alert">
          A browser does not tell Tally where a dropped file is kept, and Tally reads files where they are rather than copying them. Use <strong>Add a file</strong> to pick it, or drop it in the desktop app.{' '}
          <button type="button" className="button" onClick={drop.dismissBrowserDrop}>
            OK
          </button>
        </div>
      )}
      {projectId && datasets.isSuccess && list.length === 0 && (
        <div className="empty">
          <p>No data files in this project yet. Add the training file (and the test file, to compare them).</p>
        </div>
      )}
      {list.length > 0 && (
        <ul className="dataset-list" aria-label="Datasets">
          {list.map((d) => {
            const file = fileBadge(d);
            const verdict = verdictBadge(d);
            return (
              <li key={d.id}>
                <a
                  className="dataset-row"
                  href={`#/data/${encodeURIComponent(d.projectId)}/datasets/${encodeURIComponent(d.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ page: 'dataset', projectId: d.projectId, datasetId: d.id });
                  }}
                >
                  <span className="dataset-row__name">{d.name}</span>
                  <span className="dataset-row__role muted">{d.role ?? 'role not said'}</span>
                  <span className={`badge badge--${file.tone} dataset-row__file`} title={file.meaning}>
                    {file.label}
                  </span>
                  {verdict ? (
                    <span className={`badge badge--${verdict.tone} dataset-row__verdict`} title={verdict.meaning}>
                      {verdict.label}
                    </span>
                  ) : (
                    <span className="dataset-row__verdict muted">No verdict yet</span>
                  )}
                  <span className="dataset-row__size muted">
                    {d.format.toUpperCase()} · {formatBytes(d.sizeBytes)}
                  </span>
                  <span className="dataset-row__path muted">{d.path}</span>
                  <span className="dataset-row__meaning muted">{verdict ? `${file.meaning} ${verdict.meaning}` : file.meaning}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {projectId && runs.length > 0 && (
        <div className="card">
          <h2>Check runs</h2>
          <p className="muted">Each run is stored with the project; open one to read its report.</p>
          <ul className="run-list" aria-label="Check runs">
            {runs.map((r) => (
              <li key={r.id}>
                <a
                  href={`#/data/${encodeURIComponent(r.projectId)}/checks/${encodeURIComponent(r.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ page: 'check-run', projectId: r.projectId, runId: r.id });
                  }}
                >
                  {r.datasetName}
                  {r.referenceName ? ` vs ${r.referenceName}` : ''}
                </a>{' '}
                <span className={`badge badge--${VERDICT_TEXT[r.verdict].tone}`}>{VERDICT_TEXT[r.verdict].title}</span>{' '}
                <span className="muted">
                  {r.createdAt.slice(0, 16).replace('T', ' ')} · {plural(r.counts.error, 'error')}, {plural(r.counts.warning, 'warning')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {projectId && <FilePickerDialog projectId={projectId} open={picking} onClose={() => setPicking(false)} />}
    </section>
  );
}
