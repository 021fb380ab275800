import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CheckScreen, rpc } from './support/check.page';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');

/** The test's own folder of data files, inside its temp data dir (nothing outside is touched). */
function dataFolder(app: RunningApp, files: string[]): string {
  const dir = join(app.dataDir, 'incoming');
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

describe('data-quality wizard, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('adds two files with the picker, runs the wizard and reports the planted overlap and PII', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = dataFolder(app, ['train.csv', 'test.csv']);
    await screen.createProject('Churn model');

    await screen.openData();
    await page.getByText('No data files in this project yet').waitFor();
    await app.screenshot('data-empty');

    await screen.openPickerAt(dir);
    await screen.chooseWithKeyboard('train.csv');
    await app.screenshot('data-file-picker');
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'train.csv' }).waitFor();

    const dialog = await screen.openPickerAt(dir);
    await dialog.getByRole('option', { name: /test\.csv/ }).click();
    await screen.addChosen('Test data');
    await page.locator('.dataset-row__name', { hasText: 'test.csv' }).waitFor();
    expect((await screen.datasetNames()).sort()).toEqual(['test.csv', 'train.csv']);
    expect(await page.locator('.dataset-row .badge', { hasText: 'Not checked yet' }).count()).toBe(2);
    await app.screenshot('data-list');

    // Step 1: files
    await page.getByRole('button', { name: 'Check data quality' }).click();
    await screen.waitForStep('Choose the data');
    await screen.next();
    expect(await page.getByRole('alert').first().textContent()).toBe('Choose the file to check');
    await page.getByRole('checkbox', { name: /train\.csv/ }).check();
    await page.getByRole('checkbox', { name: /test\.csv/ }).check();
    await app.screenshot('check-step-1-files');
    await screen.next();

    // Step 2: roles, taken from how the files were added
    await screen.waitForStep('What each file is');
    expect(await page.getByLabel('train.csv').inputValue()).toBe('training');
    expect(await page.getByLabel('test.csv').inputValue()).toBe('test');
    await page.getByText('Tally will check test.csv against train.csv.').waitFor();
    await app.screenshot('check-step-2-roles');
    await screen.next();

    // Step 3: key columns (guesses pre-filled; set explicitly so the test does not depend on them)
    await screen.waitForStep('Key columns');
    const target = page.getByLabel('Target (what the model predicts)');
    await target.locator('option', { hasText: 'churned' }).waitFor({ state: 'attached' });
    await target.selectOption('churned');
    await page.getByLabel('Id (who or what a row is about)').selectOption('customer_id');
    await page.getByLabel('Time (when the row happened)').selectOption('signup');
    await app.screenshot('check-step-3-columns');
    await screen.next();

    // Step 4: population shares, with a sum that does not add up first
    await screen.waitForStep('Population shares');
    await page.getByLabel('Compare with known population shares').check();
    const shares: Array<[string, string]> = [
      ['north', '0.4'],
      ['south', '0.5'],
      ['east', '0.2'],
      ['west', '0.1'],
    ];
    for (const [i, [group, share]] of shares.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Add a group' }).click();
      await page.getByLabel(`Column of group ${i + 1}`).selectOption('region');
      await page.getByLabel(`Group ${i + 1}`, { exact: true }).fill(group);
      await page.getByLabel(`Share of group ${i + 1}`).fill(share);
    }
    await screen.next();
    await page.getByText('The shares for region add up to 120%; they must add up to 100%').first().waitFor();
    expect(await screen.currentStep()).toContain('Population shares');
    await app.screenshot('check-step-4-population-error');
    await page.getByLabel('Share of group 2').fill('30%');
    await app.screenshot('check-step-4-population');
    await screen.next();

    // Step 5: review and run
    await screen.waitForStep('Review and run');
    await page.getByText('test.csv (test data)').waitFor();
    await page.getByText('train.csv (training data)').waitFor();
    await app.screenshot('check-step-5-review');
    await page.getByRole('button', { name: 'Run the check' }).click();

    // The report
    await page.getByRole('heading', { name: 'Data quality: test.csv', level: 1 }).waitFor({ timeout: 60_000 });
    const verdict = page.getByRole('status', { name: /Verdict/ });
    expect(await verdict.getAttribute('aria-label')).toBe('Verdict: Fail');
    expect(await verdict.textContent()).toMatch(/Fix before training/);
    const ids = await screen.findingIds();
    expect(ids).toContain('train_test_overlap');
    expect(ids).toContain('pii');
    const overlap = page.locator('.finding[data-check-id="train_test_overlap"]');
    // 15 of the 75 test rows were copied from training.
    expect(await overlap.locator('.finding__message').textContent()).toContain('(15 of 75)');
    // The planted gaps (6 empty spends, 3 "NA" ages) are drawn per column, as are drift and class balance.
    await page.getByRole('img', { name: 'Share of rows with no value, per column' }).locator('svg').waitFor();
    await page.getByRole('img', { name: /How much each column changed/ }).locator('svg').waitFor();
    await page.getByRole('img', { name: 'Share of rows per value of the target churned' }).locator('svg').waitFor();
    expect(await page.locator('.findings__group--error .finding[data-check-id="train_test_overlap"]').count()).toBe(1);
    await page.locator('.report-chart svg').first().waitFor();
    await app.screenshot('check-report');
    // Charts follow the OS theme (colours come from the CSS variables).
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('check-report-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // A finding opens the column card it concerns.
    const emailCard = page.locator('details.column-card', { has: page.locator('.column-card__name', { hasText: /^email$/ }) });
    expect(await emailCard.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('.finding[data-check-id="pii"]').getByRole('button', { name: 'email' }).click();
    expect(await emailCard.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('.finding[data-check-id="pii"]').textContent()).not.toContain('user0@example.com');
    await app.screenshot('check-report-column-opened');

    // Download: a Blob download of checks.exportHtml (saving into a chosen folder: analyst-journey).
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('test.csv');
    expect(html).not.toContain('user1021@example.com');

    // The run is stored with the project and shown on its overview.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: /Churn model/ }).click();
    const panel = page.getByRole('region', { name: 'Data quality' });
    await panel.getByText('Latest check: test.csv against train.csv').waitFor();
    expect(await panel.getByRole('status').getAttribute('aria-label')).toBe('Verdict: Fail');
    await app.screenshot('project-data-quality-panel');
    await panel.getByRole('link', { name: 'Open the full report' }).click();
    await page.getByRole('heading', { name: 'Data quality: test.csv', level: 1 }).waitFor();

    // The Data page lists the run and the checked file is now analysed.
    await screen.openData();
    const runs = page.getByRole('list', { name: 'Check runs' });
    await runs.getByText('test.csv vs train.csv').waitFor();
    expect(await runs.locator('.badge').first().textContent()).toBe('Fail');
    await page.locator('.dataset-row', { hasText: 'test.csv' }).locator('.badge', { hasText: 'Unchanged since last check' }).waitFor();
    await page.locator('.dataset-row', { hasText: 'test.csv' }).locator('.badge', { hasText: 'Latest check: Fail' }).waitFor();
    await app.screenshot('data-list-after-check');

    // The dataset's profile page: facts and column cards with charts.
    await page.locator('.dataset-row', { hasText: 'test.csv' }).click();
    const facts = page.getByRole('group', { name: 'Dataset facts' });
    await facts.waitFor();
    const stat = (label: string) => facts.locator('.stat').filter({ has: page.locator('.stat__label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat__value');
    expect(await stat('Rows').textContent()).toBe('75');
    expect(await stat('Columns').textContent()).toBe('7');
    expect(await stat('Duplicate rows').textContent()).toBe('0');
    expect(await page.locator('.column-card').count()).toBe(7);
    await page.locator('.column-card', { hasText: 'monthly_spend' }).locator('svg').first().waitFor();
    await app.screenshot('dataset-profile');

    // Editing the file after its check flags it as changed, never silently reused.
    appendFileSync(join(dir, 'test.csv'), 'C09998,2026-04-01,north,33,10.00,late@example.com,no\n');
    await screen.openData();
    const changed = page.locator('.dataset-row', { hasText: 'test.csv' });
    await changed.locator('.badge', { hasText: 'Changed since last check' }).waitFor();
    expect(await changed.textContent()).toContain('The file changed since Tally last checked it');
    expect(app.problems).toEqual([]);
  });

  it('labels the figures of a large file that come from a sample or a sketch', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    // 40,000 rows (about 1 MB): more values than the engine samples for quantiles (32,768) and,
    // in amount and city, more different values than it counts exactly (16,384).
    const rows = 40_000;
    const cities = ['Paris', 'Lyon', 'Lille', 'Nantes', 'Nice', 'Metz'];
    const lines = ['amount,city,segment'];
    for (let i = 0; i < rows; i++) {
      const city = i % 20 < 11 ? cities[i % 6]! : `town-${i}`;
      lines.push(`${((i * 7919) % rows) / 8},${city},${['retail', 'business', 'public'][i % 3]}`);
    }
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'large.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    await screen.createProject('Large data');
    await screen.openData();
    const dialog = await screen.openPickerAt(dir);
    await dialog.getByRole('option', { name: /large\.csv/ }).click();
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'large.csv' }).waitFor();
    await page.getByRole('button', { name: 'Check data quality' }).click();
    await page.getByRole('checkbox', { name: /large\.csv/ }).check();
    for (const step of ['What each file is', 'Key columns', 'Population shares', 'Review and run']) {
      await screen.next();
      await screen.waitForStep(step);
    }
    await page.getByRole('button', { name: 'Run the check' }).click();
    await page.getByRole('heading', { name: 'Data quality: large.csv', level: 1 }).waitFor({ timeout: 60_000 });

    await screen.openData();
    await page.locator('.dataset-row', { hasText: 'large.csv' }).click();
    await page.getByRole('group', { name: 'Dataset facts' }).waitFor();
    const card = (name: string) => page.locator('details.column-card', { has: page.locator('.column-card__name', { hasText: new RegExp(`^${name}$`) }) });
    const fact = (name: string, label: string) => card(name).locator('.column-fact').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }) });

    // amount: the median is marked estimated with its sample; range and average carry no mark.
    const amount = card('amount');
    await amount.locator('svg').first().waitFor();
    const median = fact('amount', 'Median (estimated)');
    expect(await median.locator('.column-fact__value').textContent()).toMatch(/^≈ 2[45]\d0$/);
    expect(await median.locator('.column-fact__meaning').textContent()).toContain('estimated from a random sample of 32,768 values, within about half a percentile');
    expect(await fact('amount', 'Range').locator('.column-fact__value').textContent()).toBe('0 – 5000');
    expect(await fact('amount', 'Average').locator('.column-fact__value').textContent()).not.toContain('≈');
    expect(await amount.locator('figcaption').first().textContent()).toBe(
      'How many rows fall in each range of values. The shape comes from a random sample of 32,768 values, scaled up to all 40,000 values.',
    );

    // city: too many different values, so its top values' counts are approximate; segment's are exact.
    expect(await card('city').locator('figcaption').textContent()).toContain('the counts are approximate, as the column has too many different values to count each one exactly');
    expect(await card('segment').locator('figcaption').textContent()).toBe('The most frequent values and how many rows hold each.');
    await amount.scrollIntoViewIfNeeded();
    await app.screenshot('dataset-profile-estimated');
    expect(app.problems).toEqual([]);
  });

  it('counts in the singular where there is one: a file of one column and one row', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = join(app.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.csv'), 'score\n0.5\n');
    await screen.createProject('Tiny data');
    await screen.openData();
    await screen.openPickerAt(dir);
    await screen.chooseWithKeyboard('one.csv');
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'one.csv' }).waitFor();
    await page.getByRole('button', { name: 'Check data quality' }).click();
    const choice = page.locator('.choice', { hasText: 'one.csv' });
    expect(await choice.locator('.muted').textContent()).toBe('1 column');
    await page.getByRole('checkbox', { name: /one\.csv/ }).check();
    for (const step of ['What each file is', 'Key columns', 'Population shares', 'Review and run']) {
      await screen.next();
      await screen.waitForStep(step);
    }
    await page.getByRole('button', { name: 'Run the check' }).click();
    await page.getByRole('heading', { name: 'Data quality: one.csv', level: 1 }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.page__header .muted').first().textContent()).toMatch(/^1 row · 1 column · checked \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await app.screenshot('check-report-one-row');
    expect(app.problems).toEqual([]);
  });

  it('shows a malformed file’s precise error (file and line) and stores nothing', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new CheckScreen(page);
    const dir = dataFolder(app, ['broken.csv']);
    await screen.createProject('Broken data');
    await screen.openData();
    await screen.openPickerAt(dir);
    await screen.chooseWithKeyboard('broken.csv');
    await screen.addChosen('Training data');
    await page.locator('.dataset-row__name', { hasText: 'broken.csv' }).waitFor();
    await page.getByRole('button', { name: 'Check data quality' }).click();
    await page.getByRole('checkbox', { name: /broken\.csv/ }).check();
    for (const step of ['What each file is', 'Key columns', 'Population shares', 'Review and run']) {
      await screen.next();
      await screen.waitForStep(step);
    }
    await page.getByRole('button', { name: 'Run the check' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'The check could not finish.' });
    await error.waitFor({ timeout: 60_000 });
    const alertText = (await error.textContent()) ?? '';
    await app.screenshot('check-malformed-file');
    expect(alertText).toContain('broken.csv');
    // The quote opened on line 4 is never closed.
    expect(alertText).toMatch(/broken\.csv, line 4, column \d+/);
    expect(alertText).toContain('PARSE_ERROR');
    const projects = await rpc<Array<{ id: string }>>(app, 'projects.list', {});
    if (!projects.ok) throw new Error(projects.error.message);
    const runs = await rpc<unknown[]>(app, 'checks.list', { projectId: projects.value[0]!.id });
    expect(runs).toEqual({ ok: true, value: [] });
    expect(app.problems).toEqual([]);
  });
});
