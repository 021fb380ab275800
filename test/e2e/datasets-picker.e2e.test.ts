import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CheckScreen } from './support/check.page';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');

describe('file picker, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('keeps a path typed while the first listing is still loading, and shows that folder when it lands late', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'train.csv'), join(dir, 'train.csv'));
    await screen.createProject('Slow disk');
    await screen.openData();

    // Hold the picker's first listing (the default folder) until the typed folder's has answered.
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    let answered = 0;
    page.on('requestfinished', (r) => {
      if (r.url().includes('/rpc/files.browse')) answered += 1;
    });
    await page.route('**/rpc/files.browse', async (route: Route) => {
      calls += 1;
      if (calls === 1) {
        await firstHeld;
        await route.continue();
      } else {
        const response = await route.fetch();
        await route.fulfill({ response });
        releaseFirst();
      }
    });
    await page.getByRole('button', { name: 'Add a file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a data file' });
    await dialog.getByLabel('Folder or file path').fill(dir);
    await dialog.getByRole('button', { name: 'Go' }).click();
    await dialog.getByRole('listbox', { name: `Contents of ${dir}` }).waitFor();
    await expect.poll(() => answered).toBe(2);
    // Let the page apply the late answer (two animation frames: React commits within one).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The late first answer did not replace the folder the user asked for.
    expect(await dialog.getByRole('listbox', { name: `Contents of ${dir}` }).count()).toBe(1);
    expect(await dialog.getByLabel('Folder or file path').inputValue()).toBe(dir);
    expect(await dialog.getByRole('option', { name: /train\.csv/ }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
