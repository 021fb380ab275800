import type { CheckTask } from '../../../../../shared/contract/checks';
import { progressView } from '../../../stores/checks/checks.selectors';
import { checkedAndReference, FILE_ROLES } from '../wizard/check-wizard';
import { formatPercent, parseShare } from '../wizard/population-shares';
import type { StepProps } from './FilesStep';

/** Step 5: what will run, in one list, before the user starts it. */
export function ReviewStep({ state, datasets }: StepProps) {
  const pair = checkedAndReference(state.files);
  const nameOf = (id: string) => datasets.find((d) => d.id === id)?.name ?? id;
  const roleOf = (r: string) => FILE_ROLES.find((x) => x.value === r)?.label.toLowerCase() ?? r;
  return (
    <div className="wizard-step">
      <h2>Ready to check</h2>
      <dl className="facts">
        <dt>File checked</dt>
        <dd>{pair ? `${nameOf(pair.checked.datasetId)} (${roleOf(pair.checked.role)})` : '—'}</dd>
        <dt>Compared with</dt>
        <dd>{pair?.reference ? `${nameOf(pair.reference.datasetId)} (${roleOf(pair.reference.role)})` : 'Nothing: checked on its own'}</dd>
        <dt>Target</dt>
        <dd>{state.target || 'None'}</dd>
        <dt>Id</dt>
        <dd>{state.id || 'None'}</dd>
        <dt>Time</dt>
        <dd>{state.time || 'None'}</dd>
        <dt>Population shares</dt>
        <dd>
          {state.usePopulation && state.population.length > 0
            ? state.population.map((r) => `${r.column} ${r.group} ${formatPercent(parseShare(r.share) ?? 0)}`).join(', ')
            : 'Not given'}
        </dd>
      </dl>
      <p className="muted">The file is read in a separate process; you can cancel at any time and nothing is saved until the check completes.</p>
    </div>
  );
}

/** The running analysis: phase, rows and bytes, a bar when the end is known, and Cancel. */
export function RunProgress({ task, onCancel }: { task: CheckTask | null; onCancel(): void }) {
  const view = task ? progressView(task) : { percent: null, phase: 'Starting', detail: '' };
  return (
    <div className="run-progress" aria-live="polite">
      <h2>Checking…</h2>
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
      {view.percent !== null && <p className="muted">{view.percent}% of the file read</p>}
      <button type="button" className="button button--danger" onClick={onCancel} disabled={!task || task.state !== 'running'}>
        Cancel
      </button>
    </div>
  );
}
