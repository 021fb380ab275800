import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { PlanScreen } from './support/plan.page';
import { ProjectsScreen } from './support/projects.page';

describe('Plan: cloud or your own hardware, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('answers five questions, shows the comparison with both charts, saves it to a project that keeps it across a reload', async () => {
    app = await startApp();
    const { page } = app;
    const projects = new ProjectsScreen(page);
    await projects.startNew();
    await projects.fill({ Name: 'Support bot' });
    await projects.submit('Create project');
    await projects.expectTitle('Support bot');

    const plan = new PlanScreen(page);
    await plan.open();
    await app.screenshot('plan-home-empty');
    await plan.startCloudWizard();
    await plan.pick('Answer questions in a chat');
    await plan.pick('A small, fast model');
    await app.screenshot('plan-cloud-1-task');
    await plan.next();

    await plan.question('How much will it be used?');
    await plan.fill('Requests per day', '0');
    await plan.next();
    expect(await plan.fieldError('Requests per day')).toBe('Requests per day must be greater than 0');
    await app.screenshot('plan-cloud-2-use-invalid');
    await plan.fill('Requests per day', '5k');
    await plan.fill('For how many months', '24');
    await app.screenshot('plan-cloud-2-use');
    await plan.next();

    await plan.question('How fast must it answer?');
    await plan.pick('Within a few seconds');
    await app.screenshot('plan-cloud-3-speed');
    await plan.next();

    await plan.question('How private is the data?');
    await plan.pick('Internal');
    await app.screenshot('plan-cloud-4-privacy');
    await plan.next();

    await plan.question('What can you spend?');
    await plan.fill('Monthly budget in USD (optional)', '800');
    await app.screenshot('plan-cloud-5-budget');
    await plan.seeAnswer();

    await page.getByRole('heading', { name: /^Our pick: / }).waitFor();
    const options = page.getByRole('table', { name: 'Options compared' });
    expect(await options.getByRole('row').count()).toBe(4);
    expect(await options.textContent()).toContain('Sent to the AI company');
    expect(await options.textContent()).toContain('Stays on your premises');
    // Both charts drew their marks: three bars with whiskers, and lines.
    await page.locator('figure[aria-label="Monthly cost per option"] svg rect').first().waitFor();
    expect(await page.locator('figure[aria-label="Monthly cost per option"] svg line').count()).toBeGreaterThanOrEqual(9);
    expect(await page.locator('figure[aria-label="Monthly cost against requests per month"] svg path').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('heading', { name: /What would change the answer/ }).count()).toBe(1);
    await app.screenshot('plan-cloud-result');

    await plan.saveTo('Support bot', 'Chat bot 5k a day');
    await page.getByRole('link', { name: 'Open the project' }).click();
    await projects.expectTitle('Support bot');
    const panel = page.getByRole('region', { name: 'Plans' });
    await panel.getByText('Chat bot 5k a day').waitFor();
    await page.reload();
    await panel.getByText('Chat bot 5k a day').waitFor();
    await app.screenshot('plan-cloud-saved-in-project');

    // Reopen it from the project: the wizard comes back with the saved answers.
    await panel.getByRole('row', { name: /Chat bot 5k a day/ }).getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “Chat bot 5k a day”').waitFor();
    expect(await page.getByRole('radio', { name: /^Answer questions in a chat/ }).isChecked()).toBe(true);
    await plan.next();
    expect(await page.getByLabel('Requests per day', { exact: true }).inputValue()).toBe('5000');
    expect(await page.getByLabel('For how many months', { exact: true }).inputValue()).toBe('24');
    await plan.next();
    await plan.next();
    await plan.next();
    expect(await page.getByLabel('Monthly budget in USD (optional)', { exact: true }).inputValue()).toBe('800');
    expect(app.problems).toEqual([]);
  });

  it('in the dark theme: photos that must stay here rule out the cloud, and every term explains itself from the keyboard', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    const plan = new PlanScreen(page);
    await plan.open();
    await plan.startCloudWizard();
    await plan.pick('Recognise what is in photos');
    expect(await page.getByRole('group', { name: 'How capable must it be?' }).count()).toBe(0);
    await app.screenshot('plan-cloud-dark-1-task');
    await plan.next();
    await plan.fill('Requests per day', '20k');
    await plan.next();
    await plan.pick('Speed does not matter');
    await plan.next();
    await plan.pick('Must stay here');
    await app.screenshot('plan-cloud-dark-4-privacy');
    await plan.next();
    await plan.question('What can you spend?');
    expect(await page.getByLabel('Cloud AI service', { exact: true }).count()).toBe(0);
    await app.screenshot('plan-cloud-dark-5-budget');
    await plan.seeAnswer();

    await page.getByRole('heading', { name: /^Our pick: Your own device/ }).waitFor();
    const options = page.getByRole('table', { name: 'Options compared' });
    expect(await options.getByRole('row', { name: /Cloud AI service/ }).getByText('No').count()).toBe(1);
    expect(await options.getByRole('row', { name: /Your own device/ }).getByText('Yes').count()).toBe(1);
    await page.getByText(/If your data could leave/).first().waitFor();

    // The "?" next to "Answer time" is a button: reachable with Tab, opened with Enter.
    const toggle = page.getByRole('button', { name: 'What does this mean: answer time' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('note').filter({ hasText: 'Latency: the time from sending a request' }).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('figure[aria-label="Monthly cost per option"] svg rect').first().waitFor();
    await app.screenshot('plan-cloud-dark-result');
    expect(app.problems).toEqual([]);
  });
});
