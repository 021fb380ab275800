import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TRACKING_TOKEN, trackingFixture } from '../support/tracking';

/**
 * The npm `mlflow` client 2.0.7, unchanged, against the real server: it posts JSON, sends GET
 * fields as a query string (with run_uuid beside run_id) and our token as a Bearer header.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface MlflowClient {
  Experiments: Record<string, (args?: Json) => Promise<Json>>;
  Runs: Record<string, (args?: Json) => Promise<Json>>;
  Metrics: Record<string, (args?: Json) => Promise<Json>>;
}
const MLflow = createRequire(import.meta.url)('mlflow') as new (opts: { endpoint: string; headers?: Record<string, string> }) => MlflowClient;

const T0 = Date.parse('2026-11-30T08:00:00.000Z');

describe('npm mlflow client 2.0.7', () => {
  let f: Awaited<ReturnType<typeof trackingFixture>>;
  let client: MlflowClient;

  beforeAll(async () => {
    f = await trackingFixture();
    client = new MLflow({ endpoint: f.server.url, headers: { Authorization: `Bearer ${TRACKING_TOKEN}` } });
    // The client prints every POST body with console.log; keep the test output readable.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await f.cleanup();
  });

  it('creates an experiment, logs a run, searches it and reads its history', async () => {
    const { Experiments, Runs, Metrics } = client;
    const { experiment_id } = await Experiments.create!({ name: 'npm-client' });
    expect(experiment_id).toMatch(/^\d+$/);
    await Experiments.setExperimentTag!({ experiment_id, key: 'team', value: 'vision' });
    const { experiment } = await Experiments.get!({ experiment_id });
    expect(experiment).toMatchObject({ experiment_id, name: 'npm-client', lifecycle_stage: 'active', tags: [{ key: 'team', value: 'vision' }] });
    const listed = await Experiments.list!();
    expect((listed.experiments as Json[]).map((e) => e.name)).toContain('npm-client');

    const { run } = await Runs.create!({ experiment_id, user_id: 'npm', start_time: T0, tags: [{ key: 'tally.hardware', value: 'l4' }] });
    const runId = run.info.run_id as string;
    expect(run.info).toMatchObject({ run_uuid: runId, status: 'RUNNING', experiment_id });
    expect(await Runs.logParameter!({ run_id: runId, key: 'lr', value: '0.001' })).toEqual({});
    expect(await Runs.setTag!({ run_id: runId, key: 'stage', value: 'try' })).toEqual({});
    for (let step = 0; step < 5; step++) {
      expect(await Runs.logMetric!({ run_id: runId, key: 'loss', value: 1 / (step + 1), timestamp: T0 + step * 1000, step })).toEqual({});
    }
    // 998 metrics + 1 param + 1 tag: MLflow's 1000 entities per batch, exactly.
    const metrics = Array.from({ length: 998 }, (_, i) => ({ key: 'val_loss', value: i / 1000, timestamp: T0 + i, step: i }));
    expect(await Runs.logBatch!({ run_id: runId, metrics, params: [{ key: 'batch', value: '64' }], tags: [{ key: 'temp', value: '1' }] })).toEqual({});
    expect(await Runs.deleteTag!({ run_id: runId, key: 'temp' })).toEqual({});

    const found = await Runs.search!({ experiment_ids: [experiment_id], filter: "params.lr = '0.001' and metrics.loss < 0.5", order_by: ['metrics.loss ASC'], max_results: 5 });
    expect((found.runs as Json[]).map((r) => r.info.run_id)).toEqual([runId]);
    const fetched = (found.runs as Json[])[0]!;
    expect(fetched.data.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.001' }, { key: 'batch', value: '64' }]));
    expect(fetched.data.tags.map((t: Json) => t.key)).not.toContain('temp');
    expect(fetched.data.metrics).toEqual(expect.arrayContaining([{ key: 'loss', value: 0.2, timestamp: T0 + 4000, step: 4 }]));

    const history = await Metrics.getHistory!({ run_id: runId, metric_key: 'loss' });
    expect(history.metrics).toEqual([0, 1, 2, 3, 4].map((step) => ({ key: 'loss', value: 1 / (step + 1), timestamp: T0 + step * 1000, step })));
    const long = await Metrics.getHistory!({ run_id: runId, metric_key: 'val_loss' });
    expect(long.metrics).toHaveLength(998);
    expect((long.metrics as Json[])[997]).toEqual({ key: 'val_loss', value: 0.997, timestamp: T0 + 997, step: 997 });
    expect(long).not.toHaveProperty('next_page_token');

    const { run_info } = await Runs.update!({ run_id: runId, status: 'FINISHED', end_time: T0 + 3_600_000 });
    expect(run_info).toMatchObject({ status: 'FINISHED', end_time: T0 + 3_600_000 });
    expect((await Runs.get!({ run_id: runId })).run.info.status).toBe('FINISHED');

    expect(await Runs.delete!({ run_id: runId })).toEqual({});
    expect((await Runs.get!({ run_id: runId })).run.info.lifecycle_stage).toBe('deleted');
    expect((await Runs.search!({ experiment_ids: [experiment_id] })).runs).toEqual([]);
    expect(await Runs.restore!({ run_id: runId })).toEqual({});

    expect(await Experiments.update!({ experiment_id, new_name: 'npm-client-renamed' })).toEqual({});
    expect(await Experiments.delete!({ experiment_id })).toEqual({});
    expect((await Experiments.get!({ experiment_id })).experiment).toMatchObject({ name: 'npm-client-renamed', lifecycle_stage: 'deleted' });
    expect(await Experiments.restore!({ experiment_id })).toEqual({});
  });

  it('surfaces MLflow error JSON with its status, as the client reports it', async () => {
    const err = await client.Runs.get!({ run_id: 'f'.repeat(32) }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const payload = JSON.parse((err as Error).message.replace(/^Error: /, ''));
    expect(payload).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  });
});
