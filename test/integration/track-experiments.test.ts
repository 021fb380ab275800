import { afterEach, describe, expect, it } from 'vitest';
import { ensureDefaultExperiment } from '../../electron/backend/services/experiments.service';
import { catalogP50, runCents } from '../support/catalog-price';
import { NOW, trackBackend, type TrackBackend } from './track-support';

describe('experiments through the dispatcher and a real SQLite file', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  it('creates with unique names, gets by id and name, renames and links a scenario', async () => {
    t = trackBackend();
    const p = await t.project('Vision');
    const e = await t.ok('experiments.create', { projectId: p.id, name: ' resnet ', tags: { team: 'cv' } });
    expect(e).toEqual({ id: '1', projectId: p.id, projectName: 'Vision', name: 'resnet', artifactLocation: '', lifecycleStage: 'active', scenarioId: null, creationTime: NOW, lastUpdateTime: NOW, tags: { team: 'cv' }, runCount: 0 });
    expect(await t.ok('experiments.get', { name: 'resnet' })).toEqual(e);
    expect(await t.err('experiments.get', { name: 'nope' })).toMatchObject({ code: 'NOT_FOUND', message: 'No experiment named "nope".' });
    expect(await t.err('experiments.get', { id: '999' })).toMatchObject({ code: 'NOT_FOUND', message: 'No experiment with id 999.' });
    expect(await t.err('experiments.create', { projectId: p.id, name: 'resnet' })).toMatchObject({ code: 'CONFLICT', message: 'An experiment named "resnet" already exists (id 1).' });

    const s = await t.ok('scenarios.create', { projectId: p.id, name: 'plan', kind: 'training', input: { hardware: 'a100-80gb', gpuHours: 100, pricePerGpuHourUsd: 2 } });
    const linked = await t.ok('experiments.update', { id: e.id, patch: { name: 'resnet-50', scenarioId: s.id } });
    expect(linked).toMatchObject({ name: 'resnet-50', scenarioId: s.id });
    const other = await t.project('Other');
    const foreign = await t.ok('scenarios.create', { projectId: other.id, name: 'x', kind: 'training', input: { hardware: 'a100-80gb', gpuHours: 1, pricePerGpuHourUsd: 2 } });
    expect((await t.err('experiments.update', { id: e.id, patch: { scenarioId: foreign.id } })).message).toBe(`Plan: no scenario ${foreign.id} in this experiment's project`);
    await t.ok('scenarios.delete', { id: s.id });
    expect((await t.ok('experiments.get', { id: e.id })).scenarioId).toBeNull();
  });

  it('places an experiment by its tally.project tag, else in a project named like it', async () => {
    t = trackBackend();
    const nlp = await t.project('NLP');
    const tagged = await t.ok('experiments.create', { name: 'bert', tags: { 'tally.project': 'nlp' } });
    expect(tagged.projectId).toBe(nlp.id);
    const fresh = await t.ok('experiments.create', { name: 'speech' });
    expect(fresh.projectName).toBe('speech');
    const created = await t.ok('projects.get', { id: fresh.projectId });
    expect(created.notes).toBe('Created for an MLflow experiment.');
    const newProject = await t.ok('experiments.create', { name: 'gpt', tags: { 'tally.project': 'LLM team' } });
    expect(newProject.projectName).toBe('LLM team');
    // Setting the tag later moves the experiment.
    const moved = await t.ok('experiments.setTag', { id: fresh.id, key: 'tally.project', value: 'NLP' });
    expect(moved).toMatchObject({ projectId: nlp.id, tags: { 'tally.project': 'NLP' } });
    const moves = t.events.flatMap((e) => (e.type === 'experiments.changed' && e.payload.change === 'moved' ? [e.payload.projectId] : []));
    expect(moves).toEqual([fresh.projectId, nlp.id]);
  });

  it('deletes and restores with its runs, refuses the name while deleted, purges for good', async () => {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id, 'old');
    const r1 = await t.run(e.id, { hours: 1 });
    const r2 = await t.run(e.id, { hours: 1 });
    await t.ok('runs.delete', { id: r2.id });
    expect((await t.ok('experiments.delete', { id: e.id })).lifecycleStage).toBe('deleted');
    expect((await t.ok('runs.get', { id: r1.id })).lifecycleStage).toBe('deleted');
    expect((await t.err('experiments.create', { projectId: p.id, name: 'old' })).message).toBe('An experiment named "old" already exists (id 1) in the deleted stage; restore it, or purge it to reuse the name.');
    expect((await t.ok('experiments.list', { projectId: p.id })).experiments).toEqual([]);
    expect((await t.ok('experiments.list', { projectId: p.id, view: 'deleted' })).experiments.map((x) => x.name)).toEqual(['old']);
    expect((await t.ok('runs.list', { projectId: p.id })).total).toBe(0);

    const restored = await t.ok('experiments.restore', { id: e.id });
    expect(restored).toMatchObject({ lifecycleStage: 'active', runCount: 2 });
    expect((await t.ok('runs.get', { id: r2.id })).lifecycleStage).toBe('active');

    expect(await t.err('experiments.purge', { id: e.id })).toMatchObject({ code: 'CONFLICT', message: 'Experiment "old" is active; delete it before purging it for good.' });
    await t.ok('experiments.delete', { id: e.id });
    expect(await t.ok('experiments.purge', { id: e.id })).toEqual({ id: e.id, runsRemoved: 2 });
    expect((await t.err('runs.get', { id: r1.id })).code).toBe('NOT_FOUND');
    const again = await t.experiment(p.id, 'old');
    expect(again.id).toBe('2'); // ids are never reused
  });

  it("makes MLflow's default experiment 0 on first use, once", async () => {
    t = trackBackend();
    const first = ensureDefaultExperiment(t.backend.context);
    expect(first).toMatchObject({ id: '0', name: 'Default', projectName: 'Default', lifecycleStage: 'active' });
    expect(ensureDefaultExperiment(t.backend.context)).toEqual(first);
    expect(await t.ok('experiments.get', { id: '0' })).toEqual(first);
    const r = await t.ok('runs.create', { experimentId: '0' });
    expect(r.experimentName).toBe('Default');
    expect((await t.experiment(first.projectId, 'next')).id).toBe('1');
  });

  it('lists with filters, order and page tokens', async () => {
    t = trackBackend();
    const a = await t.project('A');
    const b = await t.project('B');
    for (const n of ['exp-3', 'exp-1', 'Exp-2', 'other']) await t.experiment(a.id, n);
    await t.experiment(b.id, 'exp-b');
    const byName = await t.ok('experiments.list', { projectId: a.id, orderBy: [{ key: 'name' }] });
    expect(byName.experiments.map((e) => e.name)).toEqual(['Exp-2', 'exp-1', 'exp-3', 'other']);
    const like = await t.ok('experiments.list', { filter: [{ kind: 'attribute', key: 'name', op: 'LIKE', value: 'exp-%' }], orderBy: [{ key: 'experiment_id' }] });
    expect(like.experiments.map((e) => e.name)).toEqual(['exp-3', 'exp-1', 'exp-b']);
    const ilike = await t.ok('experiments.list', { filter: [{ kind: 'attribute', key: 'name', op: 'ILIKE', value: 'EXP-_' }], orderBy: [{ key: 'name', ascending: false }] });
    expect(ilike.experiments.map((e) => e.name)).toEqual(['exp-b', 'exp-3', 'exp-1', 'Exp-2']);
    expect((await t.ok('experiments.list', { nameContains: 'XP-' })).experiments).toHaveLength(4);

    const pages: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.ok('experiments.list', { orderBy: [{ key: 'name' }], maxResults: 2, ...(token ? { pageToken: token } : {}) });
      pages.push(page.experiments.map((e) => e.name).join(','));
      token = page.nextPageToken ?? undefined;
    } while (token);
    expect(pages).toEqual(['Exp-2,exp-1', 'exp-3,exp-b', 'other']);
    const first = await t.ok('experiments.list', { orderBy: [{ key: 'name' }], maxResults: 2 });
    const wrong = await t.err('experiments.list', { orderBy: [{ key: 'creation_time' }], pageToken: first.nextPageToken });
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: 'This page token does not belong to this query; start again without one' });
  });

  it('moves an experiment to another project and prices its runs in that project', async () => {
    t = trackBackend();
    const usd = await t.project('USD project');
    const eur = await t.project('EUR project', { currency: 'EUR' });
    await t.ok('projects.update', { id: eur.id, patch: { usdRate: 0.9, usdRateAsOf: '2026-11-01' } });
    const e = await t.experiment(usd.id);
    const r = await t.run(e.id, { hours: 10, tags: { 'tally.hardware': 'h100-sxm', 'tally.devices': '8' } });
    const h100 = catalogP50('h100-sxm');
    expect(r).toMatchObject({ costCents: runCents(h100, 8, 10), currency: 'USD' });
    const moved = await t.ok('experiments.move', { id: e.id, projectId: eur.id });
    expect(moved.projectId).toBe(eur.id);
    const after = await t.ok('runs.get', { id: r.id });
    expect(after).toMatchObject({ projectId: eur.id, costCents: runCents(h100, 8, 10, 0.9), currency: 'EUR', costUsdCents: runCents(h100, 8, 10) });
    expect(after.cost.assumptions.find((a) => a.name === 'usdRate')).toEqual({ name: 'usdRate', value: 0.9, unit: 'EUR/USD', source: "the project's exchange rate", asOf: '2026-11-01' });
    expect((await t.ok('projects.get', { id: eur.id })).contents).toEqual(expect.arrayContaining([{ kind: 'experiments', label: 'experiments', count: 1 }, { kind: 'runs', label: 'tracked runs', count: 1 }]));
  });
});
