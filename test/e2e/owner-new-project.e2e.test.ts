import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateText } from '../../shared/budget/best-guess';
import { planMoney } from '../../shared/budget/plan-money';
import type { ProjectMoney } from '../../shared/domain/currency';
import { startApp, type RunningApp } from './support/app';
import { AxeLog, describeViolations } from './support/axe';
import { backendCall, PlanAnswersScreen } from './support/plan-answers.page';
import { ProjectsScreen } from './support/projects.page';

const axe = new AxeLog();

/** axe-core on the page as it is: no critical, serious or moderate violation (support/axe.ts). */
async function accessible(page: Page, name: string): Promise<void> {
  expect(describeViolations(name, 'light', await axe.check(page, name, 'light'))).toBe('');
}

/** The element that has focus: its tag and accessible label. */
function focused(page: Page): Promise<{ tag: string; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const id = el?.id ?? '';
    return { tag: el?.tagName ?? '', label: (id && document.querySelector(`label[for="${id}"]`)?.textContent) || '' };
  });
}

/**
 * A new owner with no project yet asks the cloud wizard, makes a euro project from the save form
 * (currency and rate in one go), and sees the answer, the typed budget and the saved plan in euros.
 */
describe('a shop owner makes a euro project from inside the planner, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('creates “Corner shop” in EUR at 0.92 from the save form: the answer turns to euros at once, nothing typed is lost, the plan is saved with a €300 budget', async () => {
    app = await startApp();
    const { page } = app;
    const today = new Date().toISOString().slice(0, 10);
    const eur: ProjectMoney = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: today };
    expect(await backendCall(app, 'projects.list', {})).toEqual([]);

    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.answerShopChatToBudget('300', '12');
    // No project yet: the step where prices are typed offers to make one (name, currency, rate).
    const picker = page.getByLabel('For the project', { exact: true });
    expect(await picker.locator('option:checked').textContent()).toBe('New project…');
    await page.getByRole('group', { name: 'New project' }).getByLabel('Project name', { exact: true }).waitFor();
    await accessible(page, 'owner-new-project-on-step');
    // The owner leaves it for now and types the budget they have in mind.
    await plan.fill('Monthly budget in USD (optional)', '300');
    const [asked] = await plan.answerWith('estimate.compare');
    if (!asked) throw new Error('the page asks estimate.compare');
    const result = await backendCall(app, 'estimate.compare', asked.input);
    expect(asked.output).toEqual(result);
    const verdict = page.getByRole('status', { name: 'Against your budget' });
    await verdict.getByText(/within your \$300 monthly cap/).waitFor();

    // The save form: a plan name typed first, then "New project…" with its currency and rate.
    const box = page.getByRole('group', { name: 'Save this plan' });
    await box.getByLabel('Plan name').fill('Product texts');
    const projectSelect = box.getByLabel('Project', { exact: true });
    expect(await projectSelect.locator('option:checked').textContent()).toBe('New project…');
    const form = box.getByRole('group', { name: 'New project' });
    await form.getByLabel('Project name', { exact: true }).fill('Corner shop');
    await form.getByLabel('Currency', { exact: true }).fill('EUR');
    await form.getByLabel('1 US dollar in EUR', { exact: true }).fill('0,92');
    await app.screenshot('owner-1-new-project-in-save-form');
    await accessible(page, 'owner-new-project-in-save-form');
    // Keyboard: Enter in the rate field creates the project (it does not save the plan).
    await form.getByLabel('1 US dollar in EUR', { exact: true }).press('Enter');
    await box.getByRole('status').getByText(`Created “Corner shop” in EUR; the answer and the prices you typed now read in EUR, at 0.92 EUR per US dollar of ${today}.`).waitFor();
    expect(await focused(page)).toEqual({ tag: 'SELECT', label: 'Project' });
    expect(await projectSelect.locator('option:checked').textContent()).toBe('Corner shop');
    expect(await box.getByLabel('Plan name').inputValue()).toBe('Product texts');
    const [project] = await backendCall(app, 'projects.list', {});
    expect(project).toMatchObject({ name: 'Corner shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: today });

    // At once in euros: every option's monthly cost is the estimator's dollars x 0.92, and the
    // budget typed on the way is read in the project's currency, as the budget field always is.
    const options = page.getByRole('table', { name: 'Options compared' });
    const table = (await options.textContent()) ?? '';
    for (const o of result.options) expect(table).toContain(estimateText(o.monthlyCostUsd.p50, eur));
    expect(table).not.toContain('$');
    const held = planMoney({ kind: 'deployment', result, monthlyBudget: { cents: 30_000, currency: 'EUR' } }, { ...eur, budgetCents: null, monthlyCapCents: null });
    expect(held.summary).toMatch(/^€[\d.,]+ a month, within your €300 monthly cap$/);
    await verdict.getByText(/within your €300 monthly cap/).waitFor();
    expect(await verdict.textContent()).toContain(`${held.summary}.`);
    expect(await page.locator('.plan-recommendation__sentence').textContent()).not.toContain('$');
    await page.getByText(`Amounts in EUR, converted from the catalog's US dollar prices at 0.92 EUR per US dollar of ${today}.`).waitFor();
    await app.screenshot('owner-2-answer-in-euros');
    await accessible(page, 'owner-answer-in-euros');

    // Back to the questions: the answers are all there, the budget field now in euros.
    await plan.changeAnswers();
    await plan.question('What can you spend?');
    expect(await page.getByLabel('For the project', { exact: true }).locator('option:checked').textContent()).toBe('Corner shop (EUR)');
    expect(await page.getByLabel('Monthly budget in EUR (optional)', { exact: true }).inputValue()).toBe('300');
    await page.getByText(`we show them in EUR at 0.92 EUR per US dollar of ${today}`).waitFor();
    await plan.fill('Monthly budget in EUR (optional)', '€300');
    await plan.back();
    await plan.back();
    await plan.back();
    expect(await page.getByLabel('Requests per day', { exact: true }).inputValue()).toBe('300');
    await plan.next();
    await plan.next();
    await plan.next();
    await plan.seeAnswer();
    await verdict.getByText(/within your €300 monthly cap/).waitFor();
    expect(await verdict.textContent()).toContain(`${held.summary}.`);
    // The save form starts on the project just made, with the plan name as it was typed.
    expect(await projectSelect.locator('option:checked').textContent()).toBe('Corner shop');
    expect(await box.getByLabel('Plan name').inputValue()).toBe('Product texts');
    await box.getByRole('button', { name: 'Save plan' }).click();
    await box.getByText('Saved “Product texts”').waitFor();
    const stored = (await backendCall(app, 'scenarios.list', { projectId: project?.id ?? '' })).find((s) => s.name === 'Product texts');
    expect(stored?.monthlyBudget).toEqual({ cents: 30_000, currency: 'EUR' });

    // The saved plan and the project read in euros, with no dollar sign.
    await box.getByRole('link', { name: 'Open the project' }).click();
    const projects = new ProjectsScreen(page);
    await projects.expectTitle('Corner shop');
    const plans = page.getByRole('table', { name: 'Saved plans' });
    const row = plans.getByRole('row', { name: /Product texts/ });
    await row.getByText(held.summary ?? '').waitFor();
    await row.getByText(`at 0.92 EUR per US dollar of ${today}`).waitFor();
    expect(await plans.textContent()).not.toContain('$');
    await app.screenshot('owner-3-project-with-plan');
    await accessible(page, 'owner-project-with-plan');
    await page.getByRole('link', { name: 'Open the budget →' }).click();
    await page.getByRole('heading', { name: 'Budget', level: 1 }).waitFor();
    await page.getByText(`Run costs and plans priced in US dollars are converted at 0.92 EUR per US dollar of ${today} (set by `).waitFor();
    expect(await page.locator('main#main').textContent()).not.toContain('$');
    await app.screenshot('owner-4-budget-page');
    expect(app.problems).toEqual([]);
  });

  it('makes the project from the step where prices are typed, by keyboard alone: focus back on the picker, the shop price carried into euros', async () => {
    app = await startApp();
    const { page } = app;
    const today = new Date().toISOString().slice(0, 10);
    const plan = new PlanAnswersScreen(page);
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
    expect(await page.getByLabel('Its purchase price in USD', { exact: true }).inputValue()).toBe('2500');
    await plan.fill('Monthly budget in USD (optional)', '$300');
    await page.getByLabel('For the project', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Corner shop');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('EUR');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'INPUT', label: '1 US dollar in EUR' });
    await page.keyboard.type('0.92');
    await app.screenshot('owner-5-new-project-on-step');
    // Enter creates the project; it does not move the wizard on.
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`Created “Corner shop” in EUR; prices you type and the answer now read in EUR, at 0.92 EUR per US dollar of ${today}.`).waitFor();
    await plan.question('What can you spend?');
    expect(await focused(page)).toEqual({ tag: 'SELECT', label: 'For the project' });
    expect(await page.getByLabel('For the project', { exact: true }).locator('option:checked').textContent()).toBe('Corner shop (EUR)');
    // The device's shop price and the budget written in dollars are the same money in euros
    // ($2,500 and $300 x 0.92); prices are now typed in euros.
    expect(await page.getByLabel('Its purchase price in EUR', { exact: true }).inputValue()).toBe('2300');
    expect(await page.getByLabel('Monthly budget in EUR (optional)', { exact: true }).inputValue()).toBe('276');
    await plan.fill('Its purchase price in EUR', '€1,200');
    expect(await page.getByRole('note', { name: 'Prices converted' }).textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.92 EUR per US dollar: €1,200 is $1,304.');
    await app.screenshot('owner-6-step-in-euros');
    await accessible(page, 'owner-step-in-euros');
    const [asked] = await plan.answerWith('estimate.compare');
    // The estimator got the euros typed, divided by the project's rate.
    expect(asked?.input.workload.options.owned?.purchaseUsd).toBeCloseTo(1200 / 0.92, 9);
    await page.getByRole('table', { name: 'Options compared' }).getByText('€1,200 to buy 1 device up front, paid off over 12 months').waitFor();
    await page.getByRole('status', { name: 'Against your budget' }).getByText(/within your €276 monthly cap/).waitFor();
    expect(await page.getByRole('table', { name: 'Options compared' }).textContent()).not.toContain('$');
    expect(app.problems).toEqual([]);
  });
});
