import { useState } from 'react';
import type { RunDetail } from '../../../../../shared/contract/runs';
import { useSubmit } from '../../../components/use-submit';

/** Free-text notes on a run ("diverged after the LR change"), saved on demand. */
export function RunNotes({ run }: { run: RunDetail }) {
  const [text, setText] = useState(run.notes);
  const save = useSubmit('runs.setNotes', { invalidates: ['runs'] });
  const changed = text !== run.notes;
  return (
    <section className="card run-notes" aria-labelledby="run-notes-title">
      <h2 id="run-notes-title">Notes</h2>
      <textarea aria-labelledby="run-notes-title" value={text} onChange={(e) => setText(e.target.value)} placeholder="What was this run for? What did you learn?" />
      {save.error && (
        <p className="field__error" role="alert">
          {save.error.message}
        </p>
      )}
      <div className="form__actions">
        <span className="muted" role="status">
          {save.succeeded && !changed ? 'Saved.' : changed ? 'Not saved yet.' : ''}
        </span>
        <button type="button" className="button" disabled={!changed || save.busy} onClick={() => void save.submit({ id: run.id, notes: text })}>
          Save notes
        </button>
      </div>
    </section>
  );
}
