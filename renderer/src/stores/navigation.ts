import { create } from 'zustand';

export type Route =
  | { page: 'projects' }
  | { page: 'project'; id: string }
  | { page: 'settings' };

/** Hash routes: #/projects, #/projects/<id>, #/settings. Unknown hashes fall back to projects. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'projects' && parts[1]) return { page: 'project', id: parts[1] };
  if (parts[0] === 'settings') return { page: 'settings' };
  return { page: 'projects' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    default:
      return '#/projects';
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
