import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CatalogScreen } from './support/catalog.page';
import { CheckScreen } from './support/check.page';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');

describe('a second window on the same app, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows a project, a data file, a saved plan and a catalog price changed in the first window, without a reload', async () => {
    app = await startApp();
    const first = app.page;
    const second = await app.openSecondPage();
    // Survives only as long as the second page is never reloaded.
    await second.evaluate(() => Object.assign(window, { neverReloaded: true }));
    const secondShot = (name: string) => second.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', `${name}.png`), fullPage: true });

    // A project created in the first window appears in the second one's list.
    await second.getByText('No projects yet').waitFor();
    const projects = new ProjectsScreen(first);
    await projects.startNew();
    await projects.fill({ Name: 'Shared model' });
    await projects.submit('Create project');
    await projects.expectTitle('Shared model');
    await second.locator('.project-row__name', { hasText: 'Shared model' }).waitFor();
    expect(await new ProjectsScreen(second).projectNames()).toEqual(['Shared model']);
    await secondShot('second-window-project');

    // A data file added in the first window appears on the second one's Data page.
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'train.csv'), join(dir, 'train.csv'));
    await new CheckScreen(second).openData();
    await second.getByText('No data files in this project yet').waitFor();
    const data = new CheckScreen(first);
    await data.openData();
    await data.openPickerAt(dir);
    await data.chooseWithKeyboard('train.csv');
    await data.addChosen('Training data');
    await first.locator('.dataset-row', { hasText: 'train.csv' }).waitFor();
    await second.locator('.dataset-row', { hasText: 'train.csv' }).locator('.badge', { hasText: 'Not checked yet' }).waitFor();
    expect(await new CheckScreen(second).datasetNames()).toEqual(['train.csv']);
    await secondShot('second-window-dataset');

    // A plan saved in the first window appears among the second one's saved plans.
    const secondPlan = new PlanScreen(second);
    await secondPlan.open();
    await second.getByText('No saved plans yet').waitFor();
    const plan = new PlanScreen(first);
    await plan.open();
    await plan.startTrainingWizard();
    await plan.pick('7B language model');
    await plan.next();
    await plan.question('How much data will it learn from?');
    await plan.fill('Training data (tokens)', '1T');
    await plan.next();
    await plan.question('On which hardware, and how many?');
    await plan.select('Cloud GPU', 'a100-80gb');
    await plan.fill('Number of GPUs', '8');
    await plan.seeAnswer();
    await plan.saveTo('Shared model', '7B on eight A100s');
    await secondPlan.savedPlans().getByRole('row', { name: /7B on eight A100s/ }).waitFor();
    expect(await secondPlan.savedPlans().textContent()).toContain('Shared model');
    await secondShot('second-window-plan');

    // A price edited in the first window changes in the second one's catalog.
    const secondCatalog = new CatalogScreen(second);
    await secondCatalog.open();
    await secondCatalog.tab('Cloud prices');
    await secondCatalog.search('a100-80gb@aws');
    await secondCatalog.row('a100-80gb@aws').getByText('built in').waitFor();
    const catalog = new CatalogScreen(first);
    await catalog.open();
    await catalog.tab('Cloud prices');
    await catalog.search('a100-80gb@aws');
    await catalog.row('a100-80gb@aws').getByRole('button', { name: 'Edit a100-80gb@aws' }).click();
    await first.getByLabel('Price per GPU-hour (usdPerGpuHour)', { exact: true }).fill('3.99');
    await first.getByLabel('As of (asOf)', { exact: true }).fill('2026-11-01');
    await first.getByRole('button', { name: 'Save row' }).click();
    await catalog.row('a100-80gb@aws').getByText('$3.99 per GPU-hour').waitFor();
    await secondCatalog.row('a100-80gb@aws').getByText('$3.99 per GPU-hour').waitFor();
    expect(await secondCatalog.row('a100-80gb@aws').getByText('edited').count()).toBe(1);
    await secondShot('second-window-catalog');

    expect(await second.evaluate(() => (window as unknown as { neverReloaded?: boolean }).neverReloaded)).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
