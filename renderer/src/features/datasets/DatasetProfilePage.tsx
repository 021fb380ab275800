import { useState } from 'react';
import { formatCount, formatShare } from '../../../../shared/quality/format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Stat } from '../../components/Stat';
import { useSubmit } from '../../components/use-submit';
import { useRpcQuery } from '../../data/rpc-query';
import { fileBadge, formatBytes, verdictBadge } from '../../stores/datasets/datasets.selectors';
import { useNavigation } from '../../stores/navigation';
import { ColumnCard } from './ColumnCard';
import { LocatedError } from './LocatedError';
import './datasets.css';

/** One dataset: its facts, its status (with re-link when it moved) and a card per column. */
export function DatasetProfilePage({ projectId, datasetId }: { projectId: string; datasetId: string }) {
  const dataset = useRpcQuery('datasets.get', { id: datasetId });
  const relink = useSubmit('datasets.relink');
  const go = useNavigation((s) => s.go);
  const [newPath, setNewPath] = useState('');
  const detail = dataset.data;
  const detailError = dataset.error;
  const back = (
    <a className="back" href={`#/data/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'data', projectId }))}>
      ← All data
    </a>
  );
  if (!detail) {
    return (
      <section className="page">
        {back}
        <ErrorBanner error={detailError} />
        {!detailError && <p className="muted">Loading dataset…</p>}
      </section>
    );
  }
  const d = detail;
  const badge = fileBadge(d);
  const verdict = verdictBadge(d);
  const p = d.profile;
  return (
    <section className="page" aria-labelledby="dataset-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="dataset-title">
            {d.name} <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
          </h1>
          <p className="muted">
            <code>{d.path}</code> · {d.format.toUpperCase()} · {d.role ?? 'role not said'}
          </p>
          <p className="muted">{badge.meaning}</p>
          {verdict && (
            <p className="dataset-verdict">
              <span className={`badge badge--${verdict.tone}`}>{verdict.label}</span>
              <span className="muted">{verdict.meaning}</span>
              <a
                href={`#/data/${encodeURIComponent(projectId)}/checks/${encodeURIComponent(verdict.runId)}`}
                onClick={(e) => (e.preventDefault(), go({ page: 'check-run', projectId, runId: verdict.runId }))}
              >
                Open the report
              </a>
            </p>
          )}
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => go({ page: 'check', projectId })}>
            Check data quality
          </button>
        </div>
      </header>
      {d.status === 'missing' && (
        <form
          className="card relink"
          onSubmit={(e) => {
            e.preventDefault();
            void relink.submit({ id: d.id, path: newPath });
          }}
        >
          <h2>Re-link the file</h2>
          <p className="muted">If the file moved, give its new path; Tally compares its content with what it recorded.</p>
          <label htmlFor="relink-path">New path</label>
          <div className="relink__row">
            <input id="relink-path" value={newPath} onChange={(e) => setNewPath(e.target.value)} spellCheck={false} />
            <button type="submit" className="button" disabled={relink.busy}>
              Re-link
            </button>
          </div>
          <LocatedError error={relink.error} title="Tally could not re-link." />
        </form>
      )}
      {p ? (
        <>
          <div className="stats" role="group" aria-label="Dataset facts">
            <Stat label="Rows" value={formatCount(p.rows)} meaning="Records in the file (the header is not counted)." />
            <Stat label="Columns" value={formatCount(p.columns.length)} meaning="Fields per record." />
            <Stat
              label="Duplicate rows"
              value={formatCount(p.duplicateRows)}
              meaning={p.rows > 0 && p.duplicateRows > 0 ? `${formatShare(p.duplicateRows / p.rows)} of rows repeat an earlier row exactly.` : 'No row repeats another exactly.'}
            />
            <Stat label="File size" value={formatBytes(p.sizeBytes)} meaning={`On disk; about ${formatBytes(p.memoryBytes)} once loaded as typed columns.`} />
          </div>
          <h2>Columns</h2>
          <p className="muted">Each card shows the column’s type, how much is missing, how many different values it holds, and how its values are spread.</p>
          <div className="column-cards">
            {p.columns.map((c) => (
              <ColumnCard key={c.name} column={c} />
            ))}
          </div>
        </>
      ) : (
        <div className="empty">
          <p>Not checked yet. Run a data-quality check to see its rows, columns and profile.</p>
          <p className="muted">Columns seen in the first rows: {d.schema.columns.map((c) => c.name).join(', ') || 'none'}</p>
        </div>
      )}
    </section>
  );
}
