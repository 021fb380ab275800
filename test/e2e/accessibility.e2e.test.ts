import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { damageTablePage } from '../support/damage';
import { call } from '../support/seed-runs';
import { tempDir } from '../support/temp';
import { seedA11yWorkspace, type A11yWorkspace } from './support/a11y-workspace';
import { SCREENSHOT_DIR, startApp, type RunningApp } from './support/app';
import { AxeLog, describeViolations, type Exclusion, type Theme } from './support/axe';
import { CheckScreen, rpc } from './support/check.page';
import { EvaluateScreen } from './support/evaluate.page';
import { PlanScreen } from './support/plan.page';

/** False positives excluded from one rule each, with the reason (none today). */
const EXCLUSIONS: Exclusion[] = [];

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');
const THEMES: readonly Theme[] = ['light', 'dark'];
const log = new AxeLog(EXCLUSIONS);

/** Two animation frames: React has re-rendered the charts for the new colour scheme and painted. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Checks the page as it is, in the light and then the dark theme, with a screenshot of each;
 * returns the enforced violations in words (empty when there are none).
 */
async function audit(page: Page, name: string): Promise<string[]> {
  const failures: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await frames(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-${name}-${theme}.png`), fullPage: true });
    const violations = await log.check(page, name, theme);
    if (violations.length > 0) failures.push(describeViolations(name, theme, violations));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return failures;
}

/** Opens a hash route and waits until its heading is up and nothing in the main area is still loading. */
async function go(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? ''));
}

// After every page of both suites below: the results as JSON and HTML, and one line to read.
afterAll(() => {
  const files = log.write();
  console.log(log.summary());
  console.log(`Accessibility results: ${files.json} and ${files.html}`);
});

describe('accessibility: axe-core on every page, light and dark, end to end in Chromium', () => {
  let app: RunningApp;
  let ws: A11yWorkspace;
  let cleanup: () => void;

  beforeAll(async () => {
    const dir = tempDir('tally-e2e-a11y-');
    cleanup = dir.cleanup;
    ws = await seedA11yWorkspace(dir.dir, FIXTURES);
    app = await startApp({ dataDir: dir.dir });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('projects, a project, settings and the catalog', async () => {
    const { page } = app;
    const failures: string[] = [];
    await go(page, '#/projects', 'Projects');
    await page.locator('.project-row__name', { hasText: 'Forecasting' }).waitFor();
    failures.push(...(await audit(page, 'projects')));
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Name', { exact: true }).waitFor();
    failures.push(...(await audit(page, 'projects-new')));

    await go(page, `#/projects/${ws.projectId}`, /Churn model/);
    await page.getByRole('region', { name: 'Data quality' }).getByRole('status').waitFor();
    failures.push(...(await audit(page, 'project')));
    await page.locator('.page__header').getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    failures.push(...(await audit(page, 'project-delete-dialog')));
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await go(page, '#/settings', 'Settings');
    failures.push(...(await audit(page, 'settings')));
    await go(page, '#/settings/catalog', 'Catalog');
    failures.push(...(await audit(page, 'catalog')));
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);

  it('Plan: the hub, both wizards step by step with their answers, and a saved plan reopened', async () => {
    const { page } = app;
    const plan = new PlanScreen(page);
    const failures: string[] = [];
    await go(page, '#/plan', 'Plan');
    failures.push(...(await audit(page, 'plan')));

    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    failures.push(...(await audit(page, 'plan-cloud-1-task')));
    await plan.next();
    await plan.question('How much will it be used?');
    await plan.fill('Requests per day', '5k');
    failures.push(...(await audit(page, 'plan-cloud-2-use')));
    await plan.next();
    await plan.question('How fast must it answer?');
    failures.push(...(await audit(page, 'plan-cloud-3-speed')));
    await plan.next();
    await plan.question('How private is the data?');
    await plan.pick('Internal');
    failures.push(...(await audit(page, 'plan-cloud-4-privacy')));
    await plan.next();
    await plan.question('What can you spend?');
    failures.push(...(await audit(page, 'plan-cloud-5-budget')));
    await plan.seeAnswer();
    await page.locator('figure[aria-label="Monthly cost per option"] svg rect').first().waitFor();
    await page.locator('figure[aria-label="Monthly cost against requests per month"] svg path').first().waitFor();
    failures.push(...(await audit(page, 'plan-cloud-result')));
    await plan.saveTo('Churn model', 'Support bot 5k a day');

    await go(page, '#/plan', 'Plan');
    await plan.startTrainingWizard();
    await plan.pick('7B language model');
    failures.push(...(await audit(page, 'plan-training-1-model')));
    await plan.next();
    await plan.question('How much data will it learn from?');
    await plan.fill('Training data (tokens)', '1T');
    failures.push(...(await audit(page, 'plan-training-2-data')));
    await plan.next();
    await plan.question('On which hardware, and how many?');
    await plan.select('Cloud GPU', 'a100-80gb');
    await plan.fill('Number of GPUs', '64');
    failures.push(...(await audit(page, 'plan-training-3-hardware')));
    await plan.seeAnswer();
    await page.getByRole('table', { name: 'Cheaper hardware' }).waitFor();
    await page.getByText('Assumptions and sources').click();
    failures.push(...(await audit(page, 'plan-training-result')));

    await go(page, '#/plan', 'Plan');
    await plan.savedPlans().getByText('Support bot 5k a day').waitFor();
    failures.push(...(await audit(page, 'plan-saved-plans')));
    await page.evaluate((h) => (window.location.hash = h), `#/plan/training/${ws.scenarioId}`);
    await page.getByText('Editing “40 H100 hours”').waitFor();
    failures.push(...(await audit(page, 'plan-saved-plan-reopened')));
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);

  it('Data and Check: the data list, the file picker, a profile, the check wizard and a report', async () => {
    const { page } = app;
    const screen = new CheckScreen(page);
    const failures: string[] = [];
    await go(page, `#/data/${ws.projectId}`, 'Data');
    await page.getByRole('list', { name: 'Check runs' }).waitFor();
    failures.push(...(await audit(page, 'data')));
    const dialog = await screen.openPickerAt(ws.folder);
    await dialog.getByRole('option', { name: /batch-calm\.csv/ }).click();
    failures.push(...(await audit(page, 'data-file-picker')));
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await go(page, `#/data/${ws.projectId}/datasets/${ws.testDatasetId}`, /test\.csv/);
    await page.locator('.column-card svg').first().waitFor();
    failures.push(...(await audit(page, 'dataset-profile')));

    await go(page, `#/data/${ws.projectId}/check`, 'Check data quality');
    await screen.waitForStep('Choose the data');
    await page.getByRole('checkbox', { name: /test\.csv/ }).check();
    await page.getByRole('checkbox', { name: /train\.csv/ }).check();
    failures.push(...(await audit(page, 'check-1-files')));
    const steps = ['What each file is', 'Key columns', 'Population shares', 'Review and run'];
    for (const [i, step] of steps.entries()) {
      await screen.next();
      await screen.waitForStep(step);
      // The population step is checked with its group form open, then closed again to go on.
      const shares = page.getByLabel('Compare with known population shares');
      if (step === 'Population shares') await shares.check();
      failures.push(...(await audit(page, `check-${i + 2}-${step.toLowerCase().replace(/\s+/g, '-')}`)));
      if (step === 'Population shares') await shares.uncheck();
    }

    await go(page, `#/data/${ws.projectId}/checks/${ws.checkRunId}`, 'Data quality: test.csv');
    await page.locator('.report-chart svg').first().waitFor();
    // A column card opened, so its facts and charts are checked too (closed cards hide them from axe).
    const age = page.locator('details.column-card', { has: page.locator('.column-card__name', { hasText: /^age$/ }) });
    await age.locator('summary').click();
    await age.locator('svg').first().waitFor();
    failures.push(...(await audit(page, 'check-report')));
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);

  it('Track: runs, a run, compare and the budget', async () => {
    const { page } = app;
    const failures: string[] = [];
    await go(page, `#/projects/${ws.projectId}/runs`, /Runs of Churn model/);
    await page.getByRole('grid').or(page.getByRole('table')).first().waitFor();
    failures.push(...(await audit(page, 'runs')));
    await page.getByRole('button', { name: 'Columns', exact: true }).click();
    await page.getByRole('region', { name: 'Choose columns' }).waitFor();
    failures.push(...(await audit(page, 'runs-columns')));
    await page.getByRole('button', { name: 'Import runs' }).click();
    const importing = page.getByRole('dialog', { name: 'Import runs' });
    await importing.waitFor();
    failures.push(...(await audit(page, 'runs-import-dialog')));
    await importing.getByRole('button', { name: 'Cancel' }).click();
    await importing.waitFor({ state: 'hidden' });
    await go(page, `#/projects/${ws.projectId}/runs/${ws.runIds[0]}`, /churn-large/);
    await page.locator('main svg').first().waitFor();
    failures.push(...(await audit(page, 'run')));
    await go(page, `#/projects/${ws.projectId}/compare/${ws.runIds.slice(0, 3).join(',')}`, 'Compare 3 runs');
    await page.locator('main svg').first().waitFor();
    failures.push(...(await audit(page, 'runs-compare')));
    await go(page, `#/projects/${ws.projectId}/budget`, 'Budget');
    await page.locator('main svg').first().waitFor();
    failures.push(...(await audit(page, 'budget')));
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);

  it('Evaluate: the list, the wizard, an evaluation, compare and a monitor', async () => {
    const { page } = app;
    const screen = new EvaluateScreen(page, app);
    const failures: string[] = [];
    await go(page, `#/projects/${ws.projectId}/evaluate`, /^Evaluate/);
    await page.getByRole('table', { name: 'Evaluations' }).waitFor();
    failures.push(...(await audit(page, 'evaluate')));
    await page.getByRole('button', { name: 'New monitor' }).click();
    const groups = page.getByRole('form', { name: 'New monitor' }).getByRole('group', { name: 'Groups to follow (optional)' });
    await groups.getByRole('checkbox', { name: /^region/ }).waitFor();
    failures.push(...(await audit(page, 'monitor-new')));

    await go(page, `#/projects/${ws.projectId}/evaluate/new`, 'New evaluation');
    await screen.waitForStep('Predictions file');
    const dialog = await screen.openPicker('Choose a file…', 'Choose the predictions file', ws.folder);
    await dialog.getByRole('option', { name: /churn-small\.csv/ }).click();
    failures.push(...(await audit(page, 'evaluation-new-picker')));
    await dialog.getByRole('button', { name: 'Use this file' }).click();
    await dialog.waitFor({ state: 'hidden' });
    failures.push(...(await audit(page, 'evaluation-new-1-file')));
    await screen.next();
    await screen.waitForStep('Which column is which');
    failures.push(...(await audit(page, 'evaluation-new-2-roles')));
    await screen.next();
    await screen.waitForStep('Costs, gates and links');
    failures.push(...(await audit(page, 'evaluation-new-3-options')));

    await go(page, `#/projects/${ws.projectId}/evaluate/${ws.evaluationIds[0]}`, 'churn-large');
    await page.locator('.eval-chart svg').first().waitFor();
    failures.push(...(await audit(page, 'evaluation')));
    await go(page, `#/projects/${ws.projectId}/evaluate/compare/${ws.evaluationIds.join(',')}`, 'Compare 2 models');
    await page.locator('main svg').first().waitFor();
    failures.push(...(await audit(page, 'evaluation-compare')));
    await go(page, `#/projects/${ws.projectId}/monitors/${ws.monitorId}`, /Churn in production/);
    await page.locator('figure[data-column] svg').first().waitFor();
    failures.push(...(await audit(page, 'monitor')));
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);

  it('the exported HTML reports of a check and an evaluation', async () => {
    const failures: string[] = [];
    const check = await rpc<{ html: string }>(app, 'checks.exportHtml', { runId: ws.checkRunId });
    const evaluation = await rpc<{ html: string }>(app, 'evaluations.exportHtml', { id: ws.evaluationIds[0] });
    if (!check.ok || !evaluation.ok) throw new Error(`export failed: ${JSON.stringify([check, evaluation])}`);
    // The report opens as a file of its own: a fresh page of the same browser, no app around it.
    const page = await app.page.context().newPage();
    try {
      for (const [name, html] of [
        ['report-check-html', check.value.html],
        ['report-evaluation-html', evaluation.value.html],
      ] as const) {
        await page.setContent(html);
        failures.push(...(await audit(page, name)));
      }
    } finally {
      await page.close();
    }
    expect(failures.join('\n')).toBe('');
  }, 300_000);

  it('the harness finds the violations these pages used to have, planted in a page of their own', async () => {
    // The old badge colours, a nivo bar's aria-label on a bare rect, an unnamed chart svg, no landmarks.
    const planted = `<!doctype html><html lang="en"><head><title>planted</title></head><body>
      <h1>Planted</h1><p><span style="color:#c0362c;background:#f2d7d5;font-size:11px">FAIL</span></p>
      <svg role="img" width="40" height="20"><rect width="10" height="10" aria-label="north: 31"></rect></svg></body></html>`;
    const page = await app.page.context().newPage();
    try {
      await page.setContent(planted);
      const found = await new AxeLog().check(page, 'planted', 'light');
      expect(found.map((v) => v.rule).sort()).toEqual(['aria-prohibited-attr', 'color-contrast', 'landmark-one-main', 'region', 'svg-img-alt']);
    } finally {
      await page.close();
    }
  });
});

describe('accessibility: the damaged-database page, light and dark', () => {
  let app: RunningApp | null = null;
  let cleanup: (() => void) | null = null;
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('shows what SQLite reported and the backups without axe violations', async () => {
    const dir = tempDir('tally-e2e-a11y-damaged-');
    cleanup = dir.cleanup;
    const dataDir = dir.dir;
    const b = createBackend({ dataDir, host: 'test' });
    await call(b.dispatch, 'projects.create', { name: 'Churn model' });
    await call(b.dispatch, 'system.backupNow', {});
    b.close();
    damageTablePage(join(dataDir, 'tally.db'), 'projects');
    app = await startApp({ dataDir });
    await app.page.getByRole('table', { name: 'Backups' }).getByText('Healthy').waitFor();
    await settled(app.page);
    const failures = await audit(app.page, 'damaged-database');
    expect(failures.join('\n')).toBe('');
    expect(app.problems).toEqual([]);
  }, 300_000);
});
