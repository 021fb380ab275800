import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../electron/host/cli/commands';
import { runCli } from '../support/cli';
import { mlflowRest, TRACKING_TOKEN, trackingFixture } from '../support/tracking';

/**
 * A client that speaks MLflow's REST API exactly as documented (plain fetch, no MLflow code),
 * doing what the Python client does for `mlflow.set_experiment(...)`, `with mlflow.start_run():`,
 * `mlflow.log_params / log_metrics / set_tags`, `mlflow.search_runs` and
 * `MlflowClient.get_metric_history`, against the real server on a real SQLite file.
 */
type Fixture = Awaited<ReturnType<typeof trackingFixture>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const T0 = Date.parse('2026-11-30T08:00:00.000Z');
const HOUR = 3_600_000;

describe('MLflow REST API, as documented', () => {
  let f: Fixture;
  let call: ReturnType<typeof mlflowRest>;
  let experimentId: string;
  const runs: Array<{ id: string; lr: string; loss: number }> = [];

  beforeAll(async () => {
    f = await trackingFixture();
    call = mlflowRest(f.server.url, TRACKING_TOKEN);
  });
  afterAll(async () => {
    await f.cleanup();
  });

  it('set_experiment: get-by-name answers 404 RESOURCE_DOES_NOT_EXIST, then the client creates it', async () => {
    const missing = await call('GET', '/experiments/get-by-name', { experiment_name: 'vision-sweep' });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Could not find experiment with name 'vision-sweep'" });
    const created = await call('POST', '/experiments/create', { name: 'vision-sweep', tags: [{ key: 'tally.project', value: 'Vision' }] });
    expect(created.status).toBe(200);
    experimentId = (created.json as Json).experiment_id;
    expect(typeof experimentId).toBe('string');
    const found = await call('GET', '/experiments/get-by-name', { experiment_name: 'vision-sweep' });
    expect(found.json.experiment).toMatchObject({
      experiment_id: experimentId,
      name: 'vision-sweep',
      lifecycle_stage: 'active',
      tags: expect.arrayContaining([{ key: 'tally.project', value: 'Vision' }]),
    });
    const again = await call('POST', '/experiments/create', { name: 'vision-sweep' });
    expect(again.status).toBe(400);
    expect(again.json.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('start_run: runs/create answers the run with run_id and run_uuid, RUNNING', async () => {
    const settings = [
      { lr: '0.01', loss: 0.31, hardware: 'a100-80gb', devices: '2', price: '2.50' },
      { lr: '0.01', loss: 0.42, hardware: 'a100-80gb', devices: '1', price: null },
      { lr: '0.1', loss: 0.27, hardware: null, devices: null, price: null },
    ];
    for (const [i, s] of settings.entries()) {
      const tags = [
        { key: 'mlflow.user', value: 'ana' },
        { key: 'mlflow.source.name', value: 'train.py' },
        ...(s.hardware ? [{ key: 'tally.hardware', value: s.hardware }] : []),
        ...(s.devices ? [{ key: 'tally.devices', value: s.devices }] : []),
        ...(s.price ? [{ key: 'tally.price_per_device_hour', value: s.price }] : []),
      ];
      const r = await call('POST', '/runs/create', { experiment_id: experimentId, user_id: 'ana', start_time: T0 + i * HOUR, run_name: `lr-${s.lr}-${i}`, tags });
      expect(r.status).toBe(200);
      const run = r.json.run as Json;
      expect(run.info).toMatchObject({ experiment_id: experimentId, status: 'RUNNING', run_name: `lr-${s.lr}-${i}`, lifecycle_stage: 'active', start_time: T0 + i * HOUR, user_id: 'ana' });
      expect(run.info.run_id).toMatch(/^[0-9a-f]{32}$/);
      expect(run.info.run_uuid).toBe(run.info.run_id);
      expect(run.info.artifact_uri).toBe(`tally-stores-no-artifacts:/${run.info.run_id}`);
      expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'mlflow.runName', value: `lr-${s.lr}-${i}` }]));
      runs.push({ id: run.info.run_id, lr: s.lr, loss: s.loss });
    }
  });

  it('log_params / log_metrics / set_tags: log-batch answers {} and the run shows them', async () => {
    for (const [i, r] of runs.entries()) {
      const batch = await call('POST', '/runs/log-batch', {
        run_id: r.id,
        params: [{ key: 'lr', value: r.lr }, { key: 'optimizer', value: 'adamw' }],
        metrics: [{ key: 'loss', value: r.loss, timestamp: T0 + i * HOUR + 60_000, step: 1 }],
        tags: [{ key: 'team', value: 'vision' }],
      });
      expect(batch).toEqual({ status: 200, json: {} });
    }
    expect(await call('POST', '/runs/log-parameter', { run_id: runs[0]!.id, key: 'epochs', value: '3' })).toEqual({ status: 200, json: {} });
    expect(await call('POST', '/runs/set-tag', { run_id: runs[0]!.id, key: 'note', value: 'first' })).toEqual({ status: 200, json: {} });
    expect(await call('POST', '/runs/log-metric', { run_id: runs[0]!.id, key: 'acc', value: 0.9, timestamp: T0 + 120_000, step: 2 })).toEqual({ status: 200, json: {} });
    const got = (await call('GET', '/runs/get', { run_id: runs[0]!.id })).json.run as Json;
    expect(got.data.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.01' }, { key: 'optimizer', value: 'adamw' }, { key: 'epochs', value: '3' }]));
    expect(got.data.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'vision' }, { key: 'note', value: 'first' }]));
    expect(got.data.metrics).toEqual(
      expect.arrayContaining([
        { key: 'loss', value: 0.31, timestamp: T0 + 60_000, step: 1 },
        { key: 'acc', value: 0.9, timestamp: T0 + 120_000, step: 2 },
      ]),
    );
    const changed = await call('POST', '/runs/log-parameter', { run_id: runs[0]!.id, key: 'lr', value: '0.02' });
    expect(changed.status).toBe(400);
    expect(changed.json.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('splits a long series at the limits: 1000 metrics per batch pass, 1001 are refused', async () => {
    const points = Array.from({ length: 2500 }, (_, s) => ({ key: 'curve', value: 1 / (s + 1), timestamp: T0 + s, step: s }));
    for (let at = 0; at < points.length; at += 1000) {
      const r = await call('POST', '/runs/log-batch', { run_id: runs[0]!.id, metrics: points.slice(at, at + 1000) });
      expect(r.status, `batch at ${at}`).toBe(200);
    }
    const over = await call('POST', '/runs/log-batch', { run_id: runs[0]!.id, metrics: points.slice(0, 1001) });
    expect(over.status).toBe(400);
    expect(over.json.message).toBe(
      'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.',
    );
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: 'x' }));
    expect((await call('POST', '/runs/log-batch', { run_id: runs[1]!.id, params })).status).toBe(400);
    expect((await call('POST', '/runs/log-batch', { run_id: runs[1]!.id, params: params.slice(0, 100) })).status).toBe(200);
  });

  it('refuses oversized keys and values with 400, and stores nothing of that batch', async () => {
    const cases: Array<[Json, string]> = [
      [{ params: [{ key: 'big', value: 'v'.repeat(6001) }] }, 'Param value'],
      [{ tags: [{ key: 'big', value: 'v'.repeat(8001) }] }, 'Tag value'],
      [{ metrics: [{ key: 'k'.repeat(251), value: 1, timestamp: T0 }] }, 'Metric name'],
      [{ params: [{ key: 'k'.repeat(251), value: '1' }] }, 'Param key'],
    ];
    for (const [body, what] of cases) {
      const r = await call('POST', '/runs/log-batch', { run_id: runs[2]!.id, ...body, tags: [...(body.tags ?? []), { key: 'should-not-land', value: '1' }] });
      expect(r.status, what).toBe(400);
      expect(r.json.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(r.json.message).toContain(`${what} '`);
    }
    const single = await call('POST', '/runs/set-tag', { run_id: runs[2]!.id, key: 'big', value: 'v'.repeat(8001) });
    expect(single.status).toBe(400);
    const run = (await call('GET', '/runs/get', { run_id: runs[2]!.id })).json.run as Json;
    expect(run.data.tags.map((t: Json) => t.key)).not.toContain('should-not-land');
    expect(run.data.params.map((t: Json) => t.key)).not.toContain('big');
  });

  it('search_runs with a filter and order_by answers the matching runs in order', async () => {
    const r = await call('POST', '/runs/search', {
      experiment_ids: [experimentId],
      filter: "params.lr = '0.01' AND metrics.loss < 1 AND attributes.status = 'RUNNING'",
      order_by: ['metrics.loss DESC'],
      max_results: 10,
    });
    expect(r.status).toBe(200);
    expect((r.json.runs as Json[]).map((x) => x.info.run_id)).toEqual([runs[1]!.id, runs[0]!.id]);
    expect(r.json).not.toHaveProperty('next_page_token');
    const byStart = await call('POST', '/runs/search', { experiment_ids: [experimentId], order_by: ['attributes.start_time ASC'], max_results: 2 });
    expect((byStart.json.runs as Json[]).map((x) => x.info.run_id)).toEqual([runs[0]!.id, runs[1]!.id]);
    const rest = await call('POST', '/runs/search', { experiment_ids: [experimentId], order_by: ['attributes.start_time ASC'], max_results: 2, page_token: byStart.json.next_page_token });
    expect((rest.json.runs as Json[]).map((x) => x.info.run_id)).toEqual([runs[2]!.id]);
    const bad = await call('POST', '/runs/search', { experiment_ids: [experimentId], filter: "metrics.loss < 1 OR params.lr = '0.1'" });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid clause(s) in filter string: 'OR'" });
  });

  it('log_input stores the dataset names; searching by dataset is refused by name, IS NOT NULL works', async () => {
    const logged = await call('POST', '/runs/log-inputs', {
      run_id: runs[0]!.id,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset: { name: 'cifar10', digest: 'a1b2c3', source_type: 'local', source: '/data/cifar10' } }],
    });
    expect(logged).toEqual({ status: 200, json: {} });
    const run = (await call('GET', '/runs/get', { run_id: runs[0]!.id })).json.run as Json;
    expect(run.inputs.dataset_inputs).toEqual([
      { tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset: { name: 'cifar10', digest: 'a1b2c3', source_type: 'local', source: '/data/cifar10' } },
    ]);
    const byDataset = await call('POST', '/runs/search', { experiment_ids: [experimentId], filter: "datasets.name = 'cifar10'" });
    expect(byDataset).toEqual({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: "Tally's tracking API cannot search by datasets.name yet." } });
    const withNote = await call('POST', '/runs/search', { experiment_ids: [experimentId], filter: 'tags.note IS NOT NULL' });
    expect((withNote.json.runs as Json[]).map((x) => x.info.run_id)).toEqual([runs[0]!.id]);
  });

  it('experiment "0" is the Default experiment, there when a client logs without choosing one', async () => {
    const got = await call('GET', '/experiments/get', { experiment_id: '0' });
    expect(got.status).toBe(200);
    expect(got.json.experiment).toMatchObject({ name: 'Default', lifecycle_stage: 'active' });
    const run = await call('POST', '/runs/create', { experiment_id: '0', start_time: T0 });
    expect((run.json.run as Json).info.experiment_id).toBe((got.json.experiment as Json).experiment_id);
    const found = await call('POST', '/runs/search', { experiment_ids: ['0'] });
    expect((found.json.runs as Json[]).map((x) => x.info.run_id)).toEqual([(run.json.run as Json).info.run_id]);
    expect((await call('POST', '/runs/delete', { run_id: (run.json.run as Json).info.run_id })).status).toBe(200);
    const missing = await call('GET', '/experiments/get', { experiment_id: 'no-such' });
    expect(missing.status).toBe(404);
    expect(missing.json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('get_metric_history pages with next_page_token and returns every point once, in step order', async () => {
    const seen: Json[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call('GET', '/metrics/get-history', { run_id: runs[0]!.id, metric_key: 'curve', max_results: 1000, ...(token ? { page_token: token } : {}) });
      expect(r.status).toBe(200);
      seen.push(...(r.json.metrics as Json[]));
      token = r.json.next_page_token as string | undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(2500);
    expect(seen[0]).toEqual({ key: 'curve', value: 1, timestamp: T0, step: 0 });
    expect(seen.map((m) => m.step)).toEqual(Array.from({ length: 2500 }, (_, s) => s));
    expect(seen[2499]!.value).toBe(1 / 2500);
  });

  it('get-history-bulk-interval samples steps across runs as MLflow does, keeping each run\'s first and last', async () => {
    const r = await call('GET', '/metrics/get-history-bulk-interval', { run_ids: [runs[0]!.id], metric_key: 'curve', max_results: 10 });
    expect(r.status).toBe(200);
    const steps = (r.json.metrics as Json[]).map((m) => m.step);
    expect(steps).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2499]);
    expect((r.json.metrics as Json[])[1]).toEqual({ key: 'curve', value: 1 / 251, timestamp: T0 + 250, step: 250, run_id: runs[0]!.id });
    const ranged = await call('GET', '/metrics/get-history-bulk-interval', { run_ids: [runs[0]!.id], metric_key: 'curve', start_step: 10, end_step: 12 });
    expect((ranged.json.metrics as Json[]).map((m) => m.step)).toEqual([10, 11, 12]);
    const half = await call('GET', '/metrics/get-history-bulk-interval', { run_ids: [runs[0]!.id], metric_key: 'curve', start_step: 10 });
    expect(half.status).toBe(400);
  });

  it('the end of `with mlflow.start_run()`: runs/get, then runs/update FINISHED with end_time', async () => {
    for (const [i, r] of runs.entries()) {
      const got = await call('GET', '/runs/get', { run_id: r.id });
      expect((got.json.run as Json).info.status).toBe('RUNNING');
      const endTime = T0 + i * HOUR + 1.5 * HOUR;
      const done = await call('POST', '/runs/update', { run_id: r.id, run_uuid: r.id, status: 'FINISHED', end_time: endTime });
      expect(done.status).toBe(200);
      expect(done.json.run_info).toMatchObject({ run_id: r.id, run_uuid: r.id, status: 'FINISHED', end_time: endTime, start_time: T0 + i * HOUR });
    }
  });

  it('the store holds the runs with their cost where tally.hardware and tally.devices were given', async () => {
    const r = await f.backend.dispatch('runs.list', { experimentIds: [experimentId], orderBy: [{ kind: 'attribute', key: 'start_time', ascending: true }] });
    expect(r.ok).toBe(true);
    const rows = (r as { value: { runs: Json[] } }).value.runs;
    expect(rows.map((x) => x.id)).toEqual(runs.map((x) => x.id));
    // tally.price_per_device_hour 2.50 x 2 devices x 1.5 h = $7.50, to the cent.
    expect(rows[0]).toMatchObject({ projectId: expect.any(String), status: 'FINISHED', hardwareId: 'a100-80gb', devices: 2, hours: 1.5, costUsdCents: 750 });
    expect(rows[1]!.costUsdCents).toBeGreaterThan(0);
    expect(rows[2]!.costUsdCents).toBeNull();
  });

  // `tally runs list` comes with the runs store's CLI; this checks it once that command exists.
  it.runIf(commands.some((c) => c.name === 'runs'))('tally runs list --json shows the runs, with cost where tally.hardware and tally.devices were given', async () => {
    const out = await runCli(['runs', 'list', '--experiment', 'vision-sweep', '--json'], { dataDir: f.dir });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const listed = JSON.parse(out.stdout).runs as Json[];
    expect(listed.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
    const byId = new Map(listed.map((r) => [r.id, r]));
    expect(byId.get(runs[0]!.id)).toMatchObject({ experiment: 'vision-sweep', project: 'Vision', status: 'FINISHED', hardware: 'a100-80gb', devices: 2, hours: 1.5, costUsd: 7.5 });
    expect(byId.get(runs[0]!.id)!.params).toMatchObject({ lr: '0.01', epochs: '3' });
    expect(byId.get(runs[1]!.id)!.costUsd).toBeGreaterThan(0);
    expect(byId.get(runs[2]!.id)!.costUsd).toBeNull();
  });
});
