import { useEffect, useState } from 'react';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useNavigation } from '../../stores/navigation';
import { totalBudgetByCurrency } from '../../stores/projects/projects.selectors';
import { useProjects } from '../../stores/projects/projects.store';
import { ProjectForm } from './ProjectForm';
import { emptyProjectForm } from './project-form';

export function ProjectsPage() {
  const { list, search, includeArchived, status, error, load, setSearch, setIncludeArchived, create } = useProjects();
  const go = useNavigation((s) => s.go);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
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
      <ErrorBanner error={error} />
      {creating && (
        <div className="card">
          <h2>New project</h2>
          <ProjectForm
            initial={emptyProjectForm}
            submitLabel="Create project"
            onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const p = await create(input);
              setCreating(false);
              go({ page: 'project', id: p.id });
            }}
          />
        </div>
      )}
      <div className="toolbar">
        <label className="toolbar__search">
          <span className="visually-hidden">Search projects</span>
          <input type="search" placeholder="Search by name or notes" value={search} onChange={(e) => void setSearch(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => void setIncludeArchived(e.target.checked)} /> Show archived
        </label>
        {totals.length > 0 && (
          <p className="muted toolbar__total">
            Budgeted across active projects: {totals.map((t) => formatMoney(t.cents, t.currency)).join(' + ')}
          </p>
        )}
      </div>
      {status === 'ready' && list.length === 0 && (
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
