import { describe, expect, it } from 'vitest';
import { openProjectId, parseRoute, routeHash, type Route } from '../navigation';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('runs routes', () => {
  const routes: Array<[string, Route]> = [
    ['#/projects/p1/runs', { page: 'runs', projectId: 'p1' }],
    [`#/projects/p1/runs/${A}`, { page: 'run', projectId: 'p1', runId: A }],
    [`#/projects/p1/compare/${A},${B}`, { page: 'compare', projectId: 'p1', runIds: [A, B] }],
    ['#/projects/p1', { page: 'project', id: 'p1' }],
  ];
  it.each(routes)('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });
  it('a compare link without runs parses to an empty selection (the page then says to pick runs)', () => {
    expect(parseRoute('#/projects/p1/compare')).toEqual({ page: 'compare', projectId: 'p1', runIds: [] });
  });
  it('knows which project is open, so the nav can offer its Runs', () => {
    expect(openProjectId({ page: 'project', id: 'p1' })).toBe('p1');
    expect(openProjectId({ page: 'run', projectId: 'p2', runId: A })).toBe('p2');
    expect(openProjectId({ page: 'data', projectId: 'p3' })).toBe('p3');
    expect(openProjectId({ page: 'data' })).toBeNull();
    expect(openProjectId({ page: 'settings' })).toBeNull();
  });
});
