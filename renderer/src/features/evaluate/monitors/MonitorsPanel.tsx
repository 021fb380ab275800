import { useState } from 'react';
import type { EvaluationSummary } from '../../../../../shared/contract/evaluations';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useRpcMutation, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { FilePickerDialog } from '../../datasets/FilePickerDialog';
import { chooseEvaluation, chosenReference, emptyMonitorForm, errorsAfterEdit, toMonitorInput, type MonitorForm } from './monitor-form';
import { MonitorSlicePicker } from './MonitorSlicePicker';

/** The monitors of a project (newest first, an alert badge when the latest batch raised one) and the form to start one. */
export function MonitorsPanel({ projectId, evaluations }: { projectId: string; evaluations: EvaluationSummary[] }) {
  const go = useNavigation((s) => s.go);
  const monitors = useRpcQuery('monitors.list', { projectId });
  const datasets = useRpcQuery('datasets.list', { projectId });
  const [form, setForm] = useState<MonitorForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [picking, setPicking] = useState(false);
  const create = useRpcMutation('monitors.create', { onSuccess: (m) => go({ page: 'monitor', projectId, monitorId: m.id }) });
  const edit = (next: MonitorForm) => {
    if (form) setErrors(errorsAfterEdit(errors, form, next));
    setForm(next);
  };
  const set = (patch: Partial<MonitorForm>) => form && edit({ ...form, ...patch });
  const submit = () => {
    if (!form) return;
    const r = toMonitorInput(form, projectId);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    create.mutate(r.input);
  };
  const list = monitors.data ?? [];
  const reference = form ? chosenReference(form) : null;
  return (
    <section className="card" aria-labelledby="monitors-title">
      <div className="eval-card-head">
        <h2 id="monitors-title">Monitors</h2>
        {!form && (
          <button type="button" className="button" onClick={() => setForm(emptyMonitorForm(evaluations[0]?.id ?? ''))}>
            New monitor
          </button>
        )}
      </div>
      <p className="muted">A monitor compares new data the model sees with the data it was evaluated on, batch by batch, and raises an alert when the data or the results shift.</p>
      <ErrorBanner error={monitors.error ?? null} />
      {form && (
        <form
          className="form eval-monitor-form"
          aria-label="New monitor"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label="Name" hint="e.g. the model and where it runs: Churn model in production." error={errors.name}>
            {(p) => <input {...p} value={form.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <fieldset className="eval-choices">
            <legend>Compare new batches with</legend>
            <label className="eval-choice">
              <input type="radio" name="reference" checked={form.referenceKind === 'evaluation'} onChange={() => set({ referenceKind: 'evaluation' })} />
              <span>
                <strong>An evaluation</strong> <span className="muted">Its predictions file and columns: drift, and the results when a batch has the true answers.</span>
              </span>
            </label>
            <label className="eval-choice">
              <input type="radio" name="reference" checked={form.referenceKind === 'dataset'} onChange={() => set({ referenceKind: 'dataset' })} />
              <span>
                <strong>A data file</strong> <span className="muted">e.g. the training data: drift of every column only.</span>
              </span>
            </label>
          </fieldset>
          {form.referenceKind === 'evaluation' ? (
            <Field label="Evaluation" error={errors.reference}>
              {(p) => (
                <select {...p} value={form.evaluationId} onChange={(e) => edit(chooseEvaluation(form, e.target.value))}>
                  <option value="">Choose an evaluation</option>
                  {evaluations.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name} ({e.fileName})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label="Data file" hint="A file added on the Data page." error={errors.reference}>
              {(p) => (
                <select {...p} value={form.datasetId} onChange={(e) => set({ datasetId: e.target.value })}>
                  <option value="">Choose a data file</option>
                  {(datasets.data ?? []).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {reference && <MonitorSlicePicker key={JSON.stringify(reference)} reference={reference} form={form} onChange={edit} error={errors.slices} />}
          <div className={`field${errors.folder ? ' field--invalid' : ''}`}>
            <label htmlFor="monitor-folder">Folder to re-scan (optional)</label>
            <div className="eval-path">
              <input id="monitor-folder" value={form.folder} spellCheck={false} placeholder="Where new batches land, e.g. a nightly export" onChange={(e) => set({ folder: e.target.value })} />
              <button type="button" className="button" onClick={() => setPicking(true)}>
                Choose a folder…
              </button>
            </div>
            <p className="field__hint">Re-scan adds every new data file in it as a batch, oldest first. Without a folder, add batches one file at a time.</p>
            {errors.folder && <p className="field__error">{errors.folder}</p>}
          </div>
          <ErrorBanner error={create.error ?? null} />
          <div className="form__actions">
            <button type="button" className="button" onClick={() => (setForm(null), setErrors({}))}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              Create the monitor
            </button>
          </div>
        </form>
      )}
      {list.length === 0 && !form ? (
        <p className="muted">No monitor yet.</p>
      ) : (
        <ul className="eval-monitors" aria-label="Monitors">
          {list.map((m) => (
            <li key={m.id} className="eval-monitor-row">
              <a href={`#/projects/${encodeURIComponent(projectId)}/monitors/${encodeURIComponent(m.id)}`} onClick={(e) => (e.preventDefault(), go({ page: 'monitor', projectId, monitorId: m.id }))}>
                {m.name}
              </a>
              <span className="muted">against {m.reference.name}</span>
              <span className="muted">
                {m.batchCount === 0 ? 'no batches yet' : `${m.batchCount} ${m.batchCount === 1 ? 'batch' : 'batches'}, latest ${m.latestBatchAt?.slice(0, 10)}`}
              </span>
              {m.alert ? <span className="badge badge--error">Alert</span> : m.batchCount > 0 ? <span className="badge badge--ok">Steady</span> : <span />}
            </li>
          ))}
        </ul>
      )}
      <FilePickerDialog
        projectId={projectId}
        open={picking}
        onClose={() => setPicking(false)}
        pick={{ kind: 'folder', title: 'Choose the folder to re-scan', action: 'Use this folder', onChosen: (folder) => set({ folder }) }}
      />
    </section>
  );
}
