import { useState } from 'react';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Stat } from '../../components/Stat';
import { useSubmit } from '../../components/use-submit';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { daysLeft } from '../../stores/projects/projects.selectors';
import { DataQualityPanel } from '../check/DataQualityPanel';
import { EvaluatePanel } from '../evaluate/list/EvaluatePanel';
import { ProjectPlansPanel } from '../plan/scenarios/ProjectPlansPanel';
import { BudgetAlertBanner } from '../budget/BudgetAlertBanner';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { ProjectForm } from './ProjectForm';
import { formFromProject } from './project-form';

export function ProjectPage({ id }: { id: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id });
  const update = useRpcMutation('projects.update');
  const archive = useSubmit('projects.archive');
  // Leave the page first: a refetch of the deleted project would only say it is gone.
  const remove = useSubmit('projects.delete', { onSuccess: () => go({ page: 'projects' }) });
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const detail = project.data;
  const error = project.error ?? archive.error ?? remove.error ?? null;

  if (!detail) {
    return (
      <section className="page">
        <ErrorBanner error={error} />
        {!error && <p className="muted">Loading project…</p>}
        <a href="#/projects" onClick={(e) => (e.preventDefault(), go({ page: 'projects' }))}>
          ← All projects
        </a>
      </section>
    );
  }
  const p = detail;
  const today = new Date().toISOString().slice(0, 10);
  const left = daysLeft(p, today);

  return (
    <section className="page" aria-labelledby="project-title">
      <a className="back" href="#/projects" onClick={(e) => (e.preventDefault(), go({ page: 'projects' }))}>
        ← All projects
      </a>
      <header className="page__header">
        <div>
          <h1 id="project-title">
            {p.name} {p.archivedAt && <span className="badge">Archived</span>}
          </h1>
          <p className="muted">Created {p.createdAt.slice(0, 10)} · last changed {p.updatedAt.slice(0, 10)}</p>
        </div>
        {!editing && (
          <div className="page__actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button" disabled={archive.busy} onClick={() => void archive.submit({ id: p.id, archived: !p.archivedAt })}>
              {p.archivedAt ? 'Unarchive' : 'Archive'}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        )}
      </header>
      <ErrorBanner error={error} />
      <BudgetAlertBanner projectId={p.id} withLink />
      {editing ? (
        <div className="card">
          <h2>Edit project</h2>
          <ProjectForm
            initial={formFromProject(p)}
            submitLabel="Save changes"
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              await update.mutateAsync({ id: p.id, patch: input });
              setEditing(false);
            }}
          />
        </div>
      ) : (
        <>
          <div className="stats" role="group" aria-label="Budget">
            <Stat
              label="Total budget"
              value={p.budgetCents == null ? 'Not set' : formatMoney(p.budgetCents, p.currency)}
              meaning="The most this project may spend, all in."
            />
            <Stat
              label="Monthly cap"
              value={p.monthlyCapCents == null ? 'None' : formatMoney(p.monthlyCapCents, p.currency)}
              meaning="The ceiling for any single month."
            />
            {p.currency !== 'USD' && (
              <Stat
                label="US dollar rate"
                value={p.usdRate === undefined ? 'Not set' : `${p.usdRate} ${p.currency}`}
                meaning={
                  p.usdRate === undefined
                    ? `Set how many ${p.currency} one US dollar buys (Edit, or the Budget page): plans and run costs are priced in dollars.`
                    : `Per US dollar, as of ${p.usdRateAsOf ?? 'an unknown day'}${p.usdRateSetBy ? `; set by ${p.usdRateSetBy}` : ''}. Plans and run costs are shown in ${p.currency} at this rate.`
                }
              />
            )}
            <Stat
              label="Time left"
              value={left == null ? 'No end date' : left >= 0 ? `${left} days` : `Ended ${-left} days ago`}
              meaning={p.startDate || p.endDate ? `${p.startDate ?? 'open start'} to ${p.endDate ?? 'open end'}` : 'Set dates to see the spending window.'}
            />
          </div>
          <section className="card" aria-labelledby="project-notes-title">
            <h2 id="project-notes-title">Notes</h2>
            {p.notes ? <p className="notes">{p.notes}</p> : <p className="muted">No notes yet.</p>}
          </section>
          <section className="card" aria-labelledby="project-runs-title">
            <h2 id="project-runs-title">Runs</h2>
            <p className="muted">The training runs logged to this project: what each was given, what it scored and what it cost.</p>
            <a href={`#/projects/${encodeURIComponent(p.id)}/runs`} onClick={(e) => (e.preventDefault(), go({ page: 'runs', projectId: p.id }))}>
              Open the runs →
            </a>
          </section>
          <section className="card" aria-labelledby="project-budget-title">
            <h2 id="project-budget-title">Budget</h2>
            <p className="muted">What has been spent against the budget and the plan, what running runs have committed, when the money runs out, and the ledger with its bills.</p>
            <a href={`#/projects/${encodeURIComponent(p.id)}/budget`} onClick={(e) => (e.preventDefault(), go({ page: 'budget', projectId: p.id }))}>
              Open the budget →
            </a>
          </section>
          <EvaluatePanel projectId={p.id} />
          <ProjectPlansPanel project={p} />
          <DataQualityPanel projectId={p.id} />
        </>
      )}
      <DeleteProjectDialog
        project={p}
        open={confirming}
        busy={remove.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void remove.submit({ id: p.id })}
      />
    </section>
  );
}
