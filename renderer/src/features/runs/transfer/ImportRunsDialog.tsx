import { useEffect, useRef, useState } from 'react';
import { useReturnFocus } from '../../../components/focus';
import type { RunImportKind, RunImportResult } from '../../../../../shared/contract/runs-io';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';
import { useTaskProgress } from '../../../data/task-progress';
import { FolderView } from '../../datasets/FilePickerDialog';
import { LocatedError } from '../../datasets/LocatedError';
import { useFolderBrowser } from '../../datasets/use-folder-browser';
import { IMPORT_KINDS, importHeadline, kindForPath, skippedHeadline, skippedPlace } from './import-summary';

/**
 * Import runs into this project: an MLflow mlruns folder, or a CSV / JSON file of runs, chosen
 * with the in-app picker (browsers give no paths; the backend reads the file where it is). While
 * it runs the dialog shows the backend's progress; then what was imported and every entry that
 * was skipped, with its file, line and reason.
 */
export function ImportRunsDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose(): void }) {
  const { browse, error: browseError, openDir: browseTo } = useFolderBrowser(open);
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [kind, setKind] = useState<RunImportKind>('mlruns');
  const [chosen, setChosen] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [result, setResult] = useState<RunImportResult | null>(null);
  const progress = useTaskProgress(taskId);
  const importRuns = useSubmit('runs.import', { invalidates: ['runs', 'experiments', 'projects'], onSuccess: setResult });

  useReturnFocus(open);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const reset = () => {
    setChosen(null);
    setResult(null);
    setTaskId(null);
    importRuns.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const start = (path: string) => {
    const id = `import-${Date.now().toString(36)}`;
    setTaskId(id);
    setResult(null);
    void importRuns.submit({ kind, path, projectId, taskId: id });
  };
  const busy = importRuns.busy;
  const hint = IMPORT_KINDS.find((k) => k.kind === kind)!.hint;

  return (
    <dialog
      ref={ref}
      className="dialog picker"
      aria-labelledby="import-runs-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) close();
      }}
    >
      <h2 id="import-runs-title">Import runs</h2>
      {result ? (
        <ImportSummary result={result} />
      ) : (
        <>
          <fieldset className="segmented" disabled={busy}>
            <legend className="muted">What to import</legend>
            {IMPORT_KINDS.map((k) => (
              <label key={k.kind}>
                <input type="radio" name="import-kind" value={k.kind} checked={kind === k.kind} onChange={() => (setKind(k.kind), setChosen(null))} /> {k.label}
              </label>
            ))}
          </fieldset>
          <p className="muted picker__hint">{hint} Runs already in Tally (same id) are not duplicated; new experiments go into this project.</p>
          <FolderView
            browse={browse}
            chosen={chosen}
            listRef={listRef}
            onOpen={(dir) => {
              setChosen(null);
              browseTo(dir);
              listRef.current?.focus();
            }}
            onChoose={(path) => {
              setKind(kindForPath(path));
              setChosen(path);
            }}
          />
          <ErrorBanner error={browseError} />
          <div className="picker__choice">
            {kind === 'mlruns' ? (
              <button type="button" className="button" disabled={!browse || busy} onClick={() => browse && setChosen(browse.dir)}>
                Use this folder
              </button>
            ) : null}
            <p>
              {chosen ? (
                <>
                  Chosen: <code>{chosen}</code>
                </>
              ) : (
                <span className="muted">{kind === 'mlruns' ? 'Open the mlruns folder, then "Use this folder".' : 'Click a file to choose it.'}</span>
              )}
            </p>
          </div>
          {busy && (
            <p role="status" className="muted">
              Importing… {progress?.message ?? ''}
            </p>
          )}
          <LocatedError error={importRuns.error} title="Nothing was imported." />
        </>
      )}
      <div className="dialog__actions">
        {result ? (
          <>
            <button type="button" className="button" onClick={reset}>
              Import more
            </button>
            <button type="button" className="button button--primary" onClick={close}>
              Done
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" disabled={busy} onClick={close}>
              Cancel
            </button>
            <button type="button" className="button button--primary" disabled={!chosen || busy} onClick={() => chosen && start(chosen)}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}

function ImportSummary({ result }: { result: RunImportResult }) {
  const skipped = skippedHeadline(result);
  return (
    <section aria-label="Import summary" className="import-summary">
      <p role="status">{importHeadline(result)}</p>
      {result.experiments.length > 0 && (
        <ul>
          {result.experiments.map((e) => (
            <li key={e.id}>
              {e.name}: {e.runs} run{e.runs === 1 ? '' : 's'}
              {e.created ? ' (new experiment)' : ''}
              {e.projectName ? ` in ${e.projectName}` : ''}
            </li>
          ))}
        </ul>
      )}
      {skipped && (
        <>
          <p className="import-summary__skipped">{skipped}</p>
          <table className="table" aria-label="Skipped entries">
            <thead>
              <tr>
                <th>What</th>
                <th>Where</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {result.skipped.map((s, i) => (
                <tr key={i}>
                  <td>{s.what}</td>
                  <td>
                    <code>{skippedPlace(s, result.path)}</code>
                  </td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.moreSkipped > 0 && <p className="muted">… and {result.moreSkipped.toLocaleString('en-US')} more, not listed.</p>}
        </>
      )}
    </section>
  );
}
