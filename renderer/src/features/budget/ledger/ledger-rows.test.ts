import { describe, expect, it } from 'vitest';
import { ledgerRows, type LedgerList } from './ledger-rows';

const entry = (id: string, date: string) => ({ id, projectId: 'p', date, amountCents: 100, currency: 'USD', fxRate: null, projectAmountCents: 100, category: 'api' as const, source: 'manual' as const, description: '', importKey: null, createdAt: '', updatedAt: '' });
const run = (runId: string, date: string | null) => ({ source: 'run' as const, runId, runName: runId, experimentId: '1', experimentName: 'e', status: 'FINISHED' as const, running: false, date, startTime: null, endTime: null, category: 'compute' as const, costCents: 5, currency: 'USD', costUsdCents: 5, costCentsPerHour: null, hours: 1, basis: 'catalog' as const, unknownReason: null, scenarioId: null });

describe('the ledger list', () => {
  it('puts entries and run costs in one list, newest first, entries before runs on a day, undated runs last', () => {
    const l: LedgerList = { projectId: 'p', currency: 'USD', entries: [entry('e1', '2026-11-02'), entry('e2', '2026-11-05')], runs: [run('r1', '2026-11-05'), run('r0', null), run('r2', '2026-11-03')] };
    expect(ledgerRows(l).map((r) => r.key)).toEqual(['e2', 'r1', 'r2', 'e1', 'r0']);
  });
});
