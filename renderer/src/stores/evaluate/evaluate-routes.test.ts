import { describe, expect, it } from 'vitest';
import { openProjectId, parseRoute, routeHash, type Route } from '../navigation';

describe('evaluate routes', () => {
  const routes: Array<[string, Route]> = [
    ['#/projects/p1/evaluate', { page: 'evaluate', projectId: 'p1' }],
    ['#/projects/p1/evaluate/new', { page: 'evaluation-new', projectId: 'p1' }],
    ['#/projects/p1/evaluate/e1', { page: 'evaluation', projectId: 'p1', evaluationId: 'e1' }],
    ['#/projects/p1/evaluate/compare/e1,e2', { page: 'evaluation-compare', projectId: 'p1', evaluationIds: ['e1', 'e2'] }],
    ['#/projects/p1/monitors/m1', { page: 'monitor', projectId: 'p1', monitorId: 'm1' }],
  ];
  it.each(routes)('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });
  it('a compare link without evaluations parses to an empty selection', () => {
    expect(parseRoute('#/projects/p1/evaluate/compare')).toEqual({ page: 'evaluation-compare', projectId: 'p1', evaluationIds: [] });
  });
  it('every Evaluate page is inside its project, so the nav keeps offering Runs and Evaluate', () => {
    expect(openProjectId({ page: 'evaluate', projectId: 'p1' })).toBe('p1');
    expect(openProjectId({ page: 'evaluation', projectId: 'p2', evaluationId: 'e' })).toBe('p2');
    expect(openProjectId({ page: 'monitor', projectId: 'p3', monitorId: 'm' })).toBe('p3');
  });
});
