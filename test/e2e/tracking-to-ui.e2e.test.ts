import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCost } from '../../renderer/src/features/runs/run-format';
import type { TrackingStatus } from '../../shared/contract/tracking';
import { runCli } from '../support/cli';
import { mlflowRest } from '../support/tracking';
import { startApp, type RunningApp } from './support/app';
import { RunsScreen } from './support/runs.page';

/**
 * The proof that runs logged by MLflow clients show up in Tally: the app runs (browser host)
 * with its tracking API switched on; the npm `mlflow` client 2.0.7 and a plain-fetch script that
 * speaks MLflow's REST API as documented log runs; `tally runs list --json` reports them with
 * their cost, and the Runs page in Chromium shows the same runs, their metric chart and cost.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface MlflowClient {
  Experiments: Record<string, (args?: Json) => Promise<Json>>;
  Runs: Record<string, (args?: Json) => Promise<Json>>;
}
const MLflow = createRequire(import.meta.url)('mlflow') as new (opts: { endpoint: string; headers?: Record<string, string> }) => MlflowClient;

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const H = 3_600_000;
const PROJECT = 'Tracked vision';

describe('Runs logged by MLflow clients appear in Tally (CLI and UI)', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await app?.close();
    app = null;
  });

  it('logs with the npm mlflow client and a REST script, then sees the runs with cost in tally runs list --json and on the Runs page', async () => {
    app = await startApp();
    const screen = new RunsScreen(app.page, app);
    const tracking = (await screen.rpc('tracking.setEnabled', { enabled: true, port: 0 })) as TrackingStatus;
    expect(tracking.enabled).toBe(true);
    const token = tracking.envLines.find((l) => l.startsWith('MLFLOW_TRACKING_TOKEN='))!.slice('MLFLOW_TRACKING_TOKEN='.length);
    const base = tracking.url!;

    // 1. The npm mlflow client 2.0.7, unchanged (it prints every POST body: keep the output readable).
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const client = new MLflow({ endpoint: base, headers: { Authorization: `Bearer ${token}` } });
    // This client's create sends no tags: the tag set afterwards moves the experiment into the project.
    const { experiment_id: npmExp } = await client.Experiments.create!({ name: 'npm-resnet' });
    await client.Experiments.setExperimentTag!({ experiment_id: npmExp, key: 'tally.project', value: PROJECT });
    const { run } = await client.Runs.create!({ experiment_id: npmExp, start_time: T0, tags: [{ key: 'mlflow.runName', value: 'resnet-h100' }, { key: 'tally.hardware', value: 'h100-sxm' }, { key: 'tally.devices', value: '4' }] });
    const npmRun = run.info.run_id as string;
    const loss = Array.from({ length: 400 }, (_, step) => ({ key: 'loss', value: 2.5 * Math.exp(-step / 80) + 0.1, timestamp: T0 + step * 1000, step }));
    await client.Runs.logBatch!({ run_id: npmRun, metrics: loss.slice(0, 399), params: [{ key: 'lr', value: '0.01' }] });
    await client.Runs.logMetric!({ run_id: npmRun, ...loss[399]! });
    await client.Runs.update!({ run_id: npmRun, status: 'FINISHED', end_time: T0 + 2 * H });

    // 2. A script speaking MLflow's REST API with fetch: a missing experiment is a 404, then created.
    const call = mlflowRest(base, token);
    const missing = await call('GET', '/experiments/get-by-name', { experiment_name: 'rest-bert' });
    expect(missing).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    const created = await call('POST', '/experiments/create', { name: 'rest-bert', tags: [{ key: 'tally.project', value: PROJECT }] });
    const restExp = created.json.experiment_id as string;
    const restRuns: string[] = [];
    for (const [i, lr] of ['0.01', '0.1'].entries()) {
      const r = await call('POST', '/runs/create', {
        experiment_id: restExp,
        run_name: `bert-lr-${lr}`,
        start_time: T0 + (i + 1) * 3 * H,
        tags: [
          { key: 'tally.hardware', value: 'a100-80gb' },
          { key: 'tally.devices', value: '2' },
        ],
      });
      expect(r.status).toBe(200);
      const runId = (r.json.run as Json).info.run_id as string;
      restRuns.push(runId);
      const points = Array.from({ length: 1500 }, (_, step) => ({ key: 'accuracy', value: (0.8 + 0.1 * i) * (1 - Math.exp(-step / 200)), timestamp: T0 + step, step }));
      // MLflow clients split batches at 1,000 entities.
      expect((await call('POST', '/runs/log-batch', { run_id: runId, metrics: points.slice(0, 999), params: [{ key: 'lr', value: lr }] })).status).toBe(200);
      expect((await call('POST', '/runs/log-batch', { run_id: runId, metrics: points.slice(999) })).status).toBe(200);
      expect((await call('POST', '/runs/update', { run_id: runId, status: 'FINISHED', end_time: T0 + (i + 1) * 3 * H + H })).status).toBe(200);
    }
    const search = await call('POST', '/runs/search', { experiment_ids: [npmExp, restExp], filter: "params.lr = '0.01'", order_by: ['attributes.start_time DESC'] });
    expect(((search.json.runs as Json[]) ?? []).map((r) => r.info.run_id)).toEqual([restRuns[0], npmRun]);
    const best = await call('POST', '/runs/search', { experiment_ids: [restExp], order_by: ['metrics.accuracy DESC'], max_results: 1 });
    expect((best.json.runs as Json[]).map((r) => r.info.run_name)).toEqual(['bert-lr-0.1']);
    expect(best.json.next_page_token).toEqual(expect.any(String));
    let history: Json[] = [];
    let pageToken: string | undefined;
    do {
      const page = await call('GET', '/metrics/get-history', { run_id: restRuns[1], metric_key: 'accuracy', max_results: 1000, ...(pageToken ? { page_token: pageToken } : {}) });
      history = history.concat(page.json.metrics as Json[]);
      pageToken = page.json.next_page_token as string | undefined;
    } while (pageToken);
    expect(history.map((m) => m.step)).toEqual(Array.from({ length: 1500 }, (_, i) => i));

    // 3. The CLI on the same data folder, while the app has it open.
    const listed = await runCli(['runs', 'list', '--project', PROJECT, '--json'], { dataDir: app.dataDir });
    expect(listed.code).toBe(0);
    const runs = (JSON.parse(listed.stdout) as { runs: Json[] }).runs;
    expect(runs.map((r) => r.name).sort()).toEqual(['bert-lr-0.01', 'bert-lr-0.1', 'resnet-h100']);
    const byName = new Map(runs.map((r) => [r.name as string, r]));
    expect(byName.get('resnet-h100')).toMatchObject({ experiment: 'npm-resnet', project: PROJECT, status: 'FINISHED', hardware: 'h100-sxm', devices: 4, hours: 2, params: { lr: '0.01' }, costBasis: 'catalog' });
    expect(byName.get('bert-lr-0.1')).toMatchObject({ experiment: 'rest-bert', hardware: 'a100-80gb', devices: 2, hours: 1, params: { lr: '0.1' } });
    for (const r of runs) expect(r.costUsd).toBeGreaterThan(0);
    // The same price per GPU-hour for both A100 runs: 2 GPUs x 1 h each.
    expect(byName.get('bert-lr-0.01')!.costUsd).toBe(byName.get('bert-lr-0.1')!.costUsd);

    // 4. The Runs page in Chromium: the same runs with the same cost, then one run's chart.
    await app.page.reload();
    await screen.openRunsOf(PROJECT);
    await screen.expectNames(['bert-lr-0.1', 'bert-lr-0.01', 'resnet-h100']);
    expect(await screen.headers()).toContain('Cost');
    for (const r of runs) {
      const cells = await screen.table().locator(`.runs-table__row[data-run-id="${r.id as string}"] .runs-table__td`).allTextContents();
      expect(cells).toContain(formatCost(Math.round((r.cost as number) * 100), r.currency as string));
    }
    await app.screenshot('tracking-to-ui-runs');
    await screen.openRun('resnet-h100');
    await screen.chart('loss').locator('svg path').first().waitFor();
    expect(await screen.chart('loss').locator('figcaption').textContent()).toBe('400 points, all drawn.');
    expect(await screen.statValue('run-cost')).toBe(formatCost(Math.round((byName.get('resnet-h100')!.cost as number) * 100), 'USD'));
    expect(await screen.statValue('run-gpu-hours')).toBe('8.00');
    await app.screenshot('tracking-to-ui-run');
    expect(app.problems).toEqual([]);
  });
});
