import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { runCli } from '../support/cli';
import { dispatchOk } from '../support/dispatch';
import { tempDir } from '../support/temp';

const at = (iso: string) => Date.parse(iso);
const PRICED = [
  { key: 'tally.hardware', value: 'h100-sxm' },
  { key: 'tally.devices', value: '1' },
  { key: 'tally.price_per_device_hour', value: '10' },
];

/**
 * A workspace laid out through the backend, then closed: "Vision" ($4,000 budget, $3,000 monthly
 * cap, November-December 2026) has spent $1,400 by 20 November ($1,000 + $200 of ledger, two
 * 10-hour runs at $10/h) with $500 dated 25 November; "Overspent" has spent $600 of $500.
 * No run is left running, so the figures do not move with the clock.
 */
async function seed(dir: string) {
  const b = createBackend({ dataDir: dir, host: 'test', clock: () => new Date('2026-11-20T12:00:00.000Z'), logger: { info: () => {}, warn: () => {}, error: () => {} } });
  const ok = <T>(name: Parameters<typeof dispatchOk>[1], input: unknown) => dispatchOk(b, name, input) as Promise<T>;
  const vision = await ok<{ id: string }>('projects.create', { name: 'Vision', budgetCents: 400_000, monthlyCapCents: 300_000, startDate: '2026-11-01', endDate: '2026-12-31' });
  await ok('ledger.add', { projectId: vision.id, date: '2026-11-02', amountCents: 100_000, category: 'api' });
  await ok('ledger.add', { projectId: vision.id, date: '2026-11-10', amountCents: 20_000, category: 'storage' });
  await ok('ledger.add', { projectId: vision.id, date: '2026-11-25', amountCents: 50_000, category: 'other' });
  const e = await ok<{ id: string }>('experiments.create', { projectId: vision.id, name: 'sweep' });
  for (const [start, end] of [['2026-11-05T10:00:00Z', '2026-11-05T20:00:00Z'], ['2026-11-14T20:00:00Z', '2026-11-15T06:00:00Z']] as const) {
    const r = await ok<{ id: string }>('runs.create', { experimentId: e.id, startTime: at(start), tags: PRICED });
    await ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: at(end) } });
  }
  const unknown = await ok<{ id: string }>('runs.create', { experimentId: e.id, name: 'no-hardware', startTime: at('2026-11-18T08:00:00Z') });
  await ok('runs.update', { id: unknown.id, patch: { status: 'FINISHED', endTime: at('2026-11-18T09:00:00Z') } });
  const over = await ok<{ id: string }>('projects.create', { name: 'Overspent', budgetCents: 50_000 });
  await ok('ledger.add', { projectId: over.id, date: '2026-11-03', amountCents: 60_000, category: 'compute' });
  b.close();
}

describe('tally budget status and tally ledger add', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('shows a euro project in euros, with the rate its dollar-priced runs were converted at', async () => {
    t = tempDir();
    const b = createBackend({ dataDir: t.dir, host: 'test', clock: () => new Date('2026-11-20T12:00:00.000Z'), logger: { info: () => {}, warn: () => {}, error: () => {} } });
    const shop = await dispatchOk(b, 'projects.create', { name: 'Shop', currency: 'EUR', budgetCents: 100_000, usdRate: 0.92 });
    const e = await dispatchOk(b, 'experiments.create', { projectId: shop.id, name: 'texts' });
    // 10 h at $10 an hour is $100, €92 at 0.92.
    const r = await dispatchOk(b, 'runs.create', { experimentId: e.id, startTime: at('2026-11-05T10:00:00Z'), tags: PRICED });
    await dispatchOk(b, 'runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: at('2026-11-05T20:00:00Z') } });
    b.close();
    const added = await runCli(['ledger', 'add', '--project', 'Shop', '--amount', '€20.50', '--category', 'api', '--date', '2026-11-06'], { dataDir: t.dir });
    expect(added).toMatchObject({ code: 0, stdout: 'Added €20.50 (api) to "Shop" on 2026-11-06.\n' });
    const text = await runCli(['budget', 'status', '--project', 'Shop', '--today', '2026-11-20'], { dataDir: t.dir });
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Shop (EUR), on 20 November 2026',
      `  Run costs and plans priced in US dollars are converted at 0.92 EUR per US dollar of 2026-11-20 (set by ${userInfo().username} (test) on 2026-11-20).`,
      '  Budget      €1,000',
      '  Spent       €113 (11% of the budget)',
    ]);
    expect(text.stdout).not.toContain('$');
    const json = JSON.parse((await runCli(['budget', 'status', '--project', 'Shop', '--today', '2026-11-20', '--json'], { dataDir: t.dir })).stdout);
    expect(json.projects[0]).toMatchObject({ currency: 'EUR', spentCents: 9_200 + 2_050, exchangeRate: { currency: 'EUR', usdRate: 0.92, asOf: '2026-11-20' } });
  });

  it('prints one project as JSON with the figures a CI job gates on, exit 0 under the caps', async () => {
    t = tempDir();
    await seed(t.dir);
    const r = await runCli(['budget', 'status', '--project', 'Vision', '--today', '2026-11-20', '--json'], { dataDir: t.dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(r.stdout) as { today: string; capExceeded: boolean; projects: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['today', 'capExceeded', 'projects']);
    expect(out).toMatchObject({ today: '2026-11-20', capExceeded: false });
    const v = out.projects[0]!;
    expect(Object.keys(v)).toEqual(['project', 'projectId', 'currency', 'exchangeRate', 'today', 'budgetCents', 'spentCents', 'committedCents', 'committed', 'remainingCents', 'shareSpent', 'month', 'burnRate', 'forecast', 'monthEnd', 'alerts', 'capExceeded', 'notCounted']);
    expect(v).toMatchObject({ project: 'Vision', currency: 'USD', exchangeRate: null, budgetCents: 400_000, spentCents: 140_000, committedCents: 50_000, remainingCents: 210_000, shareSpent: 0.35, capExceeded: false });
    expect(v.month).toEqual({ month: '2026-11', spentCents: 140_000, capCents: 300_000, shareOfCap: 140_000 / 300_000 });
    // $2,100 left at $70 a day: 30 days, 20 December; at the bootstrap's $127 and $14 a day 17 and 150 days.
    expect(v.burnRate).toEqual({ perDayCents: 7_000, lowPerDayCents: 1_400, highPerDayCents: 12_700, from: '2026-11-01', to: '2026-11-20', days: 20 });
    expect(v.forecast).toMatchObject({ status: 'runs-out', date: '2026-12-20', earliest: '2026-12-07', latest: '2027-04-19' });
    expect((v.alerts as Array<{ kind: string }>).map((a) => a.kind)).toEqual(['runout-before-end']);
    expect((v.notCounted as { runs: Array<{ runName: string }> }).runs.map((x) => x.runName)).toEqual(['no-hardware']);
  });

  it('prints a readable summary in the project currency', async () => {
    t = tempDir();
    await seed(t.dir);
    const r = await runCli(['budget', 'status', '--project', 'Vision', '--today', '2026-11-20'], { dataDir: t.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      'Vision (USD), on 20 November 2026',
      '  Budget      $4,000',
      '  Spent       $1,400 (35% of the budget)',
      '  Committed   $500 (dated after today $500)',
      '  Remaining   $2,100',
      '  This month  $1,400 of the $3,000 cap (46%)',
      '  Burn rate   $70 a day over the last 20 days (likely $14–$127)',
      '  Runs out    20 December 2026 (between 7 December 2026 and 19 April 2027)',
      '',
    ]);
    expect(r.stdout).toContain('  Alerts:\n    warning: At this rate the budget runs out on 20 December 2026');
    expect(r.stdout).toContain('Not counted: 1 run with an unknown cost.');
  });

  it('exits 1 when a cap is exceeded in any project, naming it', async () => {
    t = tempDir();
    await seed(t.dir);
    const all = await runCli(['budget', 'status', '--today', '2026-11-20'], { dataDir: t.dir });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('Overspent (USD), on 20 November 2026');
    expect(all.stdout).toContain('    ERROR: You have spent $600 of your $500 budget (120%), $100 over.');
    expect(all.stdout).toContain('  Remaining   $100 over');
    const json = JSON.parse((await runCli(['budget', 'status', '--today', '2026-11-20', '--json'], { dataDir: t.dir })).stdout);
    expect(json.capExceeded).toBe(true);
    expect(json.projects.map((p: { project: string; capExceeded: boolean }) => [p.project, p.capExceeded])).toEqual([['Overspent', true], ['Vision', false]]);
  });

  it('exits 2 on bad input, with one line naming the flag', async () => {
    t = tempDir();
    await seed(t.dir);
    const cases: Array<[string[], RegExp]> = [
      [['budget', 'status', '--today', 'tomorrow'], /--today must be a day like 2026-12-01/],
      [['budget', 'status', '--today', '2026-02-30'], /^tally budget: Today: This date does not exist\n$/],
      [['budget', 'status', '--project', 'Nope'], /no project named "Nope"/],
      [['budget', 'status', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['budget', 'forecast'], /unknown budget command "forecast"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { dataDir: t.dir });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
  });

  it('tally ledger add takes the line from the issue and the entry moves the figures', async () => {
    t = tempDir();
    await seed(t.dir);
    const add = await runCli(['ledger', 'add', '--project', 'Vision', '--amount', '120.50', '--category', 'api', '--date', '2026-12-01', '--note', 'Embeddings API'], { dataDir: t.dir });
    expect(add).toMatchObject({ code: 0, stdout: 'Added $120.50 (api) to "Vision" on 2026-12-01.\n' });
    const after = JSON.parse((await runCli(['budget', 'status', '--project', 'Vision', '--today', '2026-12-01', '--json'], { dataDir: t.dir })).stdout);
    // Judged on 1 December everything so far is spent: $1,400 + $500 + $120.50.
    expect(after.projects[0]).toMatchObject({ spentCents: 202_050, committedCents: 0, month: { month: '2026-12', spentCents: 12_050 } });
    const list = JSON.parse((await runCli(['ledger', 'list', '--project', 'Vision', '--json'], { dataDir: t.dir })).stdout);
    expect(list.entries.at(-1)).toMatchObject({ date: '2026-12-01', amountCents: 12_050, category: 'api', description: 'Embeddings API', source: 'manual' });
  });
});
