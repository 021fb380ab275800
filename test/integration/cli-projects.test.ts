import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/backend/version';
import { commands } from '../../electron/host/cli/commands';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

describe('tally projects', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('creates, lists, shows and deletes with human output and --json', async () => {
    t = tempDir();
    const created = await runCli(['projects', 'create', '--name', 'Vision pilot', '--budget', '12,500.50', '--currency', 'eur', '--json'], { dataDir: t.dir });
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout);
    expect(project).toMatchObject({ name: 'Vision pilot', budgetCents: 1250050, currency: 'EUR' });

    const list = await runCli(['projects', 'list'], { dataDir: t.dir });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+BUDGET\s+MONTHLY CAP\s+STATUS$/);
    expect(list.stdout).toContain('Vision pilot');
    expect(list.stdout).toContain('€12,500.50');

    const asJson = await runCli(['projects', 'list', '--json', '--data-dir', t.dir]);
    expect(JSON.parse(asJson.stdout)).toEqual([project]);

    const show = await runCli(['projects', 'show', project.id], { dataDir: t.dir });
    expect(show.stdout).toContain('budget       €12,500.50');
    expect(show.stdout).toContain(`  USD rate     not set: run costs and plans priced in US dollars are not counted; set it with tally projects update ${project.id} --usd-rate RATE`);

    const unconfirmed = await runCli(['projects', 'delete', project.id], { dataDir: t.dir });
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toBe('tally projects: Deleting "Vision pilot" removes the project, its budget. Add --yes to confirm.\n');

    const deleted = await runCli(['projects', 'delete', project.id, '--yes', '--json'], { dataDir: t.dir });
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ id: project.id });
    const empty = await runCli(['projects', 'list'], { dataDir: t.dir });
    expect(empty.stdout).toBe('No projects yet. Create one with: tally projects create --name NAME\n');
  });

  it('keeps a project in its own currency: amounts as people write them, the USD rate with its day and who set it', async () => {
    t = tempDir();
    const created = await runCli(['projects', 'create', '--name', 'Shop', '--budget', '€5,000', '--monthly-cap', '300 EUR', '--usd-rate', '0.92', '--rate-date', '2026-11-28', '--json'], { dataDir: t.dir });
    expect(created.code).toBe(0);
    const p = JSON.parse(created.stdout);
    expect(p).toMatchObject({ currency: 'EUR', budgetCents: 500_000, monthlyCapCents: 30_000, usdRate: 0.92, usdRateAsOf: '2026-11-28', usdRateSetBy: expect.stringMatching(/ \(command line\)$/) });
    const show = await runCli(['projects', 'show', p.id], { dataDir: t.dir });
    expect(show.stdout).toContain('  currency     EUR\n');
    expect(show.stdout).toMatch(/ {2}USD rate {5}0\.92 EUR per US dollar, as of 2026-11-28 \(set by .+ \(command line\) on \d{4}-\d{2}-\d{2}\)\n/);
    expect(show.stdout).toContain('  budget       €5,000.00\n');

    const updated = await runCli(['projects', 'update', 'Shop', '--usd-rate', '0.95', '--rate-date', '2026-12-01', '--monthly-cap', '€450'], { dataDir: t.dir });
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('  monthly cap  €450.00');
    expect(updated.stdout).toMatch(/USD rate {5}0\.95 EUR per US dollar, as of 2026-12-01 \(set by /);

    const cases: Array<[string[], string]> = [
      [['projects', 'update', 'Shop', '--budget', '$5,000'], 'tally projects: --budget is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR'],
      [['projects', 'update', 'Shop', '--usd-rate', 'abc'], 'tally projects: --usd-rate must be a number like 0.92 (got "abc")'],
      [['projects', 'create', '--name', 'X', '--budget', '€5,000', '--monthly-cap', '£100'], 'tally projects: --monthly-cap is written in GBP, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR'],
      [['projects', 'create', '--name', 'X', '--usd-rate', '0.9'], 'tally projects: Exchange rate: A project in US dollars needs no exchange rate (one dollar is one dollar); leave the rate empty'],
      [['projects', 'update', 'Shop'], 'tally projects: nothing to change: give --name, --budget, --monthly-cap, --currency, --usd-rate or --rate-date'],
    ];
    for (const [args, first] of cases) {
      const r = await runCli(args, { dataDir: t.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(first);
    }
    const dollars = JSON.parse((await runCli(['projects', 'create', '--name', 'Dollars', '--budget', '1200', '--json'], { dataDir: t.dir })).stdout);
    expect(dollars).toMatchObject({ currency: 'USD', usdRate: 1, budgetCents: 120_000 });
  });

  it('fails with one line and a non-zero code on bad input', async () => {
    t = tempDir();
    const cases: Array<[string[], number, string]> = [
      [['projects', 'create'], 2, 'tally projects: missing --name'],
      [['projects', 'create', '--name', 'X', '--budget', '-5'], 2, 'tally projects: --budget cannot be negative'],
      [['projects', 'create', '--name', 'X', '--budget', 'abc'], 2, 'tally projects: --budget must be an amount like 300, $300 or 300 USD (got "abc")'],
      [['projects', 'create', '--name', 'X', '--start', '2026-13-01'], 2, 'tally projects: Start date: This date does not exist'],
      [['projects', 'create', '--name', 'X', '--end', '31/12/2026'], 2, 'tally projects: End date: Use a date like 2026-12-31'],
      [['projects', 'show', 'nope'], 1, 'tally projects: No project with id nope. It may have been deleted.'],
      [['projects', 'frobnicate'], 2, 'tally projects: unknown projects command "frobnicate"'],
      [['projects', 'list', '--colour'], 2, "tally projects: Unknown option '--colour'."],
      [['nonsense'], 2, `tally: unknown command "nonsense". Commands: ${commands.map((c) => c.name).join(', ')}.`],
    ];
    for (const [args, code, first] of cases) {
      const r = await runCli(args, { dataDir: t.dir });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(first);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses a database from a newer Tally with exit 1 and the reason', async () => {
    t = tempDir();
    await runCli(['projects', 'list'], { dataDir: t.dir });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(`${t.dir}/tally.db`);
    db.prepare("INSERT INTO _migrations VALUES (999, 'future', 'x', 'x', 'x')").run();
    db.close();
    const r = await runCli(['projects', 'list'], { dataDir: t.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tally projects: .*tally\.db was written by a newer version of Tally \(schema 999; this app knows up to \d+\)\. Update Tally to open it\. The file was left as it is\.\n$/);
  });
});

describe('the tally binary', () => {
  it('prints help and its version; package.json and the code agree on it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.version).toBe(APP_VERSION);
    expect(pkg.bin.tally).toBe('bin/tally.js');
    const help = spawnSync(process.execPath, ['bin/tally.js', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: tally <command> [options]');
    const version = spawnSync(process.execPath, ['bin/tally.js', '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(APP_VERSION);
  });

  it('start falls back to the browser host in one line when Electron cannot start, and serves the app', async () => {
    const t = tempDir();
    const child = spawn(process.execPath, ['bin/tally.js', 'start', '--data-dir', t.dir, '--port', '0'], {
      // No Electron binary, whatever this machine has: the `electron` package would otherwise try
      // to download one from the internet, which the test network guard refuses.
      env: { ...process.env, TALLY_NO_OPEN: '1', TALLY_TOKEN: 'start-test-token', ELECTRON_OVERRIDE_DIST_PATH: join(t.dir, 'no-electron') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Tally is running at (\S+)/.exec(out);
          if (m) {
            // Electron's binary is absent on this machine: the first line says so.
            expect(out.split('\n')[0]).toMatch(/^Electron cannot start here: .*\. Serving the same app to your browser instead\.$/);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`tally start exited with ${code}: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=start-test-token$/);
      const res = await fetch(new URL('/rpc/projects.list', url), {
        method: 'POST',
        headers: { Authorization: 'Bearer start-test-token', 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(await res.json()).toEqual({ ok: true, value: [] });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      t.cleanup();
    }
  });
});
