import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../navigation';

describe('the budget page route', () => {
  it('lives under its project and round-trips', () => {
    expect(parseRoute('#/projects/p%201/budget')).toEqual({ page: 'budget', projectId: 'p 1' });
    expect(routeHash({ page: 'budget', projectId: 'p 1' })).toBe('#/projects/p%201/budget');
    expect(parseRoute('#/projects/p1')).toEqual({ page: 'project', id: 'p1' });
  });
});
