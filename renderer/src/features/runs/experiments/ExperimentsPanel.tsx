import { useState } from 'react';
import { ExperimentCreateInput, type Experiment } from '../../../../../shared/contract/experiments';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { ExperimentRow } from './ExperimentRow';

interface Props {
  projectId: string;
  /** Experiments whose runs the table shows; empty means all. */
  shown: string[];
  onShow(ids: string[]): void;
}

/** The experiments of a project: create, rename, link to a plan, delete and restore, and pick which the table shows. */
export function ExperimentsPanel({ projectId, shown, onShow }: Props) {
  const [showDeleted, setShowDeleted] = useState(false);
  const list = useRpcQuery('experiments.list', { projectId, view: showDeleted ? 'all' : 'active', orderBy: [{ key: 'name', ascending: true }] });
  const plans = useRpcQuery('scenarios.list', { projectId });
  const projects = useRpcQuery('projects.list', {});
  const create = useSubmit('experiments.create', { invalidates: ['experiments', 'runs'] });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const experiments: Experiment[] = list.data?.experiments ?? [];
  return (
    <section className="card experiments" aria-labelledby="experiments-title">
      <div className="page__header">
        <div>
          <h2 id="experiments-title">Experiments</h2>
          <p className="muted">An experiment groups the runs of one question ("which learning rate?"). MLflow clients create them by name.</p>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          Show deleted
        </label>
      </div>
      <ErrorBanner error={list.error ?? create.error ?? null} />
      {list.isPending ? (
        <p className="muted">Loading experiments…</p>
      ) : experiments.length === 0 ? (
        <p className="muted">No experiments yet. Create one below, or point an MLflow client at Tally (Settings › Tracking) and it creates them as it logs.</p>
      ) : (
        <table className="plan-table experiments__table">
          <thead>
            <tr>
              <th scope="col">Show</th>
              <th scope="col">Experiment</th>
              <th scope="col">Runs</th>
              <th scope="col">Carries out plan</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {experiments.map((x) => (
              <ExperimentRow
                key={x.id}
                experiment={x}
                plans={plans.data ?? []}
                projects={(projects.data ?? []).filter((p) => p.id !== projectId).map((p) => ({ id: p.id, name: p.name }))}
                shown={shown.length === 0 || shown.includes(x.id)}
                onShown={(on) => {
                  const all = experiments.filter((e) => e.lifecycleStage === 'active').map((e) => e.id);
                  const current = shown.length === 0 ? all : shown;
                  const next = on ? [...new Set([...current, x.id])] : current.filter((id) => id !== x.id);
                  onShow(next.length === all.length && all.every((id) => next.includes(id)) ? [] : next);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <form
        className="experiments__create"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ExperimentCreateInput.safeParse({ projectId, name });
          if (!parsed.success) {
            setNameError(parsed.error.issues[0]?.message);
            return;
          }
          setNameError(undefined);
          void create.submit({ projectId, name: parsed.data.name }, () => setName(''));
        }}
      >
        <label htmlFor="new-experiment">New experiment</label>
        <input id="new-experiment" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. lr-sweep" aria-invalid={!!nameError} aria-describedby={nameError ? 'new-experiment-error' : undefined} />
        <button type="submit" className="button" disabled={create.busy}>
          Create
        </button>
        {nameError && (
          <p className="field__error" id="new-experiment-error" role="alert">
            {nameError}
          </p>
        )}
      </form>
    </section>
  );
}
