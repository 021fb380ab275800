import { useState } from 'react';
import type { CatalogKind } from '../../../../shared/contract/catalog';
import { catalogIssueText } from '../../../../shared/catalog/catalog-issue-text';
import { AppError, asErrorData, type AppErrorData } from '../../../../shared/domain/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSingleFlight } from '../../components/single-flight';
import { useFileDownload } from '../../components/use-file-download';
import { fetchRpc, useRpcMutation } from '../../data/rpc-query';
import { KIND_LABELS } from '../../stores/catalog/catalog.selectors';
import { CATALOG_EXPORT_TYPES, catalogExportFileName, exportedText } from './catalog-export';

/**
 * Import rows from CSV or JSON (pasted, or a file read here in the browser) and export the
 * catalog as a downloaded file. An import is all or nothing: a bad row rejects it with line and
 * field.
 */
export function CatalogImportExport({ kind }: { kind: CatalogKind }) {
  const importRows = useRpcMutation('catalog.import');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [content, setContent] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<AppErrorData | null>(null);
  const file = useFileDownload();

  async function runExport() {
    setExported(null);
    setExportError(null);
    try {
      const r = await fetchRpc('catalog.export', { format, ...(format === 'csv' ? { kind } : {}), only: 'all' }, { fresh: true, keep: false });
      const fileName = catalogExportFileName(format, kind, new Date().toISOString().slice(0, 10));
      file.save(r.content, fileName, CATALOG_EXPORT_TYPES[format]);
      setExported(exportedText(fileName, r.rows));
    } catch (e) {
      setExportError(asErrorData(e));
    }
  }

  // One import at a time: a double click on Import reads the rows once.
  const runImport = useSingleFlight(async () => {
    setIssues([]);
    setMessage(null);
    try {
      const r = await importRows.mutateAsync({ format, content, ...(format === 'csv' ? { kind } : {}) });
      setMessage(`Imported: ${r.added} added, ${r.updated} updated.`);
      setContent('');
    } catch (e) {
      if (e instanceof AppError) {
        setMessage(e.message);
        setIssues((e.issues ?? []).map((i) => catalogIssueText(i.path, i.message)));
      } else setMessage(String(e));
    }
  });

  return (
    <div className="card catalog-import" role="group" aria-label="Import and export">
      <h2>Import and export</h2>
      <p className="muted">
        CSV holds one kind per file ({KIND_LABELS[kind].label.toLowerCase()} here, the tab you are on), with a header line of column names. JSON holds an array of rows or an object keyed by kind. Nothing is
        changed unless every row is valid.
      </p>
      <div className="form__row">
        <label className="field">
          <span>Format</span>
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <label className="field">
          <span>Read a file</span>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.name.toLowerCase().endsWith('.json')) setFormat('json');
              if (file.name.toLowerCase().endsWith('.csv')) setFormat('csv');
              void file.text().then(setContent);
            }}
          />
        </label>
      </div>
      <label className="field">
        <span>Rows to import</span>
        <textarea name="importText" rows={6} value={content} onChange={(e) => setContent(e.target.value)} placeholder={format === 'csv' ? 'id,hardwareId,provider,…' : '[{ "id": "…" }]'} />
      </label>
      {message && (
        <div className={`banner ${issues.length ? 'banner--error' : 'banner--ok'}`} role={issues.length ? 'alert' : 'status'}>
          {message}
          {issues.length > 0 && (
            <ul className="catalog-errors" aria-label="Import problems">
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void runExport()}>
          Export {format === 'csv' ? KIND_LABELS[kind].label.toLowerCase() : 'everything'} as {format.toUpperCase()}
        </button>
        <button type="button" className="button button--primary" disabled={runImport.busy || content.trim() === ''} onClick={() => void runImport.run()}>
          Import
        </button>
      </div>
      <ErrorBanner error={exportError} />
      {exported !== null && file.download && (
        <p className="banner banner--ok" role="status">
          {exported}{' '}
          <a href={file.download.url} download={file.download.fileName}>
            Download again
          </a>
        </p>
      )}
    </div>
  );
}
