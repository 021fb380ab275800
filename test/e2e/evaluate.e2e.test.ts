import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { lcg, writePredictions } from '../fixtures/predictions/generate';
import { seedProjectRuns, type SeedRun } from '../support/seed-runs';
import { tempDir } from '../support/temp';
import { startApp, type RunningApp } from './support/app';
import { EvaluateScreen } from './support/evaluate.page';

const REGIONS = ['north', 'south', 'east', 'west'];

interface Options {
  seed: number;
  /** How far a score strays from its label's side (0.22 / 0.78); "west" gets `westNoise`. */
  noise: number;
  westNoise?: number;
  /** Mark about half the rows as training rows, on which the model is sure of the right answer (memorised). */
  trainFlag?: boolean;
  /** Years added to every age (a shifted population). */
  older?: number;
}

/** A churn model's predictions: region, age, (training flag,) the true label and the score. Seeded. */
function predictions(n: number, o: Options): object[] {
  const rnd = lcg(o.seed);
  return Array.from({ length: n }, () => {
    const region = REGIONS[Math.floor(rnd() * 4)]!;
    const age = Math.min(95, 18 + Math.floor(rnd() * 50) + (o.older ?? 0));
    const label = rnd() < 0.3 ? 1 : 0;
    const noise = region === 'west' ? (o.westNoise ?? o.noise) : o.noise;
    let score = Math.min(1, Math.max(0, (label ? 0.78 : 0.22) + (rnd() - 0.5) * 2 * noise));
    const inTrain = o.trainFlag ? (rnd() < 0.5 ? 1 : 0) : 0;
    // A memorised training row: more confident, on the side it already had (the decision at 0.5 is unchanged).
    if (inTrain && score >= 0.5 === (label === 1)) score = label ? Math.max(score, 0.97) : Math.min(score, 0.03);
    const row: Record<string, string | number> = { region, age };
    if (o.trainFlag) row.in_train = inTrain;
    row.label = label;
    row.score = Math.round(score * 1e4) / 1e4;
    return row;
  });
}

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 8);
const RUNS: SeedRun[] = [
  { name: 'churn-large', startTime: T0, endTime: T0 + 3 * H, compute: { hardwareId: 'h100-sxm', devices: 8 } },
  { name: 'churn-small', startTime: T0 + 4 * H, endTime: T0 + 5 * H, compute: { hardwareId: 'a100-80gb', devices: 1 } },
];

/** A project with two training runs of known cost, seeded through the real backend before the app opens. */
async function seededApp(): Promise<{ app: RunningApp; folder: string; cleanup(): void }> {
  const dir = tempDir('tally-e2e-eval-');
  const backend = createBackend({ dataDir: dir.dir, host: 'test' });
  try {
    await seedProjectRuns(backend.dispatch, { projectName: 'Churn model', experimentName: 'churn', runs: RUNS });
  } finally {
    backend.close();
  }
  const folder = join(dir.dir, 'predictions');
  mkdirSync(folder);
  writePredictions(folder, 'churn-large.csv', predictions(1200, { seed: 7, noise: 0.35, westNoise: 0.75, trainFlag: true }));
  writePredictions(folder, 'churn-small.csv', predictions(1200, { seed: 8, noise: 0.5, westNoise: 0.55 }));
  writePredictions(folder, 'churn-old.csv', predictions(1200, { seed: 9, noise: 0.6 }));
  const app = await startApp({ dataDir: dir.dir });
  return { app, folder, cleanup: dir.cleanup };
}

describe('Evaluate: wizard, evaluation page, compare and monitors, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  let cleanup: (() => void) | null = null;
  afterEach(async () => {
    await app?.close();
    cleanup?.();
    app = null;
    cleanup = null;
  });

  it('evaluates models from their predictions, compares three against their cost and monitors one for drift', async () => {
    const seeded = await seededApp();
    ({ app, cleanup } = seeded);
    const { page } = app;
    const screen = new EvaluateScreen(page, app);
    await screen.openProject('Churn model');
    await page.getByRole('region', { name: 'Evaluate' }).getByText('No evaluation yet').waitFor();
    await screen.openEvaluate();
    await page.getByText('No evaluation yet. Press New evaluation').waitFor();

    // Step 1: the predictions file, chosen with the in-app picker.
    await screen.startWizard();
    await screen.waitForStep('Predictions file');
    await screen.next();
    expect(await page.getByRole('alert').first().textContent()).toBe('Choose the predictions file');
    await screen.choosePredictions(seeded.folder, 'churn-large.csv');
    expect(await page.getByLabel('Predictions file', { exact: true }).inputValue()).toBe(join(seeded.folder, 'churn-large.csv'));
    await app.screenshot('eval-wizard-1-file');
    await screen.next();

    // Step 2: the roles Tally guessed, each with its reason.
    await screen.waitForStep('Which column is which');
    expect(await screen.select('The true answer').inputValue()).toBe('label');
    expect(await screen.select('Score column').inputValue()).toBe('score');
    expect(await screen.select('Which rows the model trained on').inputValue()).toBe('in_train');
    expect(await screen.select('Kind of question').inputValue()).toBe('binary');
    expect(await screen.select('Which answer counts as yes').inputValue()).toBe('1');
    await page.getByText('Guessed: named "label", a usual name for the true label.').waitFor();
    expect(await page.getByRole('checkbox', { name: /^region/ }).isChecked()).toBe(true);
    await app.screenshot('eval-wizard-2-roles');
    await screen.next();

    // Step 3: what mistakes cost, a gate, the run that trained it; a bad gate is refused with the parser's words.
    await screen.waitForStep('Costs, gates and links');
    await screen.select('Name').fill('Churn large');
    await screen.select('What one false alarm costs (USD)').fill('5');
    await screen.select('What one missed case costs (USD)').fill('50');
    await screen.select('Conditions it must meet (one per line)').fill('f1>=0.5\nrecall>>0.9');
    await screen.run();
    await page.getByText(/Gate "recall>>0.9": .* at position \d+\./).waitFor();
    await screen.select('Conditions it must meet (one per line)').fill('f1>=0.5\nslice_min(f1)>=0.75');
    await screen.selectStartingWith('Training run that made the model', 'churn-large (');
    await app.screenshot('eval-wizard-3-options');
    await screen.run();

    // The evaluation page: verdict, metrics with intervals and baselines, the worse slice first.
    await screen.waitForEvaluation('Churn large');
    const verdict = (await page.getByRole('status', { name: 'Verdict' }).textContent()) ?? '';
    expect(verdict).toMatch(/^It finds \d+% of the "1" cases, and \d+% of the rows it flags are right\. It ranks cases much better than random guessing \(0\.\d\d against 0\.50\)\. It does significantly worse on region = west\./);
    expect(verdict).toContain('1 of 2 gates failed: slice_min(f1)>=0.75.');
    const rank = screen.metricCard('rocAuc');
    expect(await rank.locator('.stat__label').textContent()).toBe('How well it ranks');
    expect(await rank.locator('.eval-metric__range').textContent()).toMatch(/^95% range 0\.\d\d–0\.\d\d$/);
    expect(await rank.locator('.eval-metric__baseline').textContent()).toBe('Random guessing would get 0.50');
    expect(await screen.metricCard('recall').locator('.eval-metric__baseline').textContent()).toBe('Always giving the most common answer would get 0.00');
    // Jargon stays in the glossary.
    expect(await page.locator('.eval-metrics').textContent()).not.toMatch(/AUC|ECE/);
    const groups = await screen.sliceGroups();
    expect(groups[0]).toBe('region: west');
    expect(await page.getByRole('table', { name: 'Slices' }).locator('tbody tr').first().locator('.badge').textContent()).toBe('Significantly worse');
    await page.getByRole('list', { name: 'Worse groups' }).getByText(/^F1 on region = west is 0\.\d+ \(0\.\d+–0\.\d+\), against 0\.\d+ overall: significantly worse\.$/).waitFor();
    // Label issues and the training-row leak (the file marks the memorised training rows).
    await page.getByRole('heading', { name: /Does it give away its training rows\? Much better than a coin flip/ }).waitFor();
    await page.getByText(/do not delete flagged rows blindly/).waitFor();
    await page.locator('.eval-chart svg').first().waitFor();
    await app.screenshot('eval-page');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('eval-page-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The threshold tool moves when the costs change: misses ten times dearer than false alarms, then equal.
    const tool = screen.threshold();
    const cheap = await screen.cheapestThreshold();
    const dearMisses = await screen.costAtBest();
    expect(Number(cheap)).toBeLessThan(0.5);
    expect(await page.getByTestId('cost-at-default').locator('.stat__label').textContent()).toBe('At 0.5 (in use)');
    await screen.shot(tool, 'eval-threshold-tool');
    await tool.getByLabel('One missed case costs (USD)').fill('5');
    await screen.waitForCheapestChange(cheap);
    expect(Number(await screen.cheapestThreshold())).toBeGreaterThan(Number(cheap));
    // Misses got ten times cheaper: mistakes at the cheapest threshold cost less per 1,000 predictions.
    expect(await screen.costAtBest()).toBeLessThan(dearMisses);
    await screen.shot(tool, 'eval-threshold-tool-equal-costs');

    // Export to HTML downloads the file the backend names.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to HTML' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tally-eval-Churn-large-\d{4}-\d{2}-\d{2}\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('churn-large.csv');
    expect(html).not.toContain('<script');

    // The linked run's cost shows; a serving cost is saved.
    const links = page.getByRole('region', { name: 'What it cost' });
    await links.getByTestId('linked-run').getByText(/^Trained by churn-large \(churn\) for \$[\d,]+\.\d\d\.$/).waitFor();
    await links.getByLabel('Serving cost per 1,000 predictions (US dollars)').fill('0.40');
    await links.getByRole('button', { name: 'Save serving cost' }).click();
    await links.getByText('Saved: $0.40 per 1,000 predictions.').waitFor();

    // A second model through the wizard with its guesses as they are, but broken down by region only.
    await page.getByRole('link', { name: '← All evaluations' }).click();
    await screen.startWizard();
    await screen.choosePredictions(seeded.folder, 'churn-small.csv');
    await screen.next();
    await screen.waitForStep('Which column is which');
    expect(await page.getByRole('checkbox', { name: /^age/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^age/ }).uncheck();
    await screen.next();
    await screen.waitForStep('Costs, gates and links');
    await screen.selectStartingWith('Training run that made the model', 'churn-small (');
    await screen.run();
    await screen.waitForEvaluation('churn-small');
    const small = page.getByRole('region', { name: 'What it cost' });
    await small.getByLabel('Serving cost per 1,000 predictions (US dollars)').fill('0.10');
    await small.getByRole('button', { name: 'Save serving cost' }).click();
    await small.getByText('Saved: $0.10 per 1,000 predictions.').waitFor();

    // A third, older model: worse, trained by the same dear run, and as dear to serve.
    await page.getByRole('link', { name: '← All evaluations' }).click();
    await screen.startWizard();
    await screen.choosePredictions(seeded.folder, 'churn-old.csv');
    await screen.next();
    await screen.waitForStep('Which column is which');
    await screen.next();
    await screen.waitForStep('Costs, gates and links');
    await screen.select('Name').fill('Churn old');
    await screen.selectStartingWith('Training run that made the model', 'churn-large (');
    await screen.run();
    await screen.waitForEvaluation('Churn old');
    const old = page.getByRole('region', { name: 'What it cost' });
    await old.getByLabel('Serving cost per 1,000 predictions (US dollars)').fill('0.40');
    await old.getByRole('button', { name: 'Save serving cost' }).click();
    await old.getByText('Saved: $0.40 per 1,000 predictions.').waitFor();

    // The list: headline with its interval, gates, the run and its cost; then compare all three.
    await page.getByRole('link', { name: '← All evaluations' }).click();
    const table = page.getByRole('table', { name: 'Evaluations' });
    await table.locator('tbody tr').nth(2).waitFor();
    const largeRow = table.locator('tr', { hasText: 'Churn large' });
    expect(await largeRow.locator('.eval-table__metric').textContent()).toMatch(/^0\.\d\d \(0\.\d\d–0\.\d\d\)Balance of flags and finds$/);
    expect(await largeRow.locator('.badge').textContent()).toBe('Gate failed');
    expect(await largeRow.textContent()).toMatch(/churn-large · \$[\d,]+\.\d\d/);
    await app.screenshot('eval-list');
    for (const name of ['Churn large', 'churn-small', 'Churn old']) await screen.pickForCompare(name);
    await screen.compare();
    const marks = await screen.paretoMarks();
    const project = (await screen.rpc('projects.list', {}))[0]!;
    const ids = Object.fromEntries((await screen.rpc('evaluations.list', { projectId: project.id })).map((e) => [e.name, e.id]));
    expect(marks).toEqual({ [ids['Churn large']!]: 'front', [ids['churn-small']!]: 'front', [ids['Churn old']!]: 'beaten' });
    expect(await page.getByTestId('compare-sentence').textContent()).toMatch(/^"churn-small" reaches a F1 of [\d.]+ for \$[\d,.]+; "Churn large" is [\d.]+ higher for \$[\d,.]+ more \(with 1,000,000 predictions\)\. One other model costs more for less\.$/);
    expect(await page.getByRole('table', { name: 'Models side by side' }).locator('.eval-front').count()).toBe(2);
    await app.screenshot('eval-compare');

    // A monitor on the small model (its file has no memorised training rows, so its scores are what production sees):
    // a batch like its data, then an older population with noisier scores that raises alerts.
    await page.getByRole('link', { name: '← All evaluations' }).click();
    await page.getByRole('button', { name: 'New monitor' }).click();
    const form = page.getByRole('form', { name: 'New monitor' });
    await form.getByRole('button', { name: 'Create the monitor' }).click();
    await form.getByText('Give the monitor a name').waitFor();
    await form.getByLabel('Name', { exact: true }).fill('Churn in production');
    await form.getByLabel('Evaluation', { exact: true }).selectOption({ label: 'churn-small (churn-small.csv)' });
    // The groups to follow: the evaluation's region ticked, age suggested; the label and score are not offered.
    const groupsToFollow = form.getByRole('group', { name: 'Groups to follow (optional)' });
    const region = groupsToFollow.getByRole('checkbox', { name: /^region/ });
    const age = groupsToFollow.getByRole('checkbox', { name: /^age/ });
    await region.waitFor();
    expect(await groupsToFollow.getByRole('checkbox').count()).toBe(2);
    expect(await region.isChecked()).toBe(true);
    expect(await age.isChecked()).toBe(false);
    await groupsToFollow.getByText('Suggested: a numeric column with a group-like name (binned into ranges)').waitFor();
    // Ticked from the keyboard: Tab from the region box reaches age, Space ticks it.
    await region.focus();
    await page.keyboard.press('Tab');
    expect(await age.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await age.isChecked()).toBe(true);
    expect(await form.getByTestId('monitor-slices-chosen').textContent()).toBe('Each batch will be broken down by region, age.');
    await screen.shot(form, 'eval-monitor-new');
    await form.getByRole('button', { name: 'Create the monitor' }).click();
    await page.getByRole('heading', { name: 'Churn in production', level: 1 }).waitFor();
    expect(await page.getByTestId('monitor-groups-followed').textContent()).toBe('Follows the groups of region and age.');
    await page.getByText('No batches yet').first().waitFor();
    const batches = join(seeded.folder, 'batches');
    mkdirSync(batches);
    writePredictions(batches, 'march.csv', predictions(2000, { seed: 23, noise: 0.5, westNoise: 0.55 }));
    writePredictions(batches, 'april.csv', predictions(2000, { seed: 22, noise: 0.7, westNoise: 1, older: 25 }));
    for (const [i, file] of ['march.csv', 'april.csv'].entries()) {
      const dialog = await screen.openPicker('Add a batch', 'Choose a batch of new data', batches);
      await dialog.getByRole('option', { name: new RegExp(file.replace('.', '\\.')) }).click();
      await dialog.getByRole('button', { name: 'Add this batch' }).click();
      await screen.waitForBatches(i + 1);
    }
    expect(await screen.batchRow(1).locator('.badge').textContent()).toBe('None');
    expect(await screen.batchRow(2).locator('.badge').first().textContent()).toBe('Alert');
    expect(await screen.batchRow(2).locator('.eval-alerts').textContent()).toMatch(/age shifted: a shift of [\d.]+, a major change from the reference\./);
    expect(await page.getByRole('heading', { name: /Churn in production/, level: 1 }).locator('.badge').textContent()).toBe('Alert');
    expect(await page.getByTestId('monitor-summary').textContent()).toMatch(/, 1 of 2 batches raised alerts: the latest batch differs from the reference in age \(a shift of [\d.]+\)/);
    await page.locator('figure[data-column="age"] .badge', { hasText: 'Major shift' }).waitFor();
    await page.locator('figure[data-column="age"] svg').waitFor();
    expect(await page.getByText(/\bPSI\b/).filter({ visible: true }).count()).toBe(0);
    // The groups chosen in the form (the evaluation's region and the added age), against the same groups
    // of its file: the west fell behind; ages are cut at the reference's quartiles although this population is older.
    const groupTable = page.getByRole('table', { name: 'Groups' });
    expect(await groupTable.locator('tr[data-group="region = west"]').getAttribute('data-status')).toBe('fell-behind');
    expect(await groupTable.locator('tr[data-group="region = west"] .badge').textContent()).toBe('Fell behind');
    expect(await groupTable.locator('tr[data-group^="age "]').count()).toBe(4);
    // The youngest reference group has no one in this older batch: 0 rows, its share gone to 0%.
    expect(await groupTable.locator('tr[data-group^="age < "]').textContent()).toMatch(/^age < \d+0\d+% → 0%/);
    expect(await groupTable.locator('tr[data-group="region = north"]').textContent()).toMatch(/\d+% → \d+%0\.\d\d → 0\.\d\d/);
    expect(await screen.batchRow(2).locator('.eval-alerts').textContent()).toMatch(/F1 on region = west dropped from 0\.\d+ to 0\.\d+\./);
    await page.locator('figure[data-group-column="region"] svg').waitFor();
    await app.screenshot('eval-monitor');
    expect(app.problems).toEqual([]);
  });

  it('a malformed predictions file shows its file, line and column, and stores nothing', async () => {
    const seeded = await seededApp();
    ({ app, cleanup } = seeded);
    const { page } = app;
    const screen = new EvaluateScreen(page, app);
    writePredictions(seeded.folder, 'broken.csv', [
      { label: 1, score: 0.9 },
      { label: 0, score: 0.2 },
      { label: 1, score: 'high' },
    ]);
    await screen.openProject('Churn model');
    await screen.openEvaluate();
    await screen.startWizard();
    await screen.choosePredictions(seeded.folder, 'broken.csv');
    await screen.next();
    await screen.waitForStep('Which column is which');
    // "high" among the scores: Tally does not take the column for a score, so the user names it.
    await page.getByRole('radio', { name: /A score or probability/ }).check();
    expect(await screen.select('Score column').inputValue()).toBe('');
    await screen.select('Score column').selectOption('score');
    await screen.next();
    await screen.run();
    const error = page.getByRole('alert').filter({ hasText: 'The evaluation could not finish.' });
    await error.waitFor({ timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('PARSE_ERROR');
    expect(text).toMatch(/broken\.csv, line 4, column 3/);
    await app.screenshot('eval-wizard-parse-error');
    const project = (await screen.rpc('projects.list', {}))[0]!;
    expect(await screen.rpc('evaluations.list', { projectId: project.id })).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
