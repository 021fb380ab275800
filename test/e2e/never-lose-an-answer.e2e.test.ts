/**
 * Never lose an answer: a wizard's answers survive a reload and a trip elsewhere, the save form
 * starts on the project used last and can make a new one, a double click saves one plan, Escape
 * closes popovers and dialogs, focus returns to what opened a dialog and moves to a new step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { rpc } from './support/check.page';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

async function newProject(page: Page, name: string): Promise<void> {
  const projects = new ProjectsScreen(page);
  await projects.openList();
  await projects.startNew();
  await projects.fill({ Name: name });
  await projects.submit('Create project');
  await projects.expectTitle(name);
}

describe('never lose an answer, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('keeps wizard answers across a reload and a visit elsewhere, saves once on a double click, and saves into a new project', async () => {
    app = await startApp();
    const { page } = app;
    await newProject(page, 'Another project');
    await newProject(page, 'Support bot');
    const plan = new PlanScreen(page);
    await plan.open();
    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await plan.next();
    await plan.question('How much will it be used?');
    // The new step's question takes focus, so a screen reader reads it and Tab starts there.
    expect(await focused(page)).toEqual({ tag: 'H1', text: 'How much will it be used?' });
    await plan.fill('Requests per day', '5k');
    await plan.fill('For how many months', '24');

    await page.reload();
    await page.locator('main#main').waitFor();
    await plan.question('How much will it be used?');
    expect(await page.getByLabel('Requests per day', { exact: true }).inputValue()).toBe('5k');
    expect(await page.getByLabel('For how many months', { exact: true }).inputValue()).toBe('24');
    await app.screenshot('answers-after-reload');

    // Away to the projects and back: still the same question with the same answers.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await plan.open();
    await page.getByRole('link', { name: /Cloud or your own hardware\?/ }).click();
    await plan.question('How much will it be used?');
    expect(await page.getByLabel('Requests per day', { exact: true }).inputValue()).toBe('5k');
    await page.getByRole('button', { name: 'Back' }).click();
    await plan.question('What will the AI do?');
    expect(await page.getByRole('radio', { name: /^Answer questions in a chat/ }).isChecked()).toBe(true);
    await plan.next();
    await plan.next();

    // Escape closes an explanation popover.
    await plan.question('How fast must it answer?');
    await plan.pick('Within a few seconds');
    const term = page.getByRole('button', { name: 'What does this mean: latency' });
    await term.click();
    await page.getByRole('note').filter({ hasText: 'Latency: the time' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('note').filter({ hasText: 'Latency: the time' }).waitFor({ state: 'detached' });
    expect(await term.getAttribute('aria-expanded')).toBe('false');
    await plan.next();
    await plan.question('How private is the data?');
    await plan.pick('Internal');
    await plan.next();
    await plan.question('What can you spend?');
    await plan.seeAnswer();
    await page.getByRole('heading', { name: /^Our pick: / }).waitFor();

    // The answer page is kept too: a reload shows it again.
    await page.reload();
    await page.locator('main#main').waitFor();
    await page.getByRole('heading', { name: /^Our pick: / }).waitFor();

    // The save form starts on the project used last (not the first in the list).
    const box = page.getByRole('group', { name: 'Save this plan' });
    const select = box.getByLabel('Project');
    expect(await select.locator('option:checked').textContent()).toBe('Support bot');
    expect(await select.locator('option').allTextContents()).toEqual(['Another project', 'Support bot', 'New project…']);

    // A double click saves one plan: two clicks in the same instant, before the page can redraw
    // the button as disabled (a mouse double click through the test driver is slower than that).
    await box.getByLabel('Plan name').fill('Chat bot');
    await box.getByRole('button', { name: 'Save plan' }).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await box.getByText('Saved “Chat bot”').waitFor();
    const list = await rpc<Array<{ id: string; name: string }>>(app, 'projects.list', {});
    const supportBot = list.ok ? list.value.find((p) => p.name === 'Support bot')! : null;
    const saved = await rpc<Array<{ name: string }>>(app, 'scenarios.list', { projectId: supportBot!.id });
    expect(saved.ok && saved.value.map((s) => s.name)).toEqual(['Chat bot']);
    await app.screenshot('saved-once');

    // "New project…" inside the form: the project is made (Cancel first goes back to the one
    // chosen, focus on the picker), then the plan is saved into it.
    await select.selectOption({ label: 'New project…' });
    await box.getByRole('group', { name: 'New project' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await select.locator('option:checked').textContent()).toBe('Support bot');
    expect(await focused(page)).toMatchObject({ tag: 'SELECT' });
    await select.selectOption({ label: 'New project…' });
    await box.getByLabel('Project name', { exact: true }).fill('Shop assistant');
    await box.getByLabel('Plan name').fill('Chat bot for the shop');
    await app.screenshot('save-into-new-project');
    await box.getByRole('button', { name: 'Create project' }).click();
    await box.getByRole('status').getByText('Created “Shop assistant”.').waitFor();
    expect(await box.getByLabel('Plan name').inputValue()).toBe('Chat bot for the shop');
    expect(await select.locator('option:checked').textContent()).toBe('Shop assistant');
    await box.getByRole('button', { name: 'Save plan' }).click();
    await box.getByText('Saved “Chat bot for the shop”').waitFor();
    const after = await rpc<Array<{ id: string; name: string }>>(app, 'projects.list', {});
    const shop = after.ok ? after.value.find((p) => p.name === 'Shop assistant') : undefined;
    expect(shop).toBeDefined();
    const inShop = await rpc<Array<{ name: string }>>(app, 'scenarios.list', { projectId: shop!.id });
    expect(inShop.ok && inShop.value.map((s) => s.name)).toEqual(['Chat bot for the shop']);
    expect(await select.locator('option:checked').textContent()).toBe('Shop assistant');

    // A saved plan is finished: its answers are forgotten, the wizard starts afresh.
    await page.reload();
    await page.locator('main#main').waitFor();
    await plan.question('What will the AI do?');
    expect(app.problems).toEqual([]);
  });

  it('closes dialogs with Escape and gives focus back to the button that opened them', async () => {
    app = await startApp();
    const { page } = app;
    await newProject(page, 'Churn model');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    const add = page.getByRole('button', { name: 'Add a file' });
    await add.click();
    const picker = page.getByRole('dialog', { name: 'Add a data file' });
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Add a file' });

    // A confirmation dialog: Escape cancels it and focus returns to the Delete button.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: /Churn model/ }).click();
    const del = page.getByRole('button', { name: 'Delete' });
    await del.click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Delete' });
    expect(app.problems).toEqual([]);
  });
});
