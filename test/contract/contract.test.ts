import { describe, expect, it } from 'vitest';
import { contract, type ProcedureName } from '../../shared/contract';
import { handlers } from '../../electron/backend/handlers';
import { fixtures } from './fixtures';

const names = Object.keys(contract) as ProcedureName[];

describe('the contract', () => {
  it('names every procedure domain.verb', () => {
    for (const n of names) expect(n).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('has exactly one handler per procedure', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
  });

  it('has fixtures for exactly the procedures it declares', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...names].sort());
  });

  describe.each(names)('%s', (name) => {
    const schema = contract[name].input;
    it.each(fixtures[name].valid.map((v) => [JSON.stringify(v), v]))('accepts %s', (_label, input) => {
      const r = schema.safeParse(input);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      // JSON-safe: what a transport carries survives a round trip unchanged.
      expect(JSON.parse(JSON.stringify(r.data))).toEqual(r.data);
    });
    it.each(fixtures[name].invalid.map((v) => [JSON.stringify(v), v]))('refuses %s', (_label, input) => {
      const r = schema.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error!.issues.length).toBeGreaterThan(0);
      for (const issue of r.error!.issues) expect(issue.message.length).toBeGreaterThan(0);
    });
  });
});
