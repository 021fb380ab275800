import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';

/**
 * Export this project's runs as a download named for the project: CSV (one row per run, latest
 * metric values, cells safe to open in a spreadsheet) or JSON (every field, for re-import).
 */
export function ExportRunsButtons({ projectId }: { projectId: string }) {
  const exportRuns = useSubmit('runs.export', { invalidates: [] });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const download = (format: 'csv' | 'json') =>
    void exportRuns.submit({ projectId, format }, (out) => {
      const next = URL.createObjectURL(new Blob([out.text], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
      setUrl(next);
      const a = document.createElement('a');
      a.href = next;
      a.download = out.fileName;
      a.click();
    });
  return (
    <>
      <button type="button" className="button" disabled={exportRuns.busy} onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" className="button" disabled={exportRuns.busy} onClick={() => download('json')}>
        Export JSON
      </button>
      {exportRuns.error && <ErrorBanner error={exportRuns.error} />}
    </>
  );
}
