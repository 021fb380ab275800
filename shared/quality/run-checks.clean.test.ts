/**
 * The clean generated dataset, checked with every option (target, id, time, reference, population),
 * raises no finding of ANY check id: the "clean input raises nothing" half of every check's test.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from './finding';
import { runChecks } from './run-checks';
import { buildCheckInput } from './testing/build-check-input';
import { CLEAN_POPULATION, CLEAN_ROLES, cleanCustomers } from './testing/fixtures';

function cleanRun(n: number) {
  const current = cleanCustomers(n, 11, 'C', 2025);
  const reference = cleanCustomers(n, 12, 'R', 2024);
  const input = buildCheckInput(current, { ...CLEAN_ROLES, reference });
  return runChecks(input, { ...CLEAN_ROLES, population: CLEAN_POPULATION, roles: { current: 'test', reference: 'training' } });
}

describe('clean data', () => {
  it('raises no finding of any id on 3,000 rows (large-sample drift: Wasserstein / Jensen-Shannon)', () => {
    const report = cleanRun(3000);
    expect(report.findings.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.summary).toBe('Ready to use: no problems found in 3,000 rows and 9 columns.');
    expect(report.drift?.columns.every((c) => c.method === 'wasserstein_normed' || c.method === 'jensen_shannon')).toBe(true);
  });

  it('exercises every check id (the registry is complete)', async () => {
    const { CHECKS } = await import('./checks');
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of CHECKS) expect(c.about.length).toBeGreaterThan(20);
  });
});
