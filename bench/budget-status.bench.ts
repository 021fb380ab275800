/**
 * budget.status on a large project: 10,000 finished runs (2 hours each, 45 minutes apart, so
 * some cross midnight and are split over two days) and 300 ledger entries, with a budget, a
 * monthly cap and dates. It is read again whenever a run or the ledger changes, so it should
 * stay well under the time the UI takes to notice. The reference, measured in the same run, is
 * ledger.list on the same project: the same runs read as full rows, with no budget math at all.
 *
 * Run: `npm run bench -- budget-status` or `node bin/run-ts.js bench/budget-status.bench.ts [runs]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../electron/backend/create-backend';

const quiet = { info: () => {}, warn: () => {}, error: (m: string, d?: unknown) => console.error(m, d) };
const T0 = Date.parse('2026-01-02T00:00:00Z');
const H = 3_600_000;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

async function main(): Promise<void> {
  const runCount = Number(process.argv[2] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  const b = createBackend({ dataDir: dir, host: 'test', logger: quiet, clock: () => new Date('2026-12-01T12:00:00Z') });
  const ok = async (name: string, input: unknown): Promise<{ id: string }> => {
    const r = await b.dispatch(name as never, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as { id: string };
  };
  try {
    const p = await ok('projects.create', { name: 'Big', budgetCents: 100_000_000, monthlyCapCents: 10_000_000, startDate: '2026-01-01', endDate: '2027-06-30' });
    const e = await ok('experiments.create', { projectId: p.id, name: 'sweep' });
    const seeded = performance.now();
    for (let i = 0; i < runCount; i++) {
      const start = T0 + i * 45 * 60_000;
      const r = await ok('runs.create', { experimentId: e.id, startTime: start, tags: [{ key: 'tally.hardware', value: 'h100-sxm' }, { key: 'tally.devices', value: '1' }] });
      await ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: start + 2 * H } });
    }
    for (let i = 0; i < 300; i++) await ok('ledger.add', { projectId: p.id, date: new Date(T0 + i * 86_400_000).toISOString().slice(0, 10), amountCents: 1_234, category: 'api' });
    console.log(`seeded ${runCount.toLocaleString('en-US')} runs and 300 entries in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const time = async (name: string, input: unknown) => {
      const ms: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t = performance.now();
        await ok(name, input);
        ms.push(performance.now() - t);
      }
      return { first: ms[0]!, median: median(ms.slice(1)) };
    };
    const status = await time('budget.status', { projectId: p.id });
    const alerts = await time('budget.alerts', {});
    const plan = await time('budget.plan', { projectId: p.id });
    const reference = await time('ledger.list', { projectId: p.id });
    const row = (label: string, r: { first: number; median: number }) =>
      console.log(`${label.padEnd(14)} first ${r.first.toFixed(1).padStart(6)} ms, median of 6 ${r.median.toFixed(1).padStart(6)} ms  (${(r.median / reference.median).toFixed(2)}x the reference)`);
    row('budget.status', status);
    row('budget.alerts', alerts);
    row('budget.plan', plan);
    row('ledger.list', reference);
  } finally {
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
