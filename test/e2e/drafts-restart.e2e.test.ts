/**
 * A wizard's answers survive a restart of `tally serve`: the browser keeps them per address, and
 * the host comes back on the address this data folder used last time (a new token, the same port).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { PlanScreen } from './support/plan.page';

describe('drafts across a restart of the browser host, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows the answers typed before the host was stopped once it is started again', async () => {
    app = await startApp({ port: 'usual' });
    const { page } = app;
    const before = app.host;
    const plan = new PlanScreen(page);
    await plan.open();
    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await plan.next();
    await plan.question('How much will it be used?');
    await plan.fill('Requests per day', '5k');
    await plan.fill('For how many months', '24');

    const after = await app.restartHost();
    expect(after.port).toBe(before.port);
    expect(after.token).not.toBe(before.token);

    // The URL the restarted host printed, as a user opens it: a new token, the same address.
    await page.goto(after.appUrl);
    await page.locator('main#main').waitFor();
    await plan.open();
    await page.getByRole('link', { name: /Cloud or your own hardware\?/ }).click();
    await plan.question('How much will it be used?');
    expect(await page.getByLabel('Requests per day', { exact: true }).inputValue()).toBe('5k');
    expect(await page.getByLabel('For how many months', { exact: true }).inputValue()).toBe('24');
    await app.screenshot('draft-after-host-restart');
    expect(app.problems).toEqual([]);
  });
});
