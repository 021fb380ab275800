import { useId, useState } from 'react';
import type { MonitorCreateInput } from '../../../../../shared/contract/monitors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRpcQuery } from '../../../data/rpc-query';
import { chosenSlices, shownSliceColumns, toggleMonitorSlice, type MonitorForm } from './monitor-form';

type Reference = MonitorCreateInput['reference'];

function followedWords(ticked: readonly string[]): string {
  if (ticked.length === 0) return 'No groups ticked: batches are judged as a whole only.';
  return `Each batch will be broken down by ${ticked.join(', ')}.`;
}

/**
 * The groups a new monitor follows: one checkbox per column of the reference's file (not the
 * label or the model's output), the ones Tally suggests marked with the reason, the evaluation's
 * own slice columns ticked until the user changes them.
 */
export function MonitorSlicePicker({ reference, form, onChange, error }: { reference: Reference; form: MonitorForm; onChange(f: MonitorForm): void; error?: string | undefined }) {
  const id = useId();
  const [all, setAll] = useState(false);
  const q = useRpcQuery('monitors.sliceChoices', { reference });
  const choices = q.data;
  const followed = choices?.followed ?? [];
  const ticked = chosenSlices(form, followed);
  const order = (choices?.columns ?? []).map((c) => c.name);
  const shown = choices ? shownSliceColumns(choices, ticked, all) : { columns: [], more: 0 };
  return (
    <fieldset className="eval-choices eval-monitor-slices" aria-describedby={`${id}-hint`}>
      <legend>Groups to follow (optional)</legend>
      <p className="muted" id={`${id}-hint`}>
        For each ticked column, every batch&apos;s results per group stand next to the same group of the reference; a group that falls behind raises an alert. Numbers are cut into the
        reference&apos;s ranges.
      </p>
      <ErrorBanner error={q.error ?? null} />
      {q.isPending && <p className="muted">Reading the reference&apos;s columns…</p>}
      {choices && choices.columns.length === 0 && <p className="muted">{choices.note ?? 'The reference has no column besides the true answer and the model output.'}</p>}
      {shown.columns.length > 0 && (
        <div className="eval-slices">
          {shown.columns.map((c) => (
            <label key={c.name} className="eval-slice">
              <input type="checkbox" checked={ticked.includes(c.name)} onChange={() => onChange(toggleMonitorSlice(form, followed, c.name, order))} />
              <span>
                {c.name}
                {followed.includes(c.name) ? (
                  <span className="muted eval-slice__why">The evaluation breaks its results down by it</span>
                ) : c.suggested ? (
                  <span className="muted eval-slice__why">Suggested: {c.suggested}</span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
      )}
      {shown.more > 0 && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {choices!.columns.length} columns
        </button>
      )}
      {choices && choices.columns.length > 0 && (
        <p className="muted" aria-live="polite" data-testid="monitor-slices-chosen">
          {followedWords(ticked)}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
