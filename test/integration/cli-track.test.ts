import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';
import { dispatchOk } from '../support/dispatch';
import { catalogP50, runCents } from '../support/catalog-price';

const T0 = Date.parse('2026-11-29T00:00:00.000Z');
const HOUR = 3_600_000;
/** 8 x H100 for 10 h at the catalog's default H100 price (the price rule's weighted median). */
const H100_RUN_CENTS = runCents(catalogP50('h100-sxm'), 8, 10);
const H100_RUN_USD = H100_RUN_CENTS / 100;
const H100_RUN_TEXT = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(H100_RUN_USD);
/** 2 x A100-80GB for 4 h, in USD and in EUR at 0.9. */
const A100_RUN_USD_CENTS = runCents(catalogP50('a100-80gb'), 2, 4);
const A100_RUN_EUR_CENTS = runCents(catalogP50('a100-80gb'), 2, 4, 0.9);
const EVIL = 'evil\u001b[31mred\r\nrun\u202e';
/** What must never reach the terminal raw. */
const hasRaw = (s: string) => [...s].some((c) => c === '\u001b' || c === '\r' || c === '\u202e');

/** Lays out a workspace through the backend, as the app or an MLflow client would, then closes it. */
async function seed(dir: string) {
  const b = createBackend({ dataDir: dir, host: 'test', clock: () => new Date('2026-11-30T09:00:00.000Z'), logger: { info: () => {}, warn: () => {}, error: () => {} } });
  const ok = <T>(name: Parameters<typeof dispatchOk>[1], input: unknown) => dispatchOk(b, name, input) as Promise<T>;
  const vision = await ok<{ id: string }>('projects.create', { name: 'Vision' });
  const eur = await ok<{ id: string }>('projects.create', { name: 'Euro lab', currency: 'EUR' });
  await ok('projects.update', { id: eur.id, patch: { usdRate: 0.9 } });
  const resnet = await ok<{ id: string }>('experiments.create', { projectId: vision.id, name: 'resnet' });
  const bert = await ok<{ id: string }>('experiments.create', { projectId: eur.id, name: 'bert' });
  const mk = async (experimentId: string, name: string, tags: Record<string, string>, hours: number) => {
    const r = await ok<{ id: string }>('runs.create', { experimentId, name, startTime: T0, tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
    await ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: T0 + hours * HOUR } });
    return r.id;
  };
  const a = await mk(resnet.id, EVIL, { 'tally.hardware': 'h100-sxm', 'tally.devices': '8' }, 10);
  await ok('runs.logBatch', { runId: a, params: [{ key: 'lr', value: '0.1' }], metrics: [{ key: 'loss', value: 0.25, timestamp: T0, step: 1 }, { key: 'acc', value: 'NaN', timestamp: T0, step: 1 }] });
  const b2 = await mk(resnet.id, 'unknown-hw', {}, 1);
  const c = await mk(bert.id, 'bert-base', { 'tally.hardware': 'a100-80gb', 'tally.devices': '2' }, 4);
  b.close();
  return { a, b: b2, c };
}

describe('tally runs and tally ledger', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('lists runs as JSON with the fixed field names, across projects or one project or experiment', async () => {
    t = tempDir();
    const ids = await seed(t.dir);
    const all = await runCli(['runs', 'list', '--json'], { dataDir: t.dir });
    expect(all.code).toBe(0);
    const out = JSON.parse(all.stdout) as { runs: Array<Record<string, unknown>> };
    expect(out.runs).toHaveLength(3);
    const a = out.runs.find((r) => r.id === ids.a)!;
    expect(Object.keys(a).slice(0, 16)).toEqual(['id', 'name', 'experiment', 'project', 'status', 'startTime', 'endTime', 'params', 'tags', 'metrics', 'hardware', 'devices', 'hours', 'costUsd', 'energyKwh', 'co2Kg']);
    expect(a).toMatchObject({ name: EVIL, experiment: 'resnet', project: 'Vision', status: 'FINISHED', startTime: '2026-11-29T00:00:00.000Z', endTime: '2026-11-29T10:00:00.000Z', params: { lr: '0.1' }, metrics: { loss: 0.25, acc: 'NaN' }, hardware: 'h100-sxm', devices: 8, hours: 10, costUsd: H100_RUN_USD, cost: H100_RUN_USD, currency: 'USD', costBasis: 'catalog', energyBasis: 'estimated' });
    expect(a.energyKwh as number).toBeCloseTo(61.6, 9);
    expect(a.co2Kg as number).toBeCloseTo(29.26, 9);
    // A100 80GB on-demand: 1.89 (RunPod), 3.67 (Azure); AWS 5.12 predates its June 2025 cut and is left out.
    expect(out.runs.find((r) => r.id === ids.c)).toMatchObject({ project: 'Euro lab', costUsd: A100_RUN_USD_CENTS / 100, cost: A100_RUN_EUR_CENTS / 100, currency: 'EUR' });
    expect(out.runs.find((r) => r.id === ids.b)).toMatchObject({ hardware: null, costUsd: null, cost: null, costBasis: 'unknown', costUnknownReason: 'hardware unknown: set the hardware (or the run tag tally.hardware) or a price per device-hour' });

    const vision = JSON.parse((await runCli(['runs', 'list', '--project', 'vision', '--json'], { dataDir: t.dir })).stdout);
    expect(vision.runs.map((r: { id: string }) => r.id).sort()).toEqual([ids.a, ids.b].sort());
    const bert = JSON.parse((await runCli(['runs', 'list', '--experiment', 'bert', '--json'], { dataDir: t.dir })).stdout);
    expect(bert.runs.map((r: { id: string }) => r.id)).toEqual([ids.c]);
    const mismatch = await runCli(['runs', 'list', '--project', 'Vision', '--experiment', 'bert'], { dataDir: t.dir });
    expect(mismatch).toMatchObject({ code: 2, stderr: 'tally runs: experiment "bert" is not in project "Vision"\n' });
    expect((await runCli(['runs', 'list', '--project', 'Nope'], { dataDir: t.dir })).stderr).toBe('tally runs: no project named "Nope"; see tally projects list\n');
  });

  it('prints tables and run pages with control characters escaped', async () => {
    t = tempDir();
    const ids = await seed(t.dir);
    const list = await runCli(['runs', 'list'], { dataDir: t.dir });
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+PROJECT\s+EXPERIMENT\s+STATUS\s+HARDWARE\s+HOURS\s+COST\s+ENERGY$/);
    expect(list.stdout).toContain('evil\\e[31mred\\r\\nrun\\u{202e}');
    expect(hasRaw(list.stdout)).toBe(false);
    expect(list.stdout).toContain('8 x h100-sxm');
    expect(list.stdout).toContain(H100_RUN_TEXT);

    const show = await runCli(['runs', 'show', ids.a], { dataDir: t.dir });
    expect(show.code).toBe(0);
    expect(hasRaw(show.stdout)).toBe(false);
    const lines = show.stdout.split('\n');
    expect(lines[0]).toBe('evil\\e[31mred\\r\\nrun\\u{202e}');
    expect(lines).toContain('  hardware    8 x NVIDIA H100 SXM5 80GB');
    expect(lines).toContain(`  cost        ${H100_RUN_TEXT}  [catalog price, as of 2025-02-28]`);
    expect(lines).toContain('  energy      61.60 kWh  [estimated from device power]');
    expect(lines).toContain('    loss = 0.25 (step 1, 1 points)');
    const json = JSON.parse((await runCli(['runs', 'show', ids.c, '--json'], { dataDir: t.dir })).stdout);
    expect(json).toMatchObject({ id: ids.c, projectName: 'Euro lab', costCents: A100_RUN_EUR_CENTS, currency: 'EUR', cost: { costUsdCents: A100_RUN_USD_CENTS, basis: 'catalog' } });
    expect(await runCli(['runs', 'show', 'abc'], { dataDir: t.dir })).toMatchObject({ code: 2, stderr: 'tally runs: A run id is 32 lowercase hex characters\n' });
    expect(await runCli(['runs', 'show', '0'.repeat(32)], { dataDir: t.dir })).toMatchObject({ code: 1, stderr: `tally runs: No run with id ${'0'.repeat(32)}.\n` });
  });

  it('adds ledger entries and lists them beside run costs', async () => {
    t = tempDir();
    await seed(t.dir);
    const add = await runCli(['ledger', 'add', '--project', 'Vision', '--amount', '120.50', '--category', 'api', '--date', '2026-12-01', '--note', 'OpenAI\u001b[2J'], { dataDir: t.dir });
    expect(add).toMatchObject({ code: 0, stdout: 'Added $120.50 (api) to "Vision" on 2026-12-01.\n' });
    const refund = await runCli(['ledger', 'add', '--project', 'Vision', '--amount', '-20', '--category', 'compute', '--date', '2026-12-02', '--json'], { dataDir: t.dir });
    expect(JSON.parse(refund.stdout)).toMatchObject({ amountCents: -2000, currency: 'USD', source: 'manual', category: 'compute' });
    const eur = await runCli(['ledger', 'add', '--project', 'Euro lab', '--amount', '10', '--category', 'storage', '--date', '2026-12-01', '--currency', 'usd'], { dataDir: t.dir });
    expect(eur).toMatchObject({ code: 0, stdout: 'Added $10.00 (storage) to "Euro lab" on 2026-12-01.\n' });
    const cases: Array<[string[], string]> = [
      [['--amount', 'abc', '--category', 'api', '--date', '2026-12-01'], 'tally ledger: --amount must be an amount like 300, $300 or 300 USD (got "abc")'],
      [['--amount', '1', '--category', 'food', '--date', '2026-12-01'], 'tally ledger: --category must be one of compute, api, storage, labelling, other (got "food")'],
      [['--amount', '1', '--category', 'api', '--date', '2026-02-30'], 'tally ledger: This date does not exist'],
      [['--amount', '1', '--category', 'api', '--date', '2026-12-01', '--currency', 'GBP'], 'tally ledger: Exchange rate: the entry is in GBP and the project in USD; give the exchange rate (USD per 1 GBP)'],
      [['--category', 'api', '--date', '2026-12-01'], 'tally ledger: missing --amount'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['ledger', 'add', '--project', 'Vision', ...args], { dataDir: t.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(message);
    }
    const list = await runCli(['ledger', 'list', '--project', 'Vision'], { dataDir: t.dir });
    expect(list.stdout.split('\n')).toEqual([
      expect.stringMatching(/^DATE\s+SOURCE\s+CATEGORY\s+AMOUNT\s+DESCRIPTION$/),
      expect.stringMatching(/^-+/),
      expect.stringMatching(new RegExp(`^2026-11-29\\s+run\\s+compute\\s+${H100_RUN_TEXT.replace(/[$.]/g, '\\$&')}\\s+evil\\\\e\\[31mred\\\\r\\\\nrun\\\\u\\{202e\\}$`)),
      expect.stringMatching(/^2026-11-29\s+run\s+compute\s+unknown\s+unknown-hw$/),
      expect.stringMatching(/^2026-12-01\s+manual\s+api\s+\$120\.50\s+OpenAI\\e\[2J$/),
      expect.stringMatching(/^2026-12-02\s+manual\s+compute\s+-\$20\.00$/),
      '',
    ]);
  });
});
