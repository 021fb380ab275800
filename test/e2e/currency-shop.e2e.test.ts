import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { splitOfBestGuess } from '../../shared/budget/best-guess';
import { planMoney } from '../../shared/budget/plan-money';
import { estimateTraining } from '../../shared/budget/training-estimate';
import { DEFAULT_HARDWARE } from '../../shared/catalog';
import { dollarsToProjectCents, type ProjectMoney } from '../../shared/domain/currency';
import { formatAmount } from '../../shared/domain/money-format';
import { startApp, type RunningApp } from './support/app';
import { AxeLog, describeViolations } from './support/axe';
import { countInWords } from '../../renderer/src/features/plan/parts/answer-format';
import { backendCall, PlanAnswersScreen } from './support/plan-answers.page';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

const axe = new AxeLog();

/** axe-core on the page as it is: no critical, serious or moderate violation (support/axe.ts). */
async function accessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(name, 'light', await axe.check(page, name, 'light'))).toBe('');
}

/** The answer as read on screen, without the collapsed assumptions and the glossary buttons. */
async function mainText(page: Page): Promise<string> {
  return page.locator('section.plan-result').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('details, .plan-term__toggle, .plan-term__explain').forEach((n) => n.remove());
    return copy.innerText;
  });
}

/** A euro shop: €5,000 budget, 0.92 EUR per US dollar set today. */
async function cornerShop(app: RunningApp): Promise<void> {
  const projects = new ProjectsScreen(app.page);
  await projects.startNew();
  await projects.fill({ Name: 'Corner shop', Currency: 'EUR', 'Total budget': '€5,000' });
  await app.page.getByLabel('1 US dollar in EUR', { exact: true }).fill('0,92');
  await projects.submit('Create project');
  await projects.expectTitle('Corner shop');
}

/**
 * The shop owner who counts in euros: sets the project's currency and its exchange rate once,
 * asks the cloud wizard, types "€300" as the monthly budget, saves the plan to the project and
 * sees it in euros next to that budget; edits the plan's budget and sees the new one kept.
 */
describe('a shop in euros, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('plans in euros: one rate set once, the wizard answer and the saved plan both converted and held against the €300 cap', async () => {
    app = await startApp();
    const { page } = app;
    const today = new Date().toISOString().slice(0, 10);
    const projects = new ProjectsScreen(page);
    await projects.startNew();
    await projects.fill({ Name: 'Corner shop', Currency: 'EUR', 'Total budget': '€5,000' });
    await page.getByLabel('1 US dollar in EUR', { exact: true }).fill('0,92');
    await app.screenshot('currency-1-new-project');
    await projects.submit('Create project');
    await projects.expectTitle('Corner shop');
    await page.getByRole('group', { name: 'Budget' }).getByText('€5,000.00').waitFor();

    // The budget page says which rate converts dollars, of which day, and who set it.
    await page.getByRole('link', { name: 'Open the budget →' }).click();
    await page.getByRole('heading', { name: 'Budget', level: 1 }).waitFor();
    await page.getByText(`Run costs and plans priced in US dollars are converted at 0.92 EUR per US dollar of ${today} (set by `).waitFor();
    await app.screenshot('currency-1b-budget-page');

    const plan = new PlanScreen(page);
    await plan.open();
    await plan.answerShopChatToBudget('300', '12');
    expect(await page.getByLabel('For the project', { exact: true }).inputValue()).not.toBe('');
    await page.getByText(`we show them in EUR at 0.92 EUR per US dollar of ${today}`).waitFor();
    // A budget in another currency is refused next to the field, naming both.
    await plan.fill('Monthly budget in EUR (optional)', '$300');
    await page.getByRole('button', { name: 'See the answer' }).click();
    expect(await plan.fieldError('Monthly budget in EUR (optional)')).toBe('The monthly budget is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR');
    await plan.fill('Monthly budget in EUR (optional)', '€300');
    await app.screenshot('currency-2-budget-step');
    await plan.seeAnswer();

    const verdict = page.getByRole('status', { name: 'Against your budget' });
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/^Cloud AI service: €[\d.,]+ a month, within your €300 monthly cap\. /);
    const options = page.getByRole('table', { name: 'Options compared' });
    expect(await options.textContent()).toContain('€');
    expect(await options.textContent()).not.toContain('$');
    expect(await page.locator('.plan-recommendation__sentence').textContent()).not.toContain('$');
    await page.getByText(`Amounts in EUR, converted from the catalog's US dollar prices at 0.92 EUR per US dollar of ${today}.`).waitFor();
    await page.locator('figure[aria-label="Monthly cost per option"] svg rect').first().waitFor();
    await app.screenshot('currency-3-answer');

    await plan.saveTo('Corner shop', 'Product texts');
    await page.getByRole('link', { name: 'Open the project' }).click();
    await projects.expectTitle('Corner shop');
    const plans = page.getByRole('table', { name: 'Saved plans' });
    const row = plans.getByRole('row', { name: /Product texts/ });
    await row.getByText(/€[\d.,]+ a month, within your €300 monthly cap/).waitFor();
    await row.getByText(`at 0.92 EUR per US dollar of ${today}`).waitFor();
    expect(await plans.textContent()).not.toContain('$');
    await app.screenshot('currency-4-plan-list');

    // Editing the plan keeps a changed budget (it used to be dropped).
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “Product texts”').waitFor();
    for (let i = 0; i < 4; i += 1) await plan.next();
    expect(await page.getByLabel('Monthly budget in EUR (optional)', { exact: true }).inputValue()).toBe('300');
    await plan.fill('Monthly budget in EUR (optional)', '450 €');
    await plan.seeAnswer();
    await page.getByRole('status', { name: 'Against your budget' }).getByText(/within your €450 monthly cap/).waitFor();
    await page.getByRole('group', { name: 'Save this plan' }).getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Product texts”').waitFor();
    await page.getByRole('link', { name: 'Open the project' }).click();
    await plans.getByRole('row', { name: /Product texts/ }).getByText(/€[\d.,]+ a month, within your €450 monthly cap/).waitFor();
    await page.reload();
    await plans.getByRole('row', { name: /Product texts/ }).getByText(/within your €450 monthly cap/).waitFor();
    await app.screenshot('currency-5-plan-edited');
    expect(app.problems).toEqual([]);
  });
  it('trains and serves in euros: the training answer in € before saving, an owned GPU typed as €1,200 and €0.30/kWh, a price per hour in €', async () => {
    app = await startApp();
    const { page } = app;
    const today = new Date().toISOString().slice(0, 10);
    const eur: ProjectMoney = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: today };
    // Dollars as the page writes an estimate in euros: converted once to cents, then approximated.
    const euros = (usd: number) => formatAmount((dollarsToProjectCents(usd, eur) as number) / 100, { currency: 'EUR', approx: true });
    await cornerShop(app);

    // The training planner: the project is chosen on the hardware step, where prices are typed.
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.startTrainingWizard();
    await plan.pick('1B language model');
    await plan.next();
    await plan.next();
    await plan.question('On which hardware, and how many?');
    expect(await page.getByLabel('For the project', { exact: true }).inputValue()).not.toBe('');
    await page.getByText(`we show them in EUR at 0.92 EUR per US dollar of ${today}`).waitFor();
    await plan.pick('Use GPUs I already own');
    await plan.select('Your GPU', 'rtx-4090');
    await plan.fill('Number of GPUs', '3');
    await plan.fill('Electricity price per kWh in EUR (optional)', '$0.30/kWh');
    await plan.pick('Count what they cost');
    await plan.fill('Price of one GPU in EUR', '€1,200');
    await page.getByRole('button', { name: 'See the answer' }).click();
    expect(await plan.fieldError('Electricity price per kWh in EUR (optional)')).toBe('The electricity price is written in USD, but this project counts in EUR; write it in EUR, like 0.30, €0.30 or 0.30 EUR per kWh');
    await plan.fill('Electricity price per kWh in EUR (optional)', '€0.30/kWh');
    // Which rate turns the typed euros into the estimate's dollars, and what each came to: 0.30 / 0.92 and 1,200 / 0.92.
    const converted = page.getByRole('note', { name: 'Prices converted' });
    expect(await converted.textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €0.30 per kWh is $0.326 per kWh; €1,200 is $1,304.');
    await app.screenshot('currency-6-training-owned-prices');
    await accessible(page, 'currency-training-owned-prices');

    const [asked] = await plan.answerWith('estimate.training');
    // The estimator got dollars: the euros typed, divided by the project's rate, unrounded.
    expect(asked?.input.owned?.electricityUsdPerKwh).toBeCloseTo(0.3 / 0.92, 12);
    expect(asked?.input.owned?.purchaseUsd).toBeCloseTo(1200 / 0.92, 9);
    const spec = DEFAULT_HARDWARE.find((h) => h.id === 'rtx-4090');
    if (!spec) throw new Error('rtx-4090 is missing from the default catalog');
    const expected = estimateTraining({ hardware: spec, gpus: 3, params: 1e9, tokens: 20e9, owned: { electricityUsdPerKwh: 0.3 / 0.92, purchaseUsd: 1200 / 0.92, writeOffMonths: 36 } });
    // Before saving, the answer is in euros: the headline (the best guess: the middle of the range), the split of it (the tariff back as typed) and the budget.
    const best = expected.range.p50.costUsd;
    expect(await page.locator('#result-title').textContent()).toBe(`About ${euros(best)} on 3 x NVIDIA GeForce RTX 4090 you own`);
    if (!expected.ownedCost) throw new Error('an owned run has a cost split');
    const split = splitOfBestGuess(expected.ownedCost, best);
    await page.getByRole('group', { name: 'Training estimate' }).getByText(`Electricity ${euros(split.electricityUsd)} at €0.30 per kWh, plus ${euros(split.writeOffUsd)}: this run’s share of what the GPUs cost, their price spread over 36 months.`).waitFor();
    const held = planMoney({ kind: 'training', result: expected }, { ...eur, budgetCents: 500_000, monthlyCapCents: null });
    expect(held.summary).toMatch(/^€[\d,.]+ in total, within the project's €5,000 budget$/);
    expect(await page.getByRole('status', { name: 'Against the budget' }).textContent()).toBe(`Within the project's €5,000 budget, even in the high case (${euros(expected.range.p90.costUsd)}).`);
    const answer = await mainText(page);
    expect(answer).not.toContain('$');
    // The rate and its date are named once for the whole answer.
    expect(answer.split('0.92 EUR per US dollar').length - 1).toBe(1);
    expect(answer).toContain(`Amounts in EUR, converted from the estimate's US dollars at 0.92 EUR per US dollar of ${today}.`);
    expect(await page.getByRole('table', { name: 'Renting instead' }).textContent()).toMatch(/€[\d,.]+/);
    await page.getByText('Assumptions and sources').click();
    expect(await page.getByRole('row', { name: /^Electricity price/ }).textContent()).toContain('0.3 EUR/kWh');
    await app.screenshot('currency-7-training-answer');
    await accessible(page, 'currency-training-answer');

    await plan.saveTo('Corner shop', '1B on 3 own RTX 4090');
    await page.getByRole('link', { name: 'Open the project' }).click();
    const plans = page.getByRole('table', { name: 'Saved plans' });
    const row = plans.getByRole('row', { name: /1B on 3 own RTX 4090/ });
    await row.getByText(`${held.summary}`).waitFor();
    // One best guess: the saved row's cost and its sentence name the figure the answer led with.
    expect(held.summary?.startsWith(`${euros(best)} in total`)).toBe(true);
    expect(await row.locator('td.plan-num').first().evaluate((td) => td.firstChild?.textContent ?? '')).toBe(euros(best));
    // The saved plans keep the cents the backend converts with the same rate: the same sentence.
    await row.getByText('3 x NVIDIA GeForce RTX 4090 (your own)').waitFor();
    expect(await plans.textContent()).not.toContain('$');

    // Reopened, the prices read as they were typed (the saved dollars converted back once).
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “1B on 3 own RTX 4090”').waitFor();
    await plan.next();
    await plan.next();
    expect(await page.getByLabel('Electricity price per kWh in EUR (optional)', { exact: true }).inputValue()).toBe('0.30');
    expect(await page.getByLabel('Price of one GPU in EUR', { exact: true }).inputValue()).toBe('1200');
    await app.screenshot('currency-8-training-reopened');

    // The cloud wizard's own device: the shop price comes in euros ($2,500 x 0.92), a typed one is converted.
    await plan.open();
    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await plan.next();
    await plan.fill('Requests per day', '300');
    await plan.next();
    await plan.next();
    await plan.next();
    await plan.question('What can you spend?');
    expect(await page.getByLabel('Its purchase price in EUR', { exact: true }).inputValue()).toBe('2300');
    await plan.fill('Its purchase price in EUR', '€1,200');
    await plan.fill('Electricity price per kWh in EUR (optional)', '0,30 €/kWh');
    expect(await page.getByRole('note', { name: 'Prices converted' }).textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €1,200 is $1,304; €0.30 per kWh is $0.326 per kWh.');
    await app.screenshot('currency-9-cloud-owned-prices');
    await plan.seeAnswer();
    await page.getByRole('table', { name: 'Options compared' }).getByText('€1,200 to buy 1 device up front, paid off over 12 months').waitFor();
    expect(await page.locator('.plan-recommendation__sentence').textContent()).not.toContain('$');
    await app.screenshot('currency-10-cloud-owned-answer');

    // Serving speed and cost: a price per hour typed in euros, the cost per 1,000 requests in euros.
    await plan.open();
    await plan.startQuick(/How fast, and how much/, 'Which model?');
    await plan.next();
    await plan.question('On which device?');
    await plan.select('Hardware', 'l4');
    await plan.fill('Price per hour in EUR (optional)', '€0.69/h');
    expect(await page.getByRole('note', { name: 'Prices converted' }).textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €0.69 per hour is $0.75 per hour.');
    await app.screenshot('currency-11-inference-device');
    await accessible(page, 'currency-inference-device');
    await plan.next();
    const [served] = await plan.answerWith('estimate.inference');
    expect(served?.input.pricePerHourUsd).toBeCloseTo(0.75, 12);
    const cost = served?.output.range.p50.costPer1kRequestsUsd;
    if (cost === null || cost === undefined) throw new Error('a typed price gives a cost');
    expect(await plan.figure('Serving estimate', 'Cost per 1,000 requests')).toBe(euros(cost));
    expect(await plan.figureText('Serving estimate', 'Cost per 1,000 requests')).toContain('At your price of €0.69 an hour.');
    const served1 = await mainText(page);
    expect(served1.replace(/Details[\s\S]*$/, '')).not.toContain('$');
    expect(served1.split('0.92 EUR per US dollar').length - 1).toBe(1);
    await app.screenshot('currency-12-inference-answer');
    await accessible(page, 'currency-inference-answer');
    await plan.saveTo('Corner shop', 'Chat on an L4');
    await plan.open();
    const servingRow = plan.savedPlans().getByRole('row', { name: /Chat on an L4/ });
    await servingRow.getByText(`${euros(cost)} per 1,000 requests`).waitFor();
    await servingRow.getByText(`at 0.92 EUR per US dollar of ${today}`).waitFor();
    await app.screenshot('currency-13-plans');
    await accessible(page, 'currency-plans');
    expect(app.problems).toEqual([]);
  });

  it('asks what size model a budget in euros buys: the budget and a price per GPU-hour typed in €, the answer in €, the plan saved in dollars', async () => {
    app = await startApp();
    const { page } = app;
    const today = new Date().toISOString().slice(0, 10);
    await cornerShop(app);

    // The project is chosen where the budget is typed; the dollar default comes over as the same money ($100k x 0.92).
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.startQuick(/What size model fits/, 'What can you spend?');
    expect(await page.getByLabel('For the project', { exact: true }).inputValue()).not.toBe('');
    await page.getByText(`we show them in EUR at 0.92 EUR per US dollar of ${today}`).waitFor();
    expect(await page.getByLabel('Budget in EUR', { exact: true }).inputValue()).toBe('92000');
    await plan.fill('Budget in EUR', '$100k');
    await plan.next();
    expect(await plan.fieldError('Budget in EUR')).toBe('Budget is written in USD, but this project counts in EUR; write it in EUR, like 100k, €100,000 or 100000 EUR');
    await plan.fill('Budget in EUR', '€92k');
    const converted = page.getByRole('note', { name: 'Prices converted' });
    expect(await converted.textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €92,000 is $100,000.');
    await app.screenshot('currency-14-optimal-budget');
    await accessible(page, 'currency-optimal-budget');
    await plan.next();

    await plan.question('On which GPUs, and by which rule?');
    await plan.select('GPU', 'h100-sxm');
    await plan.fill('Number of GPUs', '8');
    await plan.fill('Price per GPU-hour in EUR (optional)', '€2.30/h');
    expect(await converted.textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €2.30 per hour is $2.50 per hour.');
    await app.screenshot('currency-15-optimal-hardware');
    await accessible(page, 'currency-optimal-hardware');

    // The estimator got dollars, unrounded: €92,000 / 0.92 and €2.30 / 0.92.
    const [asked] = await plan.answerWith('estimate.optimal');
    if (!asked) throw new Error('the page asks estimate.optimal');
    expect(asked.input.budgetUsd).toBeCloseTo(100_000, 6);
    expect(asked.input.pricePerGpuHourUsd).toBeCloseTo(2.5, 12);
    const r = await backendCall(app, 'estimate.optimal', asked.input);
    expect(asked.output).toEqual(r);
    expect(await plan.headline()).toBe(`A model of about ${countInWords(r.params)} parameters, trained on about ${countInWords(r.tokens)} tokens`);
    // The answer's money is in euros: the budget as typed, the price back as typed, the rate named once.
    await page.getByText(/^The best use of €92,000 on 8 x NVIDIA H100 /).waitFor();
    expect(await plan.figureText('Model size estimate', 'GPU time')).toContain('at €2.30 per GPU-hour (your price).');
    const answer = await mainText(page);
    expect(answer).not.toContain('$');
    expect(answer.split('0.92 EUR per US dollar').length - 1).toBe(1);
    expect(answer).toContain(`Amounts in EUR, converted from the estimate's US dollars at 0.92 EUR per US dollar of ${today}.`);
    await app.screenshot('currency-16-optimal-answer');
    await accessible(page, 'currency-optimal-answer');

    // Saved with the dollars, listed in euros, reopened with the euros as typed.
    expect(await page.getByRole('group', { name: 'Save this plan' }).getByLabel('Plan name').inputValue()).toBe(`${countInWords(r.params)}-parameter model for €92,000`);
    await plan.saveTo('Corner shop', 'Model for €92k');
    const [project] = await backendCall(app, 'projects.list', {});
    const stored = (await backendCall(app, 'scenarios.list', { projectId: project?.id ?? '' })).find((s) => s.name === 'Model for €92k');
    if (stored?.kind !== 'optimal') throw new Error('the optimal plan is saved');
    expect(stored.input.budgetUsd).toBeCloseTo(100_000, 6);
    await plan.open();
    const row = plan.savedPlans().getByRole('row', { name: /Model for €92k/ });
    await row.getByText('€92,000 budget').waitFor();
    await row.getByText(`at 0.92 EUR per US dollar of ${today}`).waitFor();
    expect(await row.textContent()).not.toContain('$');
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “Model for €92k”').waitFor();
    expect(await page.getByLabel('Budget in EUR', { exact: true }).inputValue()).toBe('92000');
    await plan.next();
    expect(await page.getByLabel('Price per GPU-hour in EUR (optional)', { exact: true }).inputValue()).toBe('2.30');
    expect(app.problems).toEqual([]);
  });
});
