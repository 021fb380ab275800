import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CheckScreen, rpc } from './support/check.page';

/** Rows of the generated file: large enough (about 150 MB) that the run is still reading when Cancel is clicked. */
const ROWS = 2_500_000;

/** Writes a deterministic CSV into the test's own temp folder (never committed, never outside it). */
async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,amount,region,score,label,note\n');
  const regions = ['north', 'south', 'east', 'west'];
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    chunk += `${i},${((i * 7919) % 100_000) / 100},${regions[i % 4]!},${(i * 31) % 997},${i % 5 === 0 ? 1 : 0},row number ${i}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

describe('cancelling a data-quality check, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('stops a running check mid-file and stores nothing', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'large.csv');
    await writeLargeCsv(file);

    await screen.createProject('Large data');
    await screen.openData();
    const dialog = await screen.openPickerAt(dir);
    // The path box also takes a file path directly.
    await dialog.getByLabel('Folder or file path').fill(file);
    await dialog.getByRole('button', { name: 'Go' }).click();
    await dialog.locator('.picker__choice code', { hasText: file }).waitFor();
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'large.csv' }).waitFor();

    await page.getByRole('button', { name: 'Check data quality' }).click();
    await page.getByRole('checkbox', { name: /large\.csv/ }).check();
    for (const step of ['What each file is', 'Key columns', 'Population shares', 'Review and run']) {
      await screen.next();
      await screen.waitForStep(step);
    }
    await page.getByRole('button', { name: 'Run the check' }).click();

    // Mid-run: the bar shows rows read and the share of the file; then Cancel.
    const progress = page.locator('.run-progress');
    await progress.getByText(/rows · .* of .*MB/).waitFor({ timeout: 60_000 });
    const cancel = progress.getByRole('button', { name: 'Cancel' });
    expect(await cancel.isEnabled()).toBe(true);
    await app.screenshot('check-running');
    await cancel.click();

    await page.getByText('Check cancelled. Nothing was saved').waitFor({ timeout: 30_000 });
    await app.screenshot('check-cancelled');

    // Nothing half-written: no run is listed and the dataset was never marked analysed.
    const projects = await rpc<Array<{ id: string }>>(app, 'projects.list', {});
    if (!projects.ok) throw new Error(projects.error.message);
    const projectId = projects.value[0]!.id;
    expect(await rpc(app, 'checks.list', { projectId })).toEqual({ ok: true, value: [] });
    expect(await rpc(app, 'checks.latest', { projectId })).toEqual({ ok: true, value: null });
    const datasets = await rpc<Array<{ analysedAt: string | null }>>(app, 'datasets.list', { projectId });
    expect(datasets.ok && datasets.value.map((d) => d.analysedAt)).toEqual([null]);
    expect(app.problems).toEqual([]);
  });
});
