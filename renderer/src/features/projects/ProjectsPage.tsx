import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { projectListInput, totalBudgetByCurrency } from '../../stores/projects/projects.selectors';
import { useProjectsUi } from '../../stores/projects/projects-ui.store';
import { ProjectForm } from './ProjectForm';
import { emptyProjectForm } from './project-form';

export function ProjectsPage() {
  const { search, includeArchived, setSearch, setIncludeArchived } = useProjectsUi(
    useShallow((s) => ({ search: s.search, includeArchived: s.includeArchived, setSearch: s.setSearch, setIncludeArchived: s.setIncludeArchived })),
  );
  const go = useNavigation((s) => s.go);
  const [creating, setCreating] = useState(false);
  // The previous answer stays on screen while a new search is read, so typing does not blank the list.
  const projects = useRpcQuery('projects.list', projectListInput(search, includeArchived), { placeholderData: keepPreviousData });
  const create = useRpcMutation('projects.create');
  const list = projects.data ?? [];
  const totals = totalBudgetByCurrency(list);

  return (
    <section className="page" aria-labelledby="projects-title">
      <header className="page__header">
        <div>
          <h1 id="projects-title">Projects</h1>
          <p className="muted">Each project holds a budget and, as Tally grows, its plans, runs, evaluations and data checks.</p>
        </div>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New project
          </button>
        )}
      </header>
      <ErrorBanner error={projects.error} />
      {creating && (
        <div className="card">
          <h2>New project</h2>
          <ProjectForm
            initial={emptyProjectForm}
            submitLabel="Create project"
            onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const p = await create.mutateAsync(input);
              setCreating(false);
              go({ page: 'project', id: p.id });
            }}
          />
        </div>
      )}
      <div className="toolbar">
        <label className="toolbar__search">
          <span className="visually-hidden">Search projects</span>
          <input type="search" placeholder="Search by name or notes" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Show archived
        </label>
        {totals.length > 0 && (
          <p className="muted toolbar__total">
            Budgeted across active projects: {totals.map((t) => formatMoney(t.cents, t.currency)).join(' + ')}
          </p>
        )}
      </div>
      {projects.isSuccess && !projects.isPlaceholderData && list.length === 0 && (
        <div className="empty">
          {search ? <p>No project matches “{search}”.</p> : <p>No projects yet. A project holds a budget; create one to start planning spend.</p>}
        </div>
      )}
      <ul className="project-list" aria-label="Project list">
        {list.map((p) => (
          <li key={p.id}>
            <a
              className="project-row"
              href={`#/projects/${encodeURIComponent(p.id)}`}
              onClick={(e) => {
                e.preventDefault();
                go({ page: 'project', id: p.id });
              }}
            >
              <span className="project-row__name">{p.name}</span>
              {p.archivedAt && <span className="badge">Archived</span>}
              <span className="project-row__money">
                {p.budgetCents == null ? <span className="muted">No budget set</span> : formatMoney(p.budgetCents, p.currency)}
              </span>
              <span className="muted project-row__dates">{p.endDate ? `until ${p.endDate}` : ''}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
