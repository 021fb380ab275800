import { useEffect } from 'react';
import type { Route } from '../navigation';
import { projectOfRoute, useRecent } from './recent.store';

/** Makes the project on screen the one used last, so forms elsewhere start on it. */
export function useRememberProject(route: Route): void {
  const id = projectOfRoute(route);
  const remember = useRecent((s) => s.rememberProject);
  useEffect(() => {
    if (id) remember(id);
  }, [id, remember]);
}
