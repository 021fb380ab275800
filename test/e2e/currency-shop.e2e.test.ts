import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

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
    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await plan.next();
    await plan.fill('Requests per day', '300');
    await plan.fill('For how many months', '12');
    await plan.next();
    await plan.pick('Within a few seconds');
    await plan.next();
    await plan.pick('Internal');
    await plan.next();
    await plan.question('What can you spend?');
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
});
