import { useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { VerdictBanner } from './report/VerdictBanner';

/** The project overview's "Data quality" panel: the latest check's verdict and a link to its report. */
export function DataQualityPanel({ projectId }: { projectId: string }) {
  // Without an answer (not yet, or refused) the panel says no check has run: the project page must not fail for it.
  const run = useRpcQuery('checks.latest', { projectId }).data ?? null;
  const go = useNavigation((s) => s.go);
  return (
    <div className="card" role="region" aria-labelledby="data-quality-title">
      <h2 id="data-quality-title">Data quality</h2>
      {run ? (
        <>
          <p className="muted">
            Latest check: {run.datasetName}
            {run.referenceName ? ` against ${run.referenceName}` : ''}, {run.createdAt.slice(0, 10)}.
          </p>
          <VerdictBanner run={run} findingsBelow={false} />
          <p>
            <a
              href={`#/data/${encodeURIComponent(projectId)}/checks/${encodeURIComponent(run.id)}`}
              onClick={(e) => {
                e.preventDefault();
                go({ page: 'check-run', projectId, runId: run.id });
              }}
            >
              Open the full report
            </a>
          </p>
        </>
      ) : (
        <p className="muted">
          No data check yet. Check the training data before spending compute on it:{' '}
          <a
            href={`#/data/${encodeURIComponent(projectId)}`}
            onClick={(e) => {
              e.preventDefault();
              go({ page: 'data', projectId });
            }}
          >
            go to Data
          </a>
          .
        </p>
      )}
    </div>
  );
}
