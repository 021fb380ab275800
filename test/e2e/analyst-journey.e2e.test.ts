/**
 * The privacy-minded analyst's journey: a train and a test CSV (generated here: 100 test rows reuse
 * a training customer's id with other values, and income moved up by 60,000), the check wizard
 * (with a reload in the middle), the report (overlap by id, both files' distributions overlaid),
 * saving it as HTML into a chosen folder, then both files' profiles and the Data list, whose
 * verdicts must agree with the report.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { customers, writeCsv } from '../fixtures/check/generate';
import { startApp, type RunningApp } from './support/app';
import { CheckScreen } from './support/check.page';

/** Words that belong in details and the glossary, never in the main text (as the Plan screens hold). */
const JARGON = /\b(MFU|MBU|PSI|TDP|PUE)\b|--id|reference §/g;

/**
 * Jargon in the page's main text as read (what is folded away in details and the glossary's
 * explanations left out), each hit with the words around it; empty when there is none.
 */
async function jargonIn(page: Page): Promise<string[]> {
  const text = await page.locator('main#main').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('details > :not(summary), .plan-term__toggle, .plan-term__explain').forEach((n) => n.remove());
    return copy.innerText;
  });
  return [...text.matchAll(JARGON)].map((m) => text.slice(Math.max(0, m.index - 60), m.index + 40));
}

function trainAndTest(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeCsv(dir, 'train.csv', customers(400, { seed: 7 }));
  const fresh = customers(200, { seed: 11, firstId: 5001 });
  const reused = customers(100, { seed: 13, firstId: 1 }).map((r) => ({ ...r, age: r.age + 1 }));
  writeCsv(
    dir,
    'test.csv',
    [...fresh, ...reused].map((r) => ({ ...r, income: Math.round((r.income + 60000) * 100) / 100 })),
  );
}

describe('analyst journey, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('checks train against test and reads one story in the report, the profiles and the Data list', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = join(app.dataDir, 'incoming');
    trainAndTest(dir);
    await screen.createProject('Churn model');
    await screen.openData();

    await screen.openPickerAt(dir);
    await screen.chooseWithKeyboard('train.csv');
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'train.csv' }).waitFor();

    // The picker opens again in the folder used last, and marks the file already added.
    await page.getByRole('button', { name: 'Add a file' }).click();
    const picker = page.getByRole('dialog', { name: 'Add a data file' });
    await picker.getByRole('listbox', { name: `Contents of ${dir}` }).waitFor();
    const trainEntry = picker.getByRole('option', { name: /train\.csv/ });
    await trainEntry.getByText('already added').waitFor();
    expect(await picker.getByRole('option', { name: /test\.csv/ }).getByText('already added').count()).toBe(0);
    await app.screenshot('journey-picker-remembers-folder');
    await picker.getByRole('option', { name: /test\.csv/ }).click();
    await screen.addChosen('Test data');
    await page.locator('.dataset-row__name', { hasText: 'test.csv' }).waitFor();
    for (const name of ['train.csv', 'test.csv']) {
      const row = page.locator('.dataset-row', { hasText: name });
      await row.locator('.badge', { hasText: 'Not checked yet' }).waitFor();
      await row.getByText('No verdict yet').waitFor();
    }
    await app.screenshot('journey-data-list-before');

    // The wizard has Cancel: it goes back to the Data page and forgets the answers.
    await page.getByRole('button', { name: 'Check data quality' }).click();
    await screen.waitForStep('Choose the data');
    await page.getByRole('checkbox', { name: /train\.csv/ }).check();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Check data quality' }).click();
    await screen.waitForStep('Choose the data');
    expect(await page.getByRole('checkbox', { name: /train\.csv/ }).isChecked()).toBe(false);

    // A reload in the middle keeps the answers, and each step's heading takes focus.
    await page.getByRole('checkbox', { name: /train\.csv/ }).check();
    await page.getByRole('checkbox', { name: /test\.csv/ }).check();
    await screen.next();
    await screen.waitForStep('What each file is');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Step 2 of 5: What each file is');
    await page.reload();
    await page.locator('main#main').waitFor();
    await screen.waitForStep('What each file is');
    expect(await page.getByLabel('train.csv').inputValue()).toBe('training');
    expect(await page.getByLabel('test.csv').inputValue()).toBe('test');
    await app.screenshot('journey-wizard-after-reload');
    await screen.next();
    await screen.waitForStep('Key columns');
    const idSelect = page.getByLabel('Id (who or what a row is about)');
    await idSelect.locator('option', { hasText: 'customer_id' }).waitFor({ state: 'attached' });
    await idSelect.selectOption('customer_id');
    await screen.next();
    await screen.waitForStep('Population shares');
    await screen.next();
    await screen.waitForStep('Review and run');
    await page.getByRole('button', { name: 'Run the check' }).click();

    // The report: shared ids beside identical rows, and income drawn in both files.
    await page.getByRole('heading', { name: 'Data quality: test.csv', level: 1 }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status', { name: /Verdict/ }).getAttribute('aria-label')).toBe('Verdict: Fail');
    expect(await screen.findingIds()).toContain('group_leakage');
    await page.getByRole('img', { name: 'Share of test.csv rows shared with train.csv: identical rows and rows with the same customer_id' }).locator('svg').waitFor();
    await page
      .getByText('0 of 300 rows of test.csv (0%) also appear whole in train.csv; 100 (33%) have a customer_id that train.csv also has (100 values in both files).')
      .waitFor();
    const both = page.getByRole('region', { name: 'Columns in both files' });
    const income = both.locator('figure', { has: page.getByRole('heading', { name: /^income/ }) });
    await income.getByText('changed').waitFor();
    expect(await income.getByRole('list', { name: 'Key for income' }).locator('li').allTextContents()).toEqual(['train.csv', 'test.csv']);
    await income.getByRole('img', { name: /^income in both files/ }).locator('svg rect').first().waitFor();
    expect(await income.locator('svg rect').count()).toBeGreaterThan(20);
    await app.screenshot('journey-report');
    expect(await jargonIn(page)).toEqual([]);
    // The drift finding says what the test found in words; the test's name follows in brackets.
    const drift = page.locator('.finding[data-check-id="drift"]').filter({ hasText: 'Column "income"' });
    expect(await drift.locator('.finding__message').textContent()).toMatch(
      /^Column "income" is distributed differently in the test data than in the training data: its values differ more than chance would explain \(p (< 1e-16|= [\d.e-]+), Kolmogorov-Smirnov test; effect size [\d.]+; a shift of [\d.]+, major\)\.$/,
    );
    await drift.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'journey-report-drift-finding.png') });
    await income.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'journey-report-income.png') });
    // Columns that did not drift are behind a toggle, drawn the same way (region by value).
    await both.getByText('Show 3 more columns').click();
    const region = both.locator('figure', { has: page.getByRole('heading', { name: /^region/ }) });
    await region.getByRole('img', { name: /^region in both files: share of each file's values per value/ }).locator('svg rect').first().waitFor();
    expect(await region.getByText('changed').count()).toBe(0);
    await region.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'journey-report-region.png') });

    // Save as HTML: the picker opens in the folder used last; the page says the file's name and where it went.
    await page.getByRole('button', { name: 'Save as HTML…' }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save the report in which folder?' });
    await saveDialog.getByRole('listbox', { name: `Contents of ${dir}` }).waitFor();
    await app.screenshot('journey-save-folder');
    await saveDialog.getByRole('button', { name: 'Save here' }).click();
    const saved = page.getByRole('status').filter({ hasText: /^Saved / });
    await saved.waitFor();
    const fileName = (await saved.locator('strong').textContent())!;
    expect(fileName).toMatch(/^tally-check-test-\d{4}-\d{2}-\d{2}\.html$/);
    expect(await saved.textContent()).toBe(`Saved ${fileName} in ${dir}.`);
    expect(existsSync(join(dir, fileName))).toBe(true);
    expect(readFileSync(join(dir, fileName), 'utf8')).toContain('100 rows (33%) have a customer_id that train.csv also has');
    await app.screenshot('journey-report-saved');

    // The Data list: each file unchanged since the check, with the same verdict as the report.
    await screen.openData();
    for (const name of ['train.csv', 'test.csv']) {
      const row = page.locator('.dataset-row', { hasText: name });
      await row.locator('.badge', { hasText: 'Unchanged since last check' }).waitFor();
      await row.locator('.badge', { hasText: 'Latest check: Fail' }).waitFor();
    }
    expect(await page.locator('.dataset-row .badge--ok').count()).toBe(0);
    await app.screenshot('journey-data-list-after');
    expect(await jargonIn(page)).toEqual([]);

    // The compared file has its profile too, and the same verdict with a link to the report.
    await page.locator('.dataset-row', { hasText: 'train.csv' }).click();
    const facts = page.getByRole('group', { name: 'Dataset facts' });
    const stat = (label: string) => facts.locator('.stat').filter({ has: page.locator('.stat__label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat__value');
    expect(await stat('Rows').textContent()).toBe('400');
    await page.locator('.dataset-verdict').getByText('Latest check: Fail').waitFor();
    expect(await page.locator('.dataset-verdict').textContent()).toContain('where another file was compared with it');
    await app.screenshot('journey-profile-train');
    expect(await jargonIn(page)).toEqual([]);
    await page.getByRole('link', { name: '← All data' }).click();
    await page.locator('.dataset-row', { hasText: 'test.csv' }).click();
    await page.getByRole('heading', { name: /test\.csv/, level: 1 }).waitFor();
    expect(await stat('Rows').textContent()).toBe('300');
    await page.locator('.dataset-verdict').getByText('Latest check: Fail').waitFor();
    await app.screenshot('journey-profile-test');
    expect(await jargonIn(page)).toEqual([]);
    await page.locator('.dataset-verdict').getByRole('link', { name: 'Open the report' }).click();
    await page.getByRole('heading', { name: 'Data quality: test.csv', level: 1 }).waitFor();

    // The project overview does not promise issues "listed below" that it does not list.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: /Churn model/ }).click();
    const panel = page.getByRole('region', { name: 'Data quality' });
    await panel.getByRole('status').waitFor();
    expect(await panel.textContent()).not.toContain('listed below');
    await app.screenshot('journey-project-panel');
    expect(app.problems).toEqual([]);
  });
});
