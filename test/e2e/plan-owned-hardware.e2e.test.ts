import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HARDWARE } from '../../shared/catalog';
import { estimateTraining } from '../../shared/budget/training-estimate';
import { formatAmount } from '../../shared/domain/money-format';
import { startApp, type RunningApp } from './support/app';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

/** Words that belong in details and the glossary, never in the main text of a result. */
const JARGON = /\b(MFU|MBU|PSI|TDP|PUE)\b|--id|reference §|\d ms\b|[a-z][A-Z][a-z]+Usd|usdToProjectCurrency/;

const optionTexts = async (app: RunningApp, label: string) => app.page.getByLabel(label, { exact: true }).locator('option').allTextContents();

/** The result page without the collapsed assumptions (details) and the glossary buttons. */
async function mainText(app: RunningApp): Promise<string> {
  return app.page.locator('section.plan-result').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('details, .plan-term__toggle, .plan-term__explain').forEach((n) => n.remove());
    return copy.innerText;
  });
}

describe('Plan: a student costs a 1B-model training run on three GPUs, owned against rented', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('owned GPUs (electricity and write-off) against rented cloud GPUs, in plain words, compared side by side', async () => {
    app = await startApp({ colorScheme: 'light' });
    const { page } = app;
    const projects = new ProjectsScreen(page);
    await projects.startNew();
    await projects.fill({ Name: 'Thesis' });
    await projects.submit('Create project');
    await projects.expectTitle('Thesis');

    const plan = new PlanScreen(page);
    await plan.open();
    await plan.startTrainingWizard();
    await plan.pick('1B language model');
    await plan.next();
    await plan.question('How much data will it learn from?');
    expect(await page.getByLabel('Training data (tokens)', { exact: true }).inputValue()).toBe('20B');
    await plan.next();

    // Owned: the list holds devices people buy, no H200 on a desk and no phone.
    await plan.question('On which hardware, and how many?');
    await plan.pick('Use GPUs I already own');
    const owned = await optionTexts(app, 'Your GPU');
    expect(owned.join('|')).toMatch(/NVIDIA GeForce RTX 4090/);
    expect(owned.join('|')).not.toMatch(/H200|H100 SXM|TPU|phone/);
    await plan.select('Your GPU', 'rtx-4090');
    await plan.fill('Number of GPUs', '3');
    await plan.fill('Electricity price per kWh in USD (optional)', '-0.3');
    await plan.pick('Count what they cost');
    await plan.fill('Price of one GPU in USD', '1800');
    await page.getByRole('button', { name: 'See the answer' }).click();
    await page.getByText('The electricity price must not be negative').waitFor();
    await plan.fill('Electricity price per kWh in USD (optional)', '0.30');
    await app.screenshot('owned-1-hardware-own');
    await plan.seeAnswer();

    // The figure is the estimator's best guess, the middle of its range (the same defaults the backend uses), in the one money format.
    const spec = DEFAULT_HARDWARE.find((h) => h.id === 'rtx-4090');
    if (!spec) throw new Error('rtx-4090 is missing from the default catalog');
    const expected = estimateTraining({ hardware: spec, gpus: 3, params: 1e9, tokens: 20e9, owned: { electricityUsdPerKwh: 0.3, purchaseUsd: 1800, writeOffMonths: 36 } });
    expect(await page.locator('#result-title').textContent()).toBe(`About ${formatAmount(expected.range.p50.costUsd, { approx: true })} on 3 x NVIDIA GeForce RTX 4090 you own`);
    const figures = page.getByRole('group', { name: 'Training estimate' });
    await figures.getByText(/^Electricity \$[\d.,]+ at \$0\.30 per kWh, plus \$[\d.,]+: this run’s share of what the GPUs cost, their price spread over 36 months\.$/).waitFor();
    await figures.getByText('From start to finish with all 3 GPUs working.').waitFor();
    // No rental price moves an owned run's cost.
    const movers = (await page.locator('.plan-change-list').textContent()) ?? '';
    expect(movers).toMatch(/^The /);
    expect(movers).not.toMatch(/price per GPU-hour/);
    const rentals = page.getByRole('table', { name: 'Renting instead' });
    await rentals.waitFor();
    // Renting the same RTX 4090 first, then the three cheapest other cloud GPUs.
    expect(await rentals.getByRole('row').count()).toBe(5);
    expect(await rentals.getByRole('row').nth(1).getByRole('rowheader').textContent()).toBe('NVIDIA GeForce RTX 4090');
    const ownedText = await mainText(app);
    expect(ownedText).not.toMatch(JARGON);
    expect(ownedText).not.toMatch(/(\$[\d,.]+) to \1(?![\d,.])/);
    await app.screenshot('owned-2-result-owned');
    // The assumptions say where the write-off and the tariff come from.
    await page.getByText('Assumptions and sources').click();
    await page.getByRole('rowheader', { name: 'Purchase written off over' }).waitFor();
    await page.getByRole('rowheader', { name: 'Electricity price' }).waitFor();
    expect(await page.getByRole('group', { name: 'Save this plan' }).getByLabel('Plan name').inputValue()).toBe('1B language model on 3 x NVIDIA GeForce RTX 4090 (your own)');
    await plan.saveTo('Thesis', '1B on 3 own RTX 4090');

    // Rented: the same run on three GPUs from the cloud list (no phone, no laptop, no edge box).
    await page.getByRole('button', { name: 'Start over' }).click();
    await plan.question('What are you training?');
    await plan.pick('1B language model');
    await plan.next();
    await plan.next();
    await plan.question('On which hardware, and how many?');
    await plan.pick('Rent GPUs in the cloud');
    const rented = await optionTexts(app, 'Cloud GPU');
    expect(rented.join('|')).toMatch(/H100 SXM/);
    expect(rented.join('|')).not.toMatch(/phone|Jetson|Raspberry|Apple/);
    await plan.select('Cloud GPU', 'rtx-4090');
    await plan.fill('Number of GPUs', '3');
    await app.screenshot('owned-3-hardware-rent');
    await plan.seeAnswer();
    await page.getByRole('heading', { level: 1, name: /^About \$[\d,.]+ on 3 x NVIDIA GeForce RTX 4090$/ }).waitFor();
    await page.getByRole('group', { name: 'Training estimate' }).getByText(/^What renting the GPUs for the whole run costs\. Priced at catalog prices from /).waitFor();
    const rentedText = await mainText(app);
    expect(rentedText).not.toMatch(JARGON);
    expect(rentedText).not.toMatch(/(\$[\d,.]+) to \1(?![\d,.])/);
    await app.screenshot('owned-4-result-rented');
    await plan.saveTo('Thesis', '1B on 3 rented RTX 4090');

    // Side by side on the Plan page.
    await plan.open();
    await page.getByRole('checkbox', { name: 'Compare 1B on 3 own RTX 4090' }).check();
    await page.getByRole('checkbox', { name: 'Compare 1B on 3 rented RTX 4090' }).check();
    const sideBySide = page.getByRole('table', { name: 'Plans side by side' });
    await sideBySide.waitFor();
    const runsOn = (await sideBySide.getByRole('row', { name: /Runs on/ }).allTextContents()).join(' ');
    expect(runsOn).toContain('3 x NVIDIA GeForce RTX 4090 (your own)');
    await app.screenshot('owned-5-compare');
    expect(app.problems).toEqual([]);
  });

  it('the cloud wizard: a short-texts task, model details behind a toggle, lists that fit, a device already paid for', async () => {
    app = await startApp({ colorScheme: 'light' });
    const { page } = app;
    const plan = new PlanScreen(page);
    await plan.open();
    await plan.startCloudWizard();
    await plan.pick('Write short texts (product descriptions)');
    await plan.pick('A small, fast model');
    expect(await page.getByText(/Llama 3\.1 8B/).isVisible()).toBe(false);
    await page.getByText('Details of the models').click();
    await page.getByText(/About 8 billion parameters, like Llama 3\.1 8B/).waitFor();
    await app.screenshot('owned-6-cloud-task');
    await plan.next();
    await plan.fill('Requests per day', '300');
    await plan.next();
    await plan.pick('Within a few seconds');
    await plan.next();
    await plan.pick('Internal');
    await plan.next();
    await plan.question('What can you spend?');
    const cloudList = (await optionTexts(app, 'Rented cloud GPU')).join('|');
    expect(cloudList).not.toMatch(/phone|Jetson|Raspberry|Apple/);
    const ownList = (await optionTexts(app, 'Your own device')).join('|');
    expect(ownList).not.toMatch(/H200|H100 SXM|TPU v5e/);
    await plan.pick('I already have it');
    expect(await page.getByLabel('Its purchase price in USD', { exact: true }).count()).toBe(0);
    await plan.fill('Electricity price per kWh in USD (optional)', '0.30');
    await app.screenshot('owned-7-cloud-options');
    await plan.seeAnswer();
    const options = page.getByRole('table', { name: 'Options compared' });
    await options.getByText('Already paid for: only its electricity counts.').waitFor();
    const text = await mainText(app);
    expect(text).not.toMatch(JARGON);
    expect(text).not.toMatch(/(\$[\d,.]+)(–| to )\1(?![\d,.])/);
    expect(await page.locator('.plan-recommendation__sentence').textContent()).toMatch(/\d seconds?\b/);
    await app.screenshot('owned-8-cloud-result');
    expect(app.problems).toEqual([]);
  });
});
