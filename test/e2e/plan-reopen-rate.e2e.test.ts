/**
 * A plan whose prices were typed in the project's currency, reopened after the project's rate
 * changed: the prices come back exactly as typed (the plan keeps the rate they were converted at),
 * and only their dollars follow the new rate.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { PlanAnswersScreen, backendCall } from './support/plan-answers.page';

describe('a saved plan reopened after the project\'s exchange rate changed, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows the euros the owner typed, not a re-conversion at the new rate', async () => {
    app = await startApp();
    const { page } = app;
    const shop = await backendCall(app, 'projects.create', { name: 'Corner shop', currency: 'EUR', budgetCents: 500_000, usdRate: 0.92, usdRateAsOf: '2026-11-30' });

    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.startTrainingWizard();
    await plan.pick('1B language model');
    await plan.next();
    await plan.next();
    await plan.question('On which hardware, and how many?');
    await plan.pick('Use GPUs I already own');
    await plan.select('Your GPU', 'rtx-4090');
    await plan.fill('Number of GPUs', '3');
    await plan.fill('Electricity price per kWh in EUR (optional)', '€0.30/kWh');
    await plan.pick('Count what they cost');
    await plan.fill('Price of one GPU in EUR', '€1,200');
    await plan.seeAnswer();
    await plan.saveTo('Corner shop', '1B on 3 own RTX 4090');
    const [saved] = await backendCall(app, 'scenarios.list', { projectId: shop.id });
    expect(saved?.pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.92 });

    // The euro gets cheaper: a dollar now buys 0.95 EUR.
    await backendCall(app, 'projects.update', { id: shop.id, patch: { usdRate: 0.95, usdRateAsOf: '2026-12-05' } });
    await page.getByRole('link', { name: 'Open the project' }).click();
    const row = page.getByRole('table', { name: 'Saved plans' }).getByRole('row', { name: /1B on 3 own RTX 4090/ });
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “1B on 3 own RTX 4090”').waitFor();
    await plan.next();
    await plan.next();
    // As typed; at the new rate the stored dollars would read 0.3098 and 1239.13.
    expect(await page.getByLabel('Electricity price per kWh in EUR (optional)', { exact: true }).inputValue()).toBe('0.30');
    expect(await page.getByLabel('Price of one GPU in EUR', { exact: true }).inputValue()).toBe('1200');
    // What they go to the estimate as follows today's rate: 0.30 / 0.95 and 1,200 / 0.95.
    expect(await page.getByRole('note', { name: 'Prices converted' }).textContent()).toBe('Prices you type in EUR go to the estimate in US dollars at 0.95 EUR per US dollar: €0.30 per kWh is $0.316 per kWh; €1,200 is $1,263.');
    await app.screenshot('plan-reopened-after-rate-change');
    expect(app.problems).toEqual([]);
  });
});
