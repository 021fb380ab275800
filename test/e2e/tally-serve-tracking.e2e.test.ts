import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mlflowRest } from '../support/tracking';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';

/**
 * The tracking loop as a user runs it, every part a real process: `tally serve --tracking-port`
 * prints the two lines to paste; the npm `mlflow` client and a plain REST script log runs with
 * them; `tally runs list --json` (another process on the same folder) reports the runs with their
 * cost; the printed app URL in Chromium shows them on the Runs page.
 */
const ROOT = join(import.meta.dirname, '../..');
const TALLY = join(ROOT, 'bin/tally.js');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const MLflow = createRequire(import.meta.url)('mlflow') as new (opts: { endpoint: string; headers?: Record<string, string> }) => { Experiments: Record<string, (a?: Json) => Promise<Json>>; Runs: Record<string, (a?: Json) => Promise<Json>> };

/** Starts `tally serve` and resolves with what it printed once it is ready. */
function startServe(dataDir: string): Promise<{ child: ChildProcess; appUrl: string; uri: string; token: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.TALLY_TOKEN;
    const child = spawn(process.execPath, [TALLY, 'serve', '--port', '0', '--tracking-port', '0', '--data-dir', dataDir], { cwd: ROOT, env });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (!out.includes('Press Ctrl+C')) return;
      const appUrl = /Tally is running at (\S+)/.exec(out)?.[1];
      const uri = /^MLFLOW_TRACKING_URI=(\S+)$/m.exec(out)?.[1];
      const token = /^MLFLOW_TRACKING_TOKEN=(\S+)$/m.exec(out)?.[1];
      if (appUrl && uri && token) resolve({ child, appUrl, uri, token });
      else reject(new Error(`tally serve printed no URL and tracking lines:\n${out}`));
    });
    child.on('exit', (code) => reject(new Error(`tally serve exited with ${code}:\n${out}`)));
  });
}

describe('tally serve --tracking-port, end to end', () => {
  let served: ChildProcess | null = null;
  let browser: Browser | null = null;
  let dataDir = '';
  afterEach(async () => {
    vi.restoreAllMocks();
    await browser?.close();
    if (served && served.exitCode === null) {
      const exited = new Promise((r) => served!.once('exit', r));
      served.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs logged by the npm mlflow client and a REST script appear with their cost in tally runs list --json and on the Runs page', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tally-serve-tracking-'));
    const s = await startServe(dataDir);
    served = s.child;
    const t0 = Date.parse('2026-12-01T08:00:00.000Z');

    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const client = new MLflow({ endpoint: s.uri, headers: { Authorization: `Bearer ${s.token}` } });
    const { experiment_id: exp } = await client.Experiments.create!({ name: 'served-sweep' });
    await client.Experiments.setExperimentTag!({ experiment_id: exp, key: 'tally.project', value: 'Served project' });
    const { run } = await client.Runs.create!({ experiment_id: exp, start_time: t0, tags: [{ key: 'mlflow.runName', value: 'npm-run' }, { key: 'tally.hardware', value: 'h100-sxm' }, { key: 'tally.devices', value: '2' }, { key: 'tally.price_per_device_hour', value: '3' }] });
    await client.Runs.logBatch!({ run_id: run.info.run_id, metrics: [0, 1, 2].map((step) => ({ key: 'loss', value: 1 / (step + 1), timestamp: t0 + step, step })), params: [{ key: 'lr', value: '0.1' }] });
    await client.Runs.update!({ run_id: run.info.run_id, status: 'FINISHED', end_time: t0 + 5 * 3_600_000 });

    const call = mlflowRest(s.uri, s.token);
    const created = await call('POST', '/runs/create', { experiment_id: exp, start_time: t0, run_name: 'rest-run', tags: [{ key: 'tally.hardware', value: 'h100-sxm' }, { key: 'tally.devices', value: '1' }, { key: 'tally.price_per_device_hour', value: '3' }] });
    const restRun = (created.json as Json).run.info.run_id as string;
    expect((await call('POST', '/runs/log-batch', { run_id: restRun, metrics: [{ key: 'loss', value: 0.3, timestamp: t0, step: 0 }] })).status).toBe(200);
    expect((await call('POST', '/runs/update', { run_id: restRun, status: 'FINISHED', end_time: t0 + 2 * 3_600_000 })).status).toBe(200);
    const found = await call('POST', '/runs/search', { experiment_ids: [exp], filter: "metrics.loss < 0.5", order_by: ['attributes.start_time DESC'] });
    expect(((found.json as Json).runs as Json[]).map((r) => r.info.run_name).sort()).toEqual(['npm-run', 'rest-run']);

    // Another process on the same folder while the server runs.
    const listed = spawnSync(process.execPath, [TALLY, 'runs', 'list', '--json', '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const runs = (JSON.parse(listed.stdout) as { runs: Array<{ name: string; project: string; costUsd: number | null }> }).runs;
    expect(runs.map((r) => [r.name, r.project, r.costUsd]).sort()).toEqual([
      ['npm-run', 'Served project', 30],
      ['rest-run', 'Served project', 6],
    ]);

    browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    page.setDefaultTimeout(60_000);
    await page.goto(s.appUrl);
    await page.getByRole('link', { name: /Served project/ }).first().click();
    await page.getByRole('link', { name: 'Open the runs →' }).click();
    const table = page.getByRole('table', { name: 'Runs' });
    await table.locator('.runs-table__row[data-run-id]').first().waitFor();
    const rows = await table.locator('.runs-table__row[data-run-id] .runs-table__name a').allTextContents();
    expect(rows.sort()).toEqual(['npm-run', 'rest-run']);
    expect(await table.getByText('$30.00').count()).toBe(1);
    expect(await table.getByText('$6.00').count()).toBe(1);
  });
});
