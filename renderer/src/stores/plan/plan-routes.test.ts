import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../navigation';

describe('plan and catalog routes', () => {
  const routes: Array<[string, Route]> = [
    ['#/plan', { page: 'plan' }],
    ['#/plan/cloud', { page: 'plan', view: 'cloud' }],
    ['#/plan/training/s%201', { page: 'plan', view: 'training', scenarioId: 's 1' }],
    ['#/plan/memory', { page: 'plan', view: 'memory' }],
    ['#/plan/inference/s2', { page: 'plan', view: 'inference', scenarioId: 's2' }],
    ['#/plan/optimal', { page: 'plan', view: 'optimal' }],
    ['#/settings/catalog', { page: 'catalog' }],
  ];
  it.each(routes)('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });
  it('an unknown wizard falls back to the Plan page, and plain settings stay settings', () => {
    expect(parseRoute('#/plan/nonsense/x')).toEqual({ page: 'plan' });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
  });
});
