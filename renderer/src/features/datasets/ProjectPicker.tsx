import { useEffect } from 'react';
import { useRpcQuery } from '../../data/rpc-query';
import { routeHash, useNavigation } from '../../stores/navigation';
import { activeProjects } from '../../stores/projects/projects.selectors';
import { defaultProjectId, useRecent } from '../../stores/recent/recent.store';

/**
 * Datasets and checks belong to a project; this picks which one the Data page shows. Without a
 * project in the URL it opens the project used last (else the first active one).
 */
export function ProjectPicker({ projectId }: { projectId?: string | undefined }) {
  const all = useRpcQuery('projects.list', {});
  const go = useNavigation((s) => s.go);
  const sync = useNavigation((s) => s.sync);
  const list = all.data ?? [];
  const projects = activeProjects(list);
  const recent = useRecent((s) => s.projectId);
  const first = defaultProjectId(projects, null, recent) || undefined;
  useEffect(() => {
    // Replace rather than push, so the browser's Back does not bounce through the bare #/data.
    if (!projectId && first) {
      window.history.replaceState(null, '', routeHash({ page: 'data', projectId: first }));
      sync();
    }
  }, [projectId, first, sync]);

  if (all.isSuccess && projects.length === 0) {
    return (
      <div className="empty">
        <p>Datasets are kept with a project. Create a project first, then add its data here.</p>
        <a href="#/projects" onClick={(e) => (e.preventDefault(), go({ page: 'projects' }))}>
          Go to projects
        </a>
      </div>
    );
  }
  return (
    <label className="project-picker">
      Project{' '}
      <select value={projectId ?? ''} onChange={(e) => go({ page: 'data', projectId: e.target.value })}>
        {!projectId && <option value="">Choose a project</option>}
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        {projectId && !projects.some((p) => p.id === projectId) && <option value={projectId}>{list.find((p) => p.id === projectId)?.name ?? 'This project'}</option>}
      </select>
    </label>
  );
}
