import { describe, expect, it } from 'vitest';
import { domainOf, rpcKey } from './rpc-query';

describe('cache keys', () => {
  it('start with the procedure domain so a domain invalidates all its reads', () => {
    expect(domainOf('scenarios.list')).toBe('scenarios');
    expect(rpcKey('projects.get', { id: 'p1' })).toEqual(['projects', 'projects.get', { id: 'p1' }]);
  });
});
