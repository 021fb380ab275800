import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExperiment } from '../support/mlruns-writer';
import { tempDir } from '../support/temp';
import { startApp, type RunningApp } from './support/app';
import { RunsScreen } from './support/runs.page';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const H = 3_600_000;
const id = (c: string) => c.repeat(32);

describe('Runs page: import an mlruns folder and export the runs, in Chromium', () => {
  let app: RunningApp | null = null;
  let tmp: ReturnType<typeof tempDir> | null = null;
  afterEach(async () => {
    await app?.close();
    tmp?.cleanup();
    app = null;
    tmp = null;
  });

  it('imports through the in-app picker, lists what was skipped with file and line, and downloads a CSV named for the project', async () => {
    tmp = tempDir('tally-e2e-mlruns-');
    const root = join(tmp.dir, 'mlruns');
    writeExperiment(root, {
      id: '1',
      name: 'sweep',
      runs: [
        { id: id('a'), name: 'lr-0.1', startTime: T0, endTime: T0 + H, params: { lr: '0.1' }, tags: { 'tally.hardware': 'h100-sxm', 'tally.devices': '8' }, metrics: { loss: Array.from({ length: 50 }, (_, i) => [T0 + i, 1 / (i + 1), i] as [number, number, number]) } },
        { id: id('b'), name: 'lr-0.01', startTime: T0 + 2 * H, endTime: T0 + 3 * H, params: { lr: '0.01' }, rawMetrics: { loss: `${T0} 1 0\nabc 1 x\n` } },
      ],
    });
    mkdirSync(join(root, '1', id('c')));
    writeFileSync(join(root, '1', id('c'), 'meta.yaml'), 'status: [3\n');

    app = await startApp();
    const screen = new RunsScreen(app.page, app);
    await screen.rpc('projects.create', { name: 'Vision' });
    await app.page.reload();
    await app.page.getByRole('link', { name: /Vision/ }).first().click();
    await app.page.getByRole('link', { name: 'Open the runs →' }).click();
    await app.page.getByRole('heading', { name: 'Runs of Vision', level: 1 }).waitFor();

    await app.page.getByRole('button', { name: 'Import runs' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Import runs' });
    await dialog.getByLabel('Folder or file path').fill(root);
    await dialog.getByRole('button', { name: 'Go' }).click();
    await dialog.getByRole('listbox', { name: `Contents of ${root}` }).waitFor();
    await dialog.getByRole('button', { name: 'Use this folder' }).click();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = dialog.getByRole('region', { name: 'Import summary' });
    await summary.waitFor();
    expect(await summary.getByRole('status').textContent()).toBe('Imported 2 new runs: 50 metric points, 2 params, 4 tags.');
    const skipped = await summary.getByRole('table', { name: 'Skipped entries' }).locator('tbody tr').allInnerTexts();
    expect(skipped.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      `metric 1/${id('b')}/metrics/loss, line 2 (loss) "abc 1 x": the timestamp "abc" is not a whole number; none of this metric's points were imported`,
      expect.stringMatching(new RegExp(`^run 1/${id('c')}/meta.yaml, line \\d+ not valid YAML`)),
    ]);
    await app.screenshot('runs-import-summary');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await screen.expectNames(['lr-0.01', 'lr-0.1']);

    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('vision-runs.csv');
    const file = join(tmp.dir, 'download.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id,name,experiment,status,/);
    expect(lines[1]).toMatch(new RegExp(`^${id('a')},lr-0\\.1,sweep,FINISHED,`));
    expect(app.problems).toEqual([]);
  });
});
