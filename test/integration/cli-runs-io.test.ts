import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { writeExperiment } from '../support/mlruns-writer';
import { tempDir } from '../support/temp';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const H = 3_600_000;
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const EVIL = "=cmd|' /C calc'!A0";

function cleanTree(root: string) {
  writeExperiment(root, {
    id: '7',
    name: 'sweep',
    runs: [
      { id: A, name: 'good', startTime: T0, endTime: T0 + H, params: { lr: '0.1', cmd: EVIL }, tags: { 'tally.hardware': 'h100-sxm', 'tally.devices': '2' }, metrics: { loss: [[T0, 0.5, 0], [T0 + 1, 0.25, 1]] } },
    ],
  });
}

describe('tally runs import and export', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('exit 0 when every run was imported (again too), 1 when entries were skipped, 2 when the input is unusable', async () => {
    t = tempDir();
    const data = join(t.dir, 'data');
    const root = join(t.dir, 'mlruns');
    cleanTree(root);
    const first = await runCli(['runs', 'import', 'mlruns', root, '--project', 'Vision'], { dataDir: data });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`Imported 1 new run from ${root}: 2 metric points, 2 params, 3 tags.\n  sweep -> project "Vision" (new experiment): 1 run\n`);
    const again = await runCli(['runs', 'import', 'mlruns', root, '--json'], { dataDir: data });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ kind: 'mlruns', runsCreated: 0, runsUpdated: 1, metricPoints: 0, duplicatePoints: 2, skipped: [] });

    writeExperiment(root, { id: '8', name: 'broken', runs: [{ id: B, startTime: T0, rawMetrics: { loss: `${T0} 1 0\nabc 1 x\n` } }] });
    const partial = await runCli(['runs', 'import', 'mlruns', root], { dataDir: data });
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain(`Skipped 1 entry:\n  ${join(root, '8', B, 'metrics', 'loss')}:2  metric loss: "abc 1 x": the timestamp "abc" is not a whole number; none of this metric's points were imported\n`);

    const missing = await runCli(['runs', 'import', 'mlruns', join(t.dir, 'nowhere')], { dataDir: data });
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: `tally runs: There is no folder ${join(t.dir, 'nowhere')}.\n` });
    const notCsv = join(t.dir, 'plain.csv');
    writeFileSync(notCsv, 'name\nx\n');
    expect((await runCli(['runs', 'import', 'csv', notCsv], { dataDir: data })).code).toBe(2);
    expect((await runCli(['runs', 'import', 'parquet', notCsv], { dataDir: data })).code).toBe(2);
    expect((await runCli(['runs', 'import', 'mlruns'], { dataDir: data })).code).toBe(2);
    const empty = join(t.dir, 'empty.csv');
    writeFileSync(empty, 'id,experiment\n');
    expect(await runCli(['runs', 'import', 'csv', empty], { dataDir: data })).toMatchObject({ code: 1, stdout: `Nothing imported from ${empty}.\n` });
  });

  it('exports CSV (neutralised) and JSON with histories atomically, never over the database, and the JSON imports back', async () => {
    t = tempDir();
    const data = join(t.dir, 'data');
    cleanTree(join(t.dir, 'mlruns'));
    expect((await runCli(['runs', 'import', 'mlruns', join(t.dir, 'mlruns'), '--project', 'Vision'], { dataDir: data })).code).toBe(0);

    const csv = await runCli(['runs', 'export', 'out.csv', '--project', 'Vision'], { dataDir: data, cwd: t.dir });
    expect(csv).toMatchObject({ code: 0, stdout: 'Wrote 1 run to out.csv (csv).\n' });
    const text = readFileSync(join(t.dir, 'out.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('id,name,experiment,status,start_time,end_time,duration_hours,hardware,devices,cost,currency,cost_basis,energy_kwh,energy_basis,co2_kg,param.cmd,param.lr,metric.loss,tag.mlflow.runName,tag.tally.devices,tag.tally.hardware');
    expect(text).toContain(`'${EVIL}`);

    const js = await runCli(['runs', 'export', 'out.json', '--experiment', 'sweep', '--with-history', '--json'], { dataDir: data, cwd: t.dir });
    expect(JSON.parse(js.stdout)).toEqual({ file: join(t.dir, 'out.json'), format: 'json', runs: 1 });
    const doc = JSON.parse(readFileSync(join(t.dir, 'out.json'), 'utf8'));
    expect(doc.runs[0].history.loss).toEqual({ steps: [0, 1], timestamps: [T0, T0 + 1], values: [0.5, 0.25] });

    const other = join(t.dir, 'other');
    const back = await runCli(['runs', 'import', 'json', join(t.dir, 'out.json')], { dataDir: other });
    expect(back.code).toBe(0);
    const listed = JSON.parse((await runCli(['runs', 'list', '--json'], { dataDir: other })).stdout);
    expect(listed.runs).toMatchObject([{ id: A, name: 'good', project: 'Vision', params: { lr: '0.1', cmd: EVIL }, metrics: { loss: 0.25 }, hardware: 'h100-sxm', devices: 2 }]);
    expect(listed.runs[0].costUsd).toBeGreaterThan(0);

    const db = join(data, 'tally.db');
    const refused = await runCli(['runs', 'export', db, '--project', 'Vision'], { dataDir: data });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is the same file as the Tally database');
    expect((await runCli(['runs', 'export', 'x.csv', '--project', 'Vision', '--with-history'], { dataDir: data, cwd: t.dir })).code).toBe(2);
    expect(existsSync(join(t.dir, 'x.csv'))).toBe(false);
    expect((await runCli(['runs', 'export', 'x.csv', '--format', 'xml', '--project', 'Vision'], { dataDir: data, cwd: t.dir })).code).toBe(2);
  });
});
