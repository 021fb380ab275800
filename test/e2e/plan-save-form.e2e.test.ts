import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { backendCall, PlanAnswersScreen } from './support/plan-answers.page';

/** The element that has focus: its tag and accessible label. */
function focused(page: Page): Promise<{ tag: string; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const id = el?.id ?? '';
    return { tag: el?.tagName ?? '', label: (id && document.querySelector(`label[for="${id}"]`)?.textContent) || '' };
  });
}

/** The planner's save form: the plan name the owner typed, and "New project…" with nothing to go back to. */
describe('the planner’s save form, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('keeps the plan name typed across “Change answers” and back, even when the answers change; “Start over” proposes one again', async () => {
    app = await startApp();
    const { page } = app;
    const shop = await backendCall(app, 'projects.create', { name: 'Corner shop', currency: 'USD' });
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.answerShopChatToBudget('300', '12');
    await plan.seeAnswer();
    const box = page.getByRole('group', { name: 'Save this plan' });
    const name = box.getByLabel('Plan name');
    expect(await name.inputValue()).toBe('Answer questions in a chat, 300 a day');
    await name.fill('Product texts for the shop');

    // Back to the questions, one answer changed (the proposed name would now say 500 a day).
    await plan.changeAnswers();
    await plan.question('What can you spend?');
    await plan.back();
    await plan.back();
    await plan.back();
    await plan.fill('Requests per day', '500');
    await plan.next();
    await plan.next();
    await plan.next();
    await plan.seeAnswer();
    expect(await name.inputValue()).toBe('Product texts for the shop');
    await app.screenshot('save-form-1-name-kept-after-change-answers');

    // A reload on the answer keeps it too (it is kept with the answers).
    await page.reload();
    await page.getByText('· The answer').waitFor();
    expect(await name.inputValue()).toBe('Product texts for the shop');

    await box.getByRole('button', { name: 'Save plan' }).click();
    await box.getByText('Saved “Product texts for the shop”').waitFor();
    const saved = await backendCall(app, 'scenarios.list', { projectId: shop.id });
    expect(saved.map((s) => [s.name, s.kind])).toEqual([['Product texts for the shop', 'deployment']]);

    // Starting over forgets the typed name: the next plan is proposed its own.
    await page.getByRole('button', { name: 'Start over' }).click();
    await plan.question('What will the AI do?');
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await plan.next();
    await plan.fill('Requests per day', '40');
    await plan.next();
    await plan.next();
    await plan.next();
    await plan.seeAnswer();
    expect(await name.inputValue()).toBe('Answer questions in a chat, 40 a day');
    expect(app.problems).toEqual([]);
  });

  it('with no project at all, the new-project form has its own Cancel on the step and on the save form: back to the picker, which offers it again', async () => {
    app = await startApp();
    const { page } = app;
    expect(await backendCall(app, 'projects.list', {})).toEqual([]);
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.answerShopChatToBudget('300', '12');

    // On the step where prices are typed: the form is open on its own, and can be cancelled.
    const picker = page.getByLabel('For the project', { exact: true });
    const stepForm = page.getByRole('group', { name: 'New project' });
    expect(await picker.locator('option:checked').textContent()).toBe('New project…');
    await stepForm.getByRole('button', { name: 'Cancel' }).click();
    await stepForm.waitFor({ state: 'detached' });
    expect(await picker.locator('option:checked').textContent()).toBe('No project yet');
    expect(await focused(page)).toEqual({ tag: 'SELECT', label: 'For the project' });
    expect(await page.getByLabel('Monthly budget in USD (optional)', { exact: true }).isVisible()).toBe(true);
    await app.screenshot('save-form-2-step-new-project-cancelled');
    // Choosing it again opens the form again; cancelled once more, the answer is asked for in dollars.
    await picker.selectOption({ label: 'New project…' });
    await stepForm.getByLabel('Project name', { exact: true }).waitFor();
    await stepForm.getByRole('button', { name: 'Cancel' }).click();
    await stepForm.waitFor({ state: 'detached' });
    await plan.seeAnswer();

    // The save form: the same, and without a project there is nothing to save into yet.
    const box = page.getByRole('group', { name: 'Save this plan' });
    const projectSelect = box.getByLabel('Project', { exact: true });
    const form = box.getByRole('group', { name: 'New project' });
    await box.getByLabel('Plan name').fill('Product texts');
    expect(await projectSelect.locator('option:checked').textContent()).toBe('New project…');
    await form.getByLabel('Project name', { exact: true }).fill('Corner shop');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await projectSelect.locator('option:checked').textContent()).toBe('No project yet');
    expect(await focused(page)).toEqual({ tag: 'SELECT', label: 'Project' });
    await box.getByText('Choose “New project…” to make the project the plan is saved into.').waitFor();
    expect(await box.getByRole('button', { name: 'Save plan' }).count()).toBe(0);
    await app.screenshot('save-form-3-save-form-new-project-cancelled');

    await projectSelect.selectOption({ label: 'New project…' });
    await form.getByLabel('Project name', { exact: true }).fill('Corner shop');
    await form.getByRole('button', { name: 'Create project' }).click();
    await box.getByRole('status').getByText('Created “Corner shop”.').waitFor();
    expect(await projectSelect.locator('option:checked').textContent()).toBe('Corner shop');
    expect(await box.getByLabel('Plan name').inputValue()).toBe('Product texts');
    await box.getByRole('button', { name: 'Save plan' }).click();
    await box.getByText('Saved “Product texts”').waitFor();
    const [project] = await backendCall(app, 'projects.list', {});
    expect((await backendCall(app, 'scenarios.list', { projectId: project?.id ?? '' })).map((s) => s.name)).toEqual(['Product texts']);
    expect(app.problems).toEqual([]);
  });
});
