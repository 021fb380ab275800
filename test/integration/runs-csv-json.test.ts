import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../shared/contract/runs';
import type { RunImportResult } from '../../shared/contract/runs-io';
import { seedProjectRuns, type SeedRun } from '../support/seed-runs';
import { tempDir } from '../support/temp';
import { trackBackend, type TrackBackend } from './track-support';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const H = 3_600_000;
const EVIL = "=cmd|' /C calc'!A0";

const RUNS: SeedRun[] = [
  { name: 'lr-0.1', startTime: T0, endTime: T0 + 2 * H, params: { lr: '0.1', cmd: EVIL }, tags: { team: 'vision, cv' }, metrics: { loss: [2, 1, -0.5], acc: [0.1, Number.NaN] }, compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'manual', startTime: T0 + 3 * H, endTime: T0 + 4 * H, params: { lr: '0.01' }, metrics: { loss: [1.5] }, compute: { manualCostCents: 4200, energyKwhMeasured: 3.5 } },
  { name: 'own-duration', status: 'FAILED', startTime: T0 + 5 * H, endTime: T0 + 6 * H, params: { lr: '0.2' }, compute: { hardwareId: 'a100-80gb', devices: 2, durationS: 1800 } },
];

/** What must survive a trip out and back in. */
function essentials(d: RunDetail) {
  return {
    id: d.id,
    name: d.name,
    experiment: d.experimentName,
    status: d.status,
    startTime: d.startTime,
    endTime: d.endTime,
    params: d.params,
    tags: d.tags,
    metrics: d.metrics,
    hardwareId: d.hardwareId,
    devices: d.devices,
    hours: d.hours,
    costCents: d.costCents,
    costBasis: d.costBasis,
    energyKwh: d.energyKwh,
    energyBasis: d.energyBasis,
  };
}

async function details(tb: TrackBackend, ids: readonly string[]) {
  return Promise.all(ids.map((id) => tb.ok('runs.get', { id })));
}

describe('runs.export and runs.import: CSV and JSON', () => {
  const open: Array<{ cleanup(): void }> = [];
  afterEach(() => {
    for (const o of open.splice(0)) o.cleanup();
  });
  const backend = () => {
    const tb = trackBackend();
    open.push(tb);
    return tb;
  };
  const folder = () => {
    const t = tempDir('tally-runs-io-');
    open.push(t);
    return t.dir;
  };

  it('CSV: exported with risky cells neutralised, imported into another workspace as the same runs, and again without duplicating anything', async () => {
    const src = backend();
    const seeded = await seedProjectRuns(src.backend.dispatch, { projectName: 'Vision', experimentName: 'sweep', runs: RUNS });
    const out = await src.ok('runs.export', { projectId: seeded.projectId, format: 'csv' });
    expect(out).toMatchObject({ format: 'csv', fileName: 'vision-runs.csv', runs: 3 });
    expect(out.text).toContain(`,'${EVIL},`);
    expect(out.text).not.toMatch(/(^|,)=cmd/m);
    expect(out.text).toContain(",'-0.5,");
    const file = join(folder(), out.fileName);
    writeFileSync(file, out.text);

    const dst = backend();
    const r: RunImportResult = await dst.ok('runs.import', { kind: 'csv', path: file, projectName: 'Vision copy' });
    expect(r).toMatchObject({ runsCreated: 3, runsUpdated: 0, skipped: [], experiments: [{ name: 'sweep', projectName: 'Vision copy', created: true, runs: 3 }] });
    const before = (await details(src, seeded.runIds)).map(essentials);
    const after = (await details(dst, seeded.runIds)).map(essentials);
    expect(after).toEqual(before);
    expect(after[0]!.params.cmd).toBe(EVIL);

    const again: RunImportResult = await dst.ok('runs.import', { kind: 'csv', path: file });
    expect(again).toMatchObject({ runsCreated: 0, runsUpdated: 3, metricPoints: 0, skipped: [] });
    expect((await details(dst, seeded.runIds)).map(essentials)).toEqual(before);

    // Into the workspace it came from: the single CSV values sit beside the full histories, unchanged.
    const home: RunImportResult = await src.ok('runs.import', { kind: 'csv', path: file });
    expect(home).toMatchObject({ runsCreated: 0, runsUpdated: 3, metricPoints: 0, skipped: [] });
    const loss = await src.ok('runs.metricHistory', { runId: seeded.runIds[0]!, key: 'loss' });
    expect(loss.total).toBe(3);
  });

  it('CSV: bad rows are named by line and field and skipped, the good ones imported; a CSV without its header is refused', async () => {
    const dst = backend();
    const dir = folder();
    const file = join(dir, 'runs.csv');
    writeFileSync(
      file,
      ['id,name,experiment,status,start_time,end_time,param.lr,metric.loss', `${'a'.repeat(32)},ok,e1,FINISHED,2026-11-20T08:00:00Z,2026-11-20T09:00:00Z,0.1,0.5`, `${'b'.repeat(32)},bad,e1,DONE,2026-11-20T08:00:00Z,,0.2,x`, `${'c'.repeat(32)},also-ok,e1,,2026-11-20T08:00:00Z,,,`].join('\n'),
    );
    const r: RunImportResult = await dst.ok('runs.import', { kind: 'csv', path: file });
    expect(r.runsCreated).toBe(2);
    expect(r.skipped).toEqual([
      { what: 'row', path: file, line: 3, field: 'status', reason: '"DONE" is not one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED; the row was skipped' },
      { what: 'row', path: file, line: 3, field: 'metric.loss', reason: '"x" is not a number (NaN, Infinity and -Infinity are allowed); the row was skipped' },
    ]);
    const ok = await dst.ok('runs.get', { id: 'a'.repeat(32) });
    expect(ok).toMatchObject({ name: 'ok', status: 'FINISHED', params: { lr: '0.1' }, metrics: { loss: 0.5 } });
    expect(ok.latestMetrics[0]).toMatchObject({ step: 0, timestamp: Date.parse('2026-11-20T09:00:00Z') });
    expect((await dst.ok('runs.get', { id: 'c'.repeat(32) })).status).toBe('RUNNING');

    const headerless = join(dir, 'plain.csv');
    writeFileSync(headerless, 'name,status\nx,FINISHED\n');
    expect(await dst.err('runs.import', { kind: 'csv', path: headerless })).toMatchObject({ code: 'PARSE_ERROR', location: { file: headerless, line: 1 } });
  });

  it('JSON with histories: a full round trip (compute, notes, every point), idempotent, one bad run named by index and field', async () => {
    const src = backend();
    const seeded = await seedProjectRuns(src.backend.dispatch, { projectName: 'Vision', experimentName: 'sweep', runs: RUNS });
    await src.ok('runs.setNotes', { id: seeded.runIds[0]!, notes: 'baseline' });
    const out = await src.ok('runs.export', { projectId: seeded.projectId, format: 'json', withHistory: true });
    expect(out).toMatchObject({ format: 'json', fileName: 'vision-runs.json', runs: 3 });
    const doc = JSON.parse(out.text) as { project: unknown; runs: Array<Record<string, unknown>> };
    expect(doc.project).toEqual({ name: 'Vision', currency: 'USD' });
    const dir = folder();
    const file = join(dir, out.fileName);
    writeFileSync(file, out.text);

    const dst = backend();
    const r: RunImportResult = await dst.ok('runs.import', { kind: 'json', path: file });
    // loss 3 + acc 2 (run 1), loss 1 (run 2).
    expect(r).toMatchObject({ runsCreated: 3, metricPoints: 6, skipped: [], experiments: [{ name: 'sweep', projectName: 'Vision', created: true }] });
    const a = await details(src, seeded.runIds);
    const b = await details(dst, seeded.runIds);
    expect(b.map(essentials)).toEqual(a.map(essentials));
    expect(b.map((d) => d.compute)).toEqual(a.map((d) => d.compute));
    expect(b[0]!.notes).toBe('baseline');
    for (const key of ['loss', 'acc']) {
      const h1 = await src.ok('runs.metricHistory', { runId: seeded.runIds[0]!, key });
      const h2 = await dst.ok('runs.metricHistory', { runId: seeded.runIds[0]!, key });
      expect(h2.points).toEqual(h1.points);
    }
    const again: RunImportResult = await dst.ok('runs.import', { kind: 'json', path: file });
    expect(again).toMatchObject({ runsCreated: 0, runsUpdated: 3, metricPoints: 0, duplicatePoints: 6 });

    doc.runs[1]!.startTime = 'last tuesday';
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(doc));
    const third = backend();
    const partial: RunImportResult = await third.ok('runs.import', { kind: 'json', path: broken });
    expect(partial.runsCreated).toBe(2);
    expect(partial.skipped).toEqual([{ what: 'run', path: broken, line: null, field: 'runs[1].startTime', reason: expect.stringMatching(/; the run was skipped$/) }]);

    writeFileSync(join(dir, 'bad.json'), '{\n  "format": "tally-runs",\n  "version": 1,\n  runs: []\n}');
    expect(await third.err('runs.import', { kind: 'json', path: join(dir, 'bad.json') })).toMatchObject({ code: 'PARSE_ERROR', location: { line: 4 } });
    writeFileSync(join(dir, 'other.json'), '{"runs": []}');
    expect(await third.err('runs.import', { kind: 'json', path: join(dir, 'other.json') })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('format: not a Tally runs export') });
  });

  it('exports one experiment, deleted runs on request, and refuses histories in CSV', async () => {
    const src = backend();
    const seeded = await seedProjectRuns(src.backend.dispatch, { projectName: 'Vision', experimentName: 'sweep', runs: RUNS });
    await src.ok('runs.delete', { id: seeded.runIds[2]! });
    expect((await src.ok('runs.export', { experimentIds: [seeded.experimentId], format: 'csv' })).runs).toBe(2);
    const all = await src.ok('runs.export', { experimentIds: [seeded.experimentId], format: 'json', view: 'all' });
    expect(all).toMatchObject({ fileName: 'sweep-runs.json', runs: 3 });
    expect((JSON.parse(all.text) as { runs: Array<{ lifecycleStage: string }> }).runs.map((x) => x.lifecycleStage)).toEqual(['active', 'active', 'deleted']);
    expect(await src.err('runs.export', { projectId: seeded.projectId, format: 'csv', withHistory: true })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
