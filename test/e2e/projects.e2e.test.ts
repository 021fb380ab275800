import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { rpc } from './support/check.page';
import { ProjectsScreen } from './support/projects.page';

describe('projects, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('creates, renames, budgets, persists across a reload and deletes a project', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new ProjectsScreen(page);
    await page.getByText('No projects yet').waitFor();
    await app.screenshot('projects-empty');

    await screen.startNew();
    await screen.fill({ Name: 'Churn model', Notes: 'Quarterly retrain' });
    await app.screenshot('projects-new-form');
    await screen.submit('Create project');
    await screen.expectTitle('Churn model');

    await page.getByRole('button', { name: 'Edit' }).click();
    await screen.fill({ Name: 'Churn model v2', 'Total budget': '12,500.50', 'Monthly cap (optional)': '3000' });
    await app.screenshot('project-edit');
    await screen.submit('Save changes');
    await screen.expectTitle('Churn model v2');
    const budget = page.getByRole('group', { name: 'Budget' });
    await budget.getByText('$12,500.50').waitFor();
    await app.screenshot('project-overview');

    await page.reload();
    await screen.expectTitle('Churn model v2');
    expect(await budget.getByText('$12,500.50').count()).toBe(1);
    expect(await budget.getByText('$3,000.00').count()).toBe(1);

    await screen.openList();
    expect(await screen.projectNames()).toEqual(['Churn model v2']);
    await app.screenshot('projects-list');

    await screen.openProject('Churn model v2');
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('its budget of $12,500.50');
    await app.screenshot('project-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete project' }).click();
    await page.getByText('No projects yet').waitFor();
    expect(await screen.projectNames()).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('shows schema validation messages next to the field and saves nothing', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new ProjectsScreen(page);
    await screen.startNew();
    await screen.fill({ Name: '  ', 'Total budget': '100', 'Monthly cap (optional)': '250', Currency: 'dollars' });
    await screen.submit('Create project');
    expect(await screen.fieldError('Name')).toBe('Give the project a name');
    expect(await screen.fieldError('Monthly cap (optional)')).toBe('The monthly cap cannot exceed the total budget');
    expect(await screen.fieldError('Currency')).toBe('Use a 3-letter currency code such as USD or EUR');
    // Messages name what the owner typed, never an internal field ("monthlyCapCents: ...").
    for (const alert of await page.getByRole('alert').allTextContents()) expect(alert).not.toMatch(/^[a-z]+[A-Z]\w*(\.\w+)*:/);
    await app.screenshot('project-validation-errors');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await screen.projectNames()).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('creates one project when Create is clicked twice at once', async () => {
    app = await startApp();
    const { page } = app;
    const screen = new ProjectsScreen(page);
    await screen.startNew();
    await screen.fill({ Name: 'Clicked twice', 'Total budget': '900' });
    // Two clicks in the same instant, before the page can redraw the button as disabled (a mouse
    // double click through the test driver is slower than that).
    const twice = (b: HTMLButtonElement) => {
      b.click();
      b.click();
    };
    await page.getByRole('button', { name: 'Create project' }).evaluate(twice);
    await screen.expectTitle('Clicked twice');
    const listed = await rpc<Array<{ name: string; budgetCents: number | null }>>(app, 'projects.list', {});
    expect(listed.ok && listed.value.map((p) => [p.name, p.budgetCents])).toEqual([['Clicked twice', 90_000]]);

    await app.screenshot('project-saved-once');
    expect(app.problems).toEqual([]);
  });

  it('archives and finds a project by search, and shows the data folder in Settings (dark theme)', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    const screen = new ProjectsScreen(page);
    for (const name of ['Vision pilot', 'LLM fine-tune']) {
      await screen.startNew();
      await screen.fill({ Name: name });
      await screen.submit('Create project');
      await screen.expectTitle(name);
      await screen.openList();
    }
    await page.getByPlaceholder('Search by name or notes').fill('vision');
    await page.waitForFunction(() => document.querySelectorAll('.project-row').length === 1);
    expect(await screen.projectNames()).toEqual(['Vision pilot']);

    await screen.openProject('Vision pilot');
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    await screen.openList();
    await page.getByPlaceholder('Search by name or notes').fill('');
    await page.waitForFunction(() => document.querySelectorAll('.project-row').length === 1);
    expect(await screen.projectNames()).toEqual(['LLM fine-tune']);
    await page.getByLabel('Show archived').check();
    await page.waitForFunction(() => document.querySelectorAll('.project-row').length === 2);
    await app.screenshot('projects-list-dark');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('Tally makes no network connections.').waitFor();
    expect(await page.getByText(app.dataDir, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('db-size').textContent()).toMatch(/\d+(\.\d)? (KB|MB|B)/);
    await app.screenshot('settings-dark');
    expect(app.problems).toEqual([]);
  });

  it('is keyboard reachable: tab to New project and create with Enter', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByText('No projects yet').waitFor();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'New project';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keyboard project');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Keyboard project/, level: 1 }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
