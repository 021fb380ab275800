import { create } from 'zustand';

export type Route =
  | { page: 'projects' }
  | { page: 'project'; id: string }
  | { page: 'settings' }
  // Check (issue 4): datasets of a project, a dataset's profile, the wizard, a stored report.
  | { page: 'data'; projectId?: string }
  | { page: 'dataset'; projectId: string; datasetId: string }
  | { page: 'check'; projectId: string }
  | { page: 'check-run'; projectId: string; runId: string }
  // Plan (issue 3): the hub, a wizard (optionally reopened on a saved scenario), the catalog.
  | { page: 'plan'; view?: PlanView; scenarioId?: string }
  | { page: 'catalog' }
  // Track: the runs of a project, one run, and 2-10 runs side by side.
  | { page: 'runs'; projectId: string }
  | { page: 'run'; projectId: string; runId: string }
  | { page: 'compare'; projectId: string; runIds: string[] }
  // Budget against actual spend for one project.
  | { page: 'budget'; projectId: string }
  // Evaluate: a project's evaluations and monitors, the wizard, one evaluation, 2-10 side by side, a monitor.
  | { page: 'evaluate'; projectId: string }
  | { page: 'evaluation-new'; projectId: string }
  | { page: 'evaluation'; projectId: string; evaluationId: string }
  | { page: 'evaluation-compare'; projectId: string; evaluationIds: string[] }
  | { page: 'monitor'; projectId: string; monitorId: string };

/** The Plan questions: two planners and three quick answers (memory, serving speed, model size). */
export const PLAN_VIEWS = ['cloud', 'training', 'memory', 'inference', 'optimal'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

/** Hash routes: #/projects, #/projects/<id>, #/settings. Unknown hashes fall back to projects. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'runs') {
    return parts[3] ? { page: 'run', projectId: parts[1], runId: parts[3] } : { page: 'runs', projectId: parts[1] };
  }
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'evaluate') return evaluateRoute(parts[1], parts.slice(3));
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'monitors' && parts[3]) return { page: 'monitor', projectId: parts[1], monitorId: parts[3] };
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'compare') return { page: 'compare', projectId: parts[1], runIds: (parts[3] ?? '').split(',').filter(Boolean) };
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'budget') return { page: 'budget', projectId: parts[1] };
  if (parts[0] === 'projects' && parts[1]) return { page: 'project', id: parts[1] };
  if (parts[0] === 'settings' && parts[1] === 'catalog') return { page: 'catalog' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'plan') {
    const view = PLAN_VIEWS.find((v) => v === parts[1]);
    if (!view) return { page: 'plan' };
    return parts[2] ? { page: 'plan', view, scenarioId: parts[2] } : { page: 'plan', view };
  }
  if (parts[0] === 'data') {
    const projectId = parts[1];
    if (projectId && parts[2] === 'datasets' && parts[3]) return { page: 'dataset', projectId, datasetId: parts[3] };
    if (projectId && parts[2] === 'check') return { page: 'check', projectId };
    if (projectId && parts[2] === 'checks' && parts[3]) return { page: 'check-run', projectId, runId: parts[3] };
    return projectId ? { page: 'data', projectId } : { page: 'data' };
  }
  return { page: 'projects' };
}

function evaluateRoute(projectId: string, rest: string[]): Route {
  if (rest[0] === 'new') return { page: 'evaluation-new', projectId };
  if (rest[0] === 'compare') return { page: 'evaluation-compare', projectId, evaluationIds: (rest[1] ?? '').split(',').filter(Boolean) };
  if (rest[0]) return { page: 'evaluation', projectId, evaluationId: rest[0] };
  return { page: 'evaluate', projectId };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'catalog':
      return '#/settings/catalog';
    case 'plan':
      return `#/plan${route.view ? `/${route.view}` : ''}${route.view && route.scenarioId ? `/${encodeURIComponent(route.scenarioId)}` : ''}`;
    case 'data':
      return route.projectId ? `#/data/${encodeURIComponent(route.projectId)}` : '#/data';
    case 'dataset':
      return `#/data/${encodeURIComponent(route.projectId)}/datasets/${encodeURIComponent(route.datasetId)}`;
    case 'check':
      return `#/data/${encodeURIComponent(route.projectId)}/check`;
    case 'check-run':
      return `#/data/${encodeURIComponent(route.projectId)}/checks/${encodeURIComponent(route.runId)}`;
    case 'runs':
      return `#/projects/${encodeURIComponent(route.projectId)}/runs`;
    case 'run':
      return `#/projects/${encodeURIComponent(route.projectId)}/runs/${encodeURIComponent(route.runId)}`;
    case 'compare':
      return `#/projects/${encodeURIComponent(route.projectId)}/compare/${route.runIds.map(encodeURIComponent).join(',')}`;
    case 'budget':
      return `#/projects/${encodeURIComponent(route.projectId)}/budget`;
    case 'evaluate':
      return `#/projects/${encodeURIComponent(route.projectId)}/evaluate`;
    case 'evaluation-new':
      return `#/projects/${encodeURIComponent(route.projectId)}/evaluate/new`;
    case 'evaluation':
      return `#/projects/${encodeURIComponent(route.projectId)}/evaluate/${encodeURIComponent(route.evaluationId)}`;
    case 'evaluation-compare':
      return `#/projects/${encodeURIComponent(route.projectId)}/evaluate/compare/${route.evaluationIds.map(encodeURIComponent).join(',')}`;
    case 'monitor':
      return `#/projects/${encodeURIComponent(route.projectId)}/monitors/${encodeURIComponent(route.monitorId)}`;
    default:
      return '#/projects';
  }
}

/** The project a route is inside of, if any (the nav offers that project's Runs). */
export function openProjectId(route: Route): string | null {
  switch (route.page) {
    case 'project':
      return route.id;
    case 'runs':
    case 'run':
    case 'compare':
    case 'budget':
    case 'dataset':
    case 'check':
    case 'check-run':
    case 'evaluate':
    case 'evaluation-new':
    case 'evaluation':
    case 'evaluation-compare':
    case 'monitor':
      return route.projectId;
    case 'data':
      return route.projectId ?? null;
    default:
      return null;
  }
}

interface NavigationState {
  route: Route;
  go(route: Route): void;
  sync(): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  route: parseRoute(typeof window === 'undefined' ? '' : window.location.hash),
  go(route) {
    window.location.hash = routeHash(route);
    set({ route });
  },
  sync() {
    set({ route: parseRoute(window.location.hash) });
  },
}));
