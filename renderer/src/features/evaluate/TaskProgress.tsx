import { taskProgressView } from './task-progress';

interface Props {
  title: string;
  task: { state: string; phase: string; rows: number; bytes: number; totalBytes: number | null } | null;
  onCancel(): void;
}

/** A running worker task: phase, rows and bytes, a bar while a file of known size is read, and Cancel. */
export function TaskProgress({ title, task, onCancel }: Props) {
  const view = task ? taskProgressView(task) : { percent: null, phase: 'Starting', detail: '' };
  return (
    <div className="run-progress" aria-live="polite">
      <h2>{title}</h2>
      <p className="run-progress__phase">
        <strong>{view.phase}</strong> {view.detail && <span className="muted">· {view.detail}</span>}
      </p>
      {view.percent === null ? (
        <progress className="run-progress__bar" aria-label="Progress" />
      ) : (
        <progress className="run-progress__bar" aria-label="Progress" max={100} value={view.percent}>
          {view.percent}%
        </progress>
      )}
      <p className="muted">The file is read in a separate process. Cancel at any time: nothing is saved until it completes.</p>
      <button type="button" className="button button--danger" onClick={onCancel} disabled={!task || task.state !== 'running'}>
        Cancel
      </button>
    </div>
  );
}
