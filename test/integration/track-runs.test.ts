import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, NOW, T0, nextEvent, trackBackend, type TrackBackend } from './track-support';

describe('runs: lifecycle, params, tags, limits and batches through the dispatcher', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  async function setup() {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id, 'mnist');
    return { p, e };
  }

  it('creates, updates, deletes, restores and purges a run as MLflow does', async () => {
    const { p, e } = await setup();
    const r = await t.ok('runs.create', { experimentId: e.id, startTime: T0, userId: 'ana', tags: [{ key: 'mlflow.runName', value: 'baseline' }] });
    expect(r).toMatchObject({ name: 'baseline', status: 'RUNNING', startTime: new Date(T0).toISOString(), endTime: null, userId: 'ana', lifecycleStage: 'active', experimentId: e.id, projectId: p.id });
    expect(r.id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.tags).toEqual({ 'mlflow.runName': 'baseline' });
    const unnamed = await t.ok('runs.create', { experimentId: e.id });
    expect(unnamed.name).toBe(`run-${unnamed.id.slice(0, 8)}`);
    expect(unnamed.startTime).toBe(NOW);

    const done = await t.ok('runs.update', { id: r.id, patch: { status: 'FINISHED', endTime: T0 + HOUR, name: 'baseline v2' } });
    expect(done).toMatchObject({ status: 'FINISHED', endTime: new Date(T0 + HOUR).toISOString(), name: 'baseline v2', tags: { 'mlflow.runName': 'baseline v2' } });
    await t.ok('runs.setTag', { runId: r.id, key: 'mlflow.runName', value: 'from tag' });
    expect((await t.ok('runs.get', { id: r.id })).name).toBe('from tag');

    await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'loss', value: 1, timestamp: T0, step: 0 }] });
    expect(await t.ok('runs.delete', { id: r.id })).toEqual({ id: r.id, lifecycleStage: 'deleted' });
    expect((await t.ok('runs.get', { id: r.id })).deletedTime).toBe(NOW);
    const active = await t.ok('runs.list', { experimentIds: [e.id] });
    expect(active.runs.map((x) => x.id)).toEqual([unnamed.id]);
    expect((await t.ok('runs.list', { experimentIds: [e.id], view: 'deleted' })).runs.map((x) => x.id)).toEqual([r.id]);
    expect((await t.ok('runs.list', { experimentIds: [e.id], view: 'all' })).total).toBe(2);

    const refused = await t.err('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '1' }] });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: `The run ${r.id} is deleted; restore it before writing to it.` });
    expect(await t.ok('runs.restore', { id: r.id })).toEqual({ id: r.id, lifecycleStage: 'active' });
    expect((await t.ok('runs.get', { id: r.id })).deletedTime).toBeNull();

    expect(await t.err('runs.purge', { ids: [r.id] })).toMatchObject({ code: 'CONFLICT', message: `Run "from tag" (${r.id}) is active; delete it before purging it for good.` });
    await t.ok('runs.delete', { id: r.id });
    expect(await t.ok('runs.purge', { ids: [r.id] })).toEqual({ purged: 1 });
    expect(await t.err('runs.get', { id: r.id })).toMatchObject({ code: 'NOT_FOUND', message: `No run with id ${r.id}.` });
    const db = new Database(join(t.dir, 'tally.db'), { readonly: true });
    for (const table of ['latest_metrics', 'metric_hot', 'metric_chunks', 'run_tags', 'run_params']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE run_id = ?`).get(r.id)).toEqual({ n: 0 });
    }
    db.close();
  });

  it('keeps params immutable, as MLflow does', async () => {
    const { e } = await setup();
    const r = await t.run(e.id);
    await t.ok('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '0.1' }] });
    await t.ok('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '0.1' }, { key: 'lr', value: '0.1' }] });
    const changed = await t.err('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '0.2' }] });
    expect(changed).toMatchObject({
      code: 'INVALID_INPUT',
      message: `Changing param values is not allowed. Param with key='lr' was already logged with value='0.1' for run ID='${r.id}'. Attempted logging new value '0.2'.`,
    });
    const twice = await t.err('runs.logBatch', { runId: r.id, params: [{ key: 'bs', value: '32' }, { key: 'bs', value: '64' }] });
    expect(twice.message).toBe(`Changing param values is not allowed. Param with key='bs' was given twice in this batch for run ID='${r.id}', with values '32' and '64'.`);
    expect((await t.ok('runs.get', { id: r.id })).params).toEqual({ lr: '0.1' });
  });

  it('overwrites and deletes tags', async () => {
    const { e } = await setup();
    const r = await t.run(e.id);
    await t.ok('runs.setTag', { runId: r.id, key: 'team', value: 'vision' });
    await t.ok('runs.logBatch', { runId: r.id, tags: [{ key: 'team', value: 'nlp' }, { key: 'gpu', value: 'yes' }] });
    expect((await t.ok('runs.get', { id: r.id })).tags).toMatchObject({ team: 'nlp', gpu: 'yes' });
    await t.ok('runs.deleteTag', { runId: r.id, key: 'gpu' });
    expect((await t.ok('runs.get', { id: r.id })).tags.gpu).toBeUndefined();
    expect(await t.err('runs.deleteTag', { runId: r.id, key: 'gpu' })).toMatchObject({ code: 'NOT_FOUND', message: `No tag with name: gpu in run with id ${r.id}.` });
  });

  it("refuses what breaks MLflow's limits, naming the key", async () => {
    const { e } = await setup();
    const r = await t.run(e.id);
    const m = (key: string) => ({ key, value: 1, timestamp: T0, step: 0 });
    const long = 'k'.repeat(251);
    const cases: Array<[unknown, string]> = [
      [{ metrics: [m(long)] }, `metric key "${'k'.repeat(40)}..." is 251 characters; the limit is 250`],
      [{ params: [{ key: 'prompt', value: 'x'.repeat(6001) }] }, 'Param "prompt": the value is 6001 characters; the limit is 6000'],
      [{ tags: [{ key: 'desc', value: 'x'.repeat(8001) }] }, 'Tag "desc": the value is 8001 characters; the limit is 8000'],
      [{ metrics: Array.from({ length: 1001 }, (_, i) => ({ ...m('loss'), step: i })) }, 'A batch may hold at most 1000 metrics; this one has 1001'],
      [{ params: Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: '1' })) }, 'A batch may hold at most 100 params; this one has 101'],
      [{ tags: Array.from({ length: 101 }, (_, i) => ({ key: `t${i}`, value: '1' })) }, 'A batch may hold at most 100 tags; this one has 101'],
      [{ metrics: Array.from({ length: 950 }, (_, i) => ({ ...m('loss'), step: i })), params: Array.from({ length: 60 }, (_, i) => ({ key: `p${i}`, value: '1' })) }, 'A batch may hold at most 1000 metrics, params and tags together; this one has 1010'],
      [{ metrics: [m('a//b')] }, 'Invalid metric key "a//b": it may not start or end with a slash, hold "//", or have "." or ".." between slashes'],
      [{ params: [{ key: '../etc', value: '1' }] }, 'Invalid param key "../etc": it may not start or end with a slash, hold "//", or have "." or ".." between slashes'],
      [{ tags: [{ key: 'a$b', value: '1' }] }, 'Invalid tag key "a$b": names may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)'],
    ];
    for (const [batch, message] of cases) {
      const got = await t.err('runs.logBatch', { runId: r.id, ...(batch as object) });
      expect(got, message).toMatchObject({ code: 'INVALID_INPUT', message });
    }
    // Within the limits, and keys MLflow accepts (unicode letters, spaces, colons, slashes).
    await t.ok('runs.logBatch', { runId: r.id, metrics: [m('k'.repeat(250)), m('système/gpu 0:util')], params: [{ key: 'prompt', value: 'x'.repeat(6000) }], tags: [{ key: 'desc', value: 'x'.repeat(8000) }] });
  });

  it('applies a batch atomically: one bad part and nothing of it is stored', async () => {
    const { e } = await setup();
    const r = await t.run(e.id);
    await t.ok('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '0.1' }] });
    await t.err('runs.logBatch', { runId: r.id, metrics: [{ key: 'loss', value: 0.5, timestamp: T0, step: 1 }], params: [{ key: 'lr', value: '0.3' }, { key: 'bs', value: '8' }], tags: [{ key: 'team', value: 'x' }] });
    const d = await t.ok('runs.get', { id: r.id });
    expect(d.params).toEqual({ lr: '0.1' });
    expect(d.tags.team).toBeUndefined();
    expect(d.latestMetrics).toEqual([]);
    expect((await t.ok('runs.metricHistory', { runId: r.id, key: 'loss' })).total).toBe(0);
  });

  it('reads tally.* tags as the compute a run used, and never loses a run over a bad value', async () => {
    const { e } = await setup();
    const r = await t.run(e.id, { hours: 2, tags: { 'tally.hardware': 'H100-SXM', 'tally.devices': 'eight', 'tally.price_per_device_hour': 'cheap' } });
    expect(r).toMatchObject({ hardwareId: 'h100-sxm', hardwareName: 'NVIDIA H100 SXM5 80GB', devices: null });
    expect(r.compute.note).toBe('tally.devices: "eight" is not a whole number of devices (1 or more); ignored\ntally.price_per_device_hour: "cheap" is not a price in US dollars per device-hour (e.g. 2.49); ignored');
    expect(r.cost.assumptions.filter((a) => a.name === 'note').map((a) => a.value)).toHaveLength(2);
    await t.ok('runs.setTag', { runId: r.id, key: 'tally.devices', value: '4' });
    const fixed = await t.ok('runs.get', { id: r.id });
    expect(fixed.devices).toBe(4);
    expect(fixed.compute.note).toBe('tally.price_per_device_hour: "cheap" is not a price in US dollars per device-hour (e.g. 2.49); ignored');

    const unknown = await t.run(e.id, { hours: 1, tags: { 'tally.hardware': 'my-cluster' } });
    expect(unknown).toMatchObject({ hardwareId: 'my-cluster', hardwareName: null, costCents: null, costBasis: 'unknown' });
    expect(unknown.costUnknownReason).toBe('hardware "my-cluster" is not in the catalog: pick a catalog device, add it, or set a price per device-hour');

    // The UI's compute setter writes the tags back, so MLflow clients read the same.
    const set = await t.ok('runs.setCompute', { id: unknown.id, compute: { hardwareId: 'a100-80gb', devices: 2, pricePerDeviceHourUsd: 1.5 } });
    expect(set.tags).toMatchObject({ 'tally.hardware': 'a100-80gb', 'tally.devices': '2', 'tally.price_per_device_hour': '1.5' });
    expect(set).toMatchObject({ costBasis: 'per-run-price', costCents: 300 });
    const cleared = await t.ok('runs.setCompute', { id: unknown.id, compute: { pricePerDeviceHourUsd: null } });
    expect(cleared.tags['tally.price_per_device_hour']).toBeUndefined();
    expect(cleared.costBasis).toBe('catalog');
  });

  it("keeps notes and MLflow's note tag equal, and stores dataset inputs", async () => {
    const { e } = await setup();
    const r = await t.run(e.id);
    expect((await t.ok('runs.setNotes', { id: r.id, notes: 'lr too high' })).tags['mlflow.note.content']).toBe('lr too high');
    await t.ok('runs.setTag', { runId: r.id, key: 'mlflow.note.content', value: 'fixed in v2' });
    expect((await t.ok('runs.get', { id: r.id })).notes).toBe('fixed in v2');
    await t.ok('runs.logInputs', { runId: r.id, datasets: [{ name: 'mnist', digest: 'd1', context: 'train', sourceType: 'local', source: '/data/mnist' }, { name: 'mnist', digest: 'd1', context: 'eval' }] });
    await t.ok('runs.logInputs', { runId: r.id, datasets: [{ name: 'mnist', digest: 'd1', context: 'train', sourceType: 'local', source: '/data/mnist-v2' }] });
    expect((await t.ok('runs.get', { id: r.id })).inputs).toEqual([
      { name: 'mnist', digest: 'd1', context: 'eval', sourceType: '', source: '', schema: '', profile: '' },
      { name: 'mnist', digest: 'd1', context: 'train', sourceType: 'local', source: '/data/mnist-v2', schema: '', profile: '' },
    ]);
  });

  it('tells the renderer what changed: experiments at once, runs coalesced', async () => {
    const { p, e } = await setup();
    expect(t.events).toContainEqual({ type: 'experiments.changed', payload: { projectId: p.id, experimentId: e.id, change: 'created' } });
    const r = await t.run(e.id);
    const first = await nextEvent(t, (x) => x.type === 'runs.changed');
    expect(first).toEqual({ type: 'runs.changed', payload: { projectId: p.id, experimentId: e.id, runIds: [r.id], allRuns: false } });
    // A storm of 200 writes in one window arrives as one coalesced event per window, not 200.
    const before = t.events.filter((x) => x.type === 'runs.changed').length;
    await Promise.all(Array.from({ length: 200 }, (_, i) => t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'loss', value: i, timestamp: T0 + i, step: i }] })));
    const last = await nextEvent(t, (x) => x.type === 'runs.changed' && t.events.indexOf(x) >= before);
    expect(last.payload).toEqual({ projectId: p.id, experimentId: e.id, runIds: [r.id], allRuns: false });
    expect(t.events.filter((x) => x.type === 'runs.changed').length - before).toBeLessThanOrEqual(2);
  });
});
