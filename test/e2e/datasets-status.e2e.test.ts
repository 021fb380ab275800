import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CheckScreen } from './support/check.page';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');

describe('datasets page, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('flags a moved file as missing and re-links it from its page (dark theme)', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'train.csv'), join(dir, 'train.csv'));
    await screen.createProject('Moving data');
    await screen.openData();
    await screen.openPickerAt(dir);
    await screen.chooseWithKeyboard('train.csv');
    await screen.addChosen('Training data');
    const row = page.locator('.dataset-row', { hasText: 'train.csv' });
    await row.locator('.badge', { hasText: 'Not checked yet' }).waitFor();

    // The file moves on disk; Tally notices on the next visit and says so.
    const moved = join(dir, 'archive');
    mkdirSync(moved);
    renameSync(join(dir, 'train.csv'), join(moved, 'train.csv'));
    await page.reload();
    await row.locator('.badge', { hasText: 'File missing' }).waitFor();
    expect(await row.textContent()).toContain('No file at this path any more');
    await app.screenshot('datasets-missing-dark');

    await row.click();
    await page.getByRole('heading', { name: /train\.csv/, level: 1 }).waitFor();
    await page.getByText('Not checked yet. Run a data-quality check').waitFor();
    await page.getByLabel('New path').fill(join(moved, 'train.csv'));
    await app.screenshot('dataset-relink-dark');
    await page.getByRole('button', { name: 'Re-link' }).click();
    await page.getByRole('heading', { name: /train\.csv/, level: 1 }).locator('.badge', { hasText: 'Not checked yet' }).waitFor();
    expect(await page.getByText(join(moved, 'train.csv')).count()).toBeGreaterThan(0);

    // Back on the list, the dataset is no longer flagged.
    await page.getByRole('link', { name: '← All data' }).click();
    await row.locator('.badge', { hasText: 'Not checked yet' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
