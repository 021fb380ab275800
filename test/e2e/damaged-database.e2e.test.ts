import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { damageTablePage } from '../support/damage';
import { startApp, type RunningApp } from './support/app';
import { ProjectsScreen } from './support/projects.page';

describe('a damaged database, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  let dataDir = '';
  afterEach(async () => {
    await app?.close();
    app = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows what is wrong instead of mangled data, and restores a backup', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tally-e2e-damaged-'));
    const b = createBackend({ dataDir, host: 'test' });
    for (const name of ['Churn model', 'Forecasting']) await b.dispatch('projects.create', { name });
    await b.dispatch('system.backupNow', {});
    await b.dispatch('projects.create', { name: 'After the backup' });
    b.close();
    damageTablePage(join(dataDir, 'tally.db'), 'projects');

    app = await startApp({ dataDir });
    const { page } = app;
    await page.getByRole('heading', { name: 'Your Tally database is damaged' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    const backups = page.getByRole('table', { name: 'Backups' });
    expect(await backups.getByRole('row').count()).toBe(2);
    expect(await backups.getByText('Healthy').count()).toBe(1);
    await app.screenshot('database-damaged');

    await backups.getByRole('button', { name: /^Restore the backup from/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    const screen = new ProjectsScreen(page);
    await page.getByRole('navigation').waitFor();
    await screen.openList();
    expect((await screen.projectNames()).sort()).toEqual(['Churn model', 'Forecasting']);
    expect(app.problems).toEqual([]);
  });
});
