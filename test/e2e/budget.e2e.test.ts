import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { call } from '../support/seed-runs';
import { tempDir } from '../support/temp';
import { startApp, type RunningApp } from './support/app';
import { BudgetScreen } from './support/budget.page';
import { rpc } from './support/check.page';

const H = 3_600_000;
const DAY = 24 * H;
const PRICED = [
  { key: 'tally.hardware', value: 'h100-sxm' },
  { key: 'tally.devices', value: '1' },
  { key: 'tally.price_per_device_hour', value: '10' },
];

/** Days around today (UTC, the backend's clock), so the workspace looks the same whenever the suite runs. */
const todayMs = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const dayOf = (offset: number) => new Date(todayMs + offset * DAY).toISOString().slice(0, 10);

/**
 * "Vision": a $1,000 budget and monthly cap, from 20 days ago to 40 days ahead. Spent $580: $300
 * of API calls 15 days ago, $200 of storage 5 days ago and an 8-hour run at $10/h across
 * midnight two days ago; a run started 2 hours ago is still running (about $20 committed). Its
 * experiment carries out a plan of 40 H100-hours at $8-$14 an hour (about $400).
 */
async function seed(dataDir: string): Promise<void> {
  const backend = createBackend({ dataDir, host: 'test' });
  const d = backend.dispatch;
  try {
    const p = await call(d, 'projects.create', { name: 'Vision', budgetCents: 100_000, monthlyCapCents: 100_000, startDate: dayOf(-20), endDate: dayOf(40) });
    await call(d, 'ledger.add', { projectId: p.id, date: dayOf(-15), amountCents: 30_000, category: 'api', description: 'OpenAI' });
    await call(d, 'ledger.add', { projectId: p.id, date: dayOf(-5), amountCents: 20_000, category: 'storage', description: 'Object storage' });
    const e = await call(d, 'experiments.create', { projectId: p.id, name: 'sweep' });
    const s = await call(d, 'scenarios.create', { projectId: p.id, name: '40 H100 hours', kind: 'training', input: { hardware: 'h100-sxm', gpuHours: 40, gpus: 1, pricePerGpuHourUsd: { p10: 8, p50: 10, p90: 14 } } });
    await call(d, 'experiments.update', { id: e.id, patch: { scenarioId: s.id } });
    const midnight = todayMs - 2 * DAY;
    const overnight = await call(d, 'runs.create', { experimentId: e.id, name: 'overnight', startTime: midnight - 4 * H, tags: PRICED });
    await call(d, 'runs.update', { id: overnight.id, patch: { status: 'FINISHED', endTime: midnight + 4 * H } });
    await call(d, 'runs.create', { experimentId: e.id, name: 'still running', startTime: Date.now() - 2 * H, tags: PRICED });
  } finally {
    backend.close();
  }
}

/** Desktop notifications as the page sends them, kept in localStorage so a reload does not lose them. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const KEY = 'e2e.notifications';
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string; tag?: string }) {
        const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown[];
        list.push({ title, body: options?.body, tag: options?.tag });
        localStorage.setItem(KEY, JSON.stringify(list));
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
  });
}

async function notifications(page: Page): Promise<Array<{ title: string; body: string; tag: string }>> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('e2e.notifications') ?? '[]'));
}

async function seededApp(colorScheme: 'light' | 'dark', record = false) {
  const dir = tempDir('tally-e2e-budget-');
  await seed(dir.dir);
  const app = await startApp({ dataDir: dir.dir, colorScheme, ...(record ? { beforeLoad: (page: Page) => recordNotifications(page) } : {}) });
  return { app, dir };
}

describe('the project budget page, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  let cleanup: (() => void) | null = null;
  afterEach(async () => {
    await app?.close();
    cleanup?.();
    app = null;
    cleanup = null;
  });

  it('shows the gauge and the burn-down; an entry added through the form moves the figures and raises the 80% banner and one notification', async () => {
    const s = await seededApp('light', true);
    ({ app } = s);
    cleanup = s.dir.cleanup;
    const { page } = app;
    const screen = new BudgetScreen(page);
    await screen.openBudgetOf('Vision');
    expect(await screen.gaugeWords().textContent()).toMatch(/^You have spent \$580 of your \$1,000 budget \(58%\)\. Committed but not yet spent: \$\d+(\.\d\d)? by a running run so far\. \$\d+(\.\d\d)? is left to spend\.$/);
    expect(await screen.stat('Spent')).toBe('$580');
    // The burn-down draws the actual line, the plan with its P10-P90 band, the budget and the cap.
    await screen.burnDown().locator('svg path').first().waitFor();
    expect(await screen.burnDown().getByRole('list', { name: 'Lines on the chart' }).locator('li').allTextContents()).toEqual(['Spent so far', 'Plan (P50)', 'Plan range (P10-P90)', 'Total budget', 'Monthly caps, month by month']);
    expect(await screen.runoutSentence().textContent()).toMatch(/^At this rate \(\$\d+(\.\d\d)? a day over the last 21 days\) the \$1,000 budget runs out on \d+ \w+ \d{4} \(between \d+ \w+ \d{4} and \d+ \w+ \d{4}\)\.$/);
    expect(await page.getByRole('article', { name: 'Plan 40 H100 hours' }).textContent()).toContain('1 finished run, 1 running.');
    expect(await screen.alert('budget-80').count()).toBe(0);
    await app.screenshot('budget-page-light');

    await screen.addEntry({ amount: '250', category: 'API calls', description: 'Embeddings API' });
    await screen.ledgerRow('Embeddings API').waitFor();
    await page.getByTestId('gauge-words').filter({ hasText: 'You have spent $830 of your $1,000 budget (83%).' }).waitFor();
    expect(await screen.stat('Spent')).toBe('$830');
    await screen.alert('budget-80').waitFor();
    expect(await screen.alert('budget-80').textContent()).toBe('Budget warning. You have spent $830 of your $1,000 budget (83%). ');
    await app.screenshot('budget-alert-80');
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('e2e.notifications') ?? '[]') as Array<{ tag: string }>).some((n) => n.tag.includes(':budget-80:')));
    expect((await notifications(page)).filter((n) => n.tag.includes(':budget-80:'))).toEqual([{ title: 'Budget warning: Vision', body: 'You have spent $830 of your $1,000 budget (83%).', tag: expect.stringMatching(/:budget-80:100000$/) }]);

    // The project page shows the same banner with a way to the budget.
    await page.getByRole('link', { name: '← Vision' }).click();
    await page.getByRole('heading', { name: 'Vision', level: 1 }).waitFor();
    await screen.alert('budget-80').waitFor();
    expect(await screen.alert('budget-80').getByRole('link', { name: 'See the budget →' }).count()).toBe(1);
    await app.screenshot('project-budget-banner');

    // After a reload the same crossing does not notify again; the next crossing (100%) does.
    const alertsRead = page.waitForResponse((r) => r.url().endsWith('/rpc/budget.alerts'));
    await page.reload();
    await alertsRead;
    await screen.alert('budget-80').waitFor();
    await page.getByRole('link', { name: 'See the budget →' }).click();
    await screen.gaugeWords().waitFor();
    await screen.addEntry({ amount: '200', category: 'Labelling', description: 'Labels' });
    await screen.alert('budget-100').waitFor();
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('e2e.notifications') ?? '[]') as Array<{ tag: string }>).some((n) => n.tag.includes(':budget-100:')));
    const tags = (await notifications(page)).map((n) => n.tag.replace(/^[^:]+:/, ''));
    expect(tags.filter((t) => t.startsWith('budget-80:'))).toHaveLength(1);
    expect(tags.filter((t) => t.startsWith('budget-100:'))).toHaveLength(1);
    expect(app.problems).toEqual([]);
  });

  it('previews a bill with its bad line named, imports the good lines, and the figures move', async () => {
    const s = await seededApp('light');
    ({ app } = s);
    cleanup = s.dir.cleanup;
    const { page } = app;
    const screen = new BudgetScreen(page);
    const bill = join(s.dir.dir, 'november-bill.csv');
    writeFileSync(bill, ['Date,Service,Cost,Kind', `${dayOf(-1)},GPU hours,40.00,compute`, '31/02/2026,Support,5.00,other', `${dayOf(-3)},Storage bucket,"1,012.00",storage`, ''].join('\n'));
    await screen.openBudgetOf('Vision');
    await screen.chooseBill(bill);
    // The columns were guessed from the header.
    const mapping = page.getByRole('group', { name: 'Which column holds what' });
    expect(await mapping.getByRole('combobox').evaluateAll((els) => els.slice(0, 5).map((e) => (e as HTMLSelectElement).value))).toEqual(['Date', 'Service', 'Cost', '', 'Kind']);
    await screen.previewBill();
    expect(await screen.billErrors().allTextContents()).toEqual(['Line 3, date: "31/02/2026" is not a date like YYYY-MM-DD']);
    expect(await screen.billPreviewRows().evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).slice(0, 5).map((td) => td.textContent)))).toEqual([
      ['2', dayOf(-1), 'GPU hours', 'Compute', '$40'],
      ['4', dayOf(-3), 'Storage bucket', 'Storage', '$1,012'],
    ]);
    // Nothing is saved by the preview.
    expect(await screen.ledgerRow('Storage bucket').count()).toBe(0);
    expect(await screen.stat('Spent')).toBe('$580');
    await app.screenshot('budget-bill-preview');

    await page.getByRole('button', { name: 'Import 2 lines' }).click();
    await page.getByText('Imported 2 lines from november-bill.csv; 1 bad line was left out.').waitFor();
    await page.getByTestId('gauge-words').filter({ hasText: 'You have spent $1,632 of your $1,000 budget (163%).' }).waitFor();
    expect(await screen.ledgerRow('GPU hours').locator('td').nth(1).textContent()).toBe('bill');
    await screen.alert('budget-100').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('adds one entry on a double click, closes its forms on Escape with focus back on their button, and says a refusal next to the field', async () => {
    const dir = tempDir('tally-e2e-ledger-');
    cleanup = dir.cleanup;
    const backend = createBackend({ dataDir: dir.dir, host: 'test' });
    try {
      // A euro project without a US dollar rate: an entry paid in dollars needs a rate of its own.
      await call(backend.dispatch, 'projects.create', { name: 'Euro lab', currency: 'EUR', budgetCents: 500_000, startDate: dayOf(-20), endDate: dayOf(40) });
    } finally {
      backend.close();
    }
    app = await startApp({ dataDir: dir.dir });
    const { page } = app;
    const screen = new BudgetScreen(page);
    await screen.openBudgetOf('Euro lab');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // Escape closes the add form and the bill import, and focus returns to the button that opened each.
    const add = page.getByRole('button', { name: 'Add an entry' });
    await add.click();
    const form = page.getByRole('form', { name: 'Add a ledger entry' });
    await form.getByLabel('Description').fill('half typed');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focusedText()).toBe('Add an entry');
    expect(await add.getAttribute('aria-expanded')).toBe('false');
    const bill = page.getByRole('button', { name: 'Import a bill (CSV)' });
    await bill.click();
    await page.getByLabel('Bill (CSV with a header line)').waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Bill (CSV with a header line)').waitFor({ state: 'detached' });
    expect(await focusedText()).toBe('Import a bill (CSV)');

    // Two clicks on "Add to the ledger" in the same instant, before the page can redraw the button
    // as disabled, store one entry; saving closes the form and gives focus back to its button.
    await add.click();
    await form.getByLabel(/^Amount/).fill('120.50');
    await form.getByLabel('Category').selectOption({ label: 'API calls' });
    await form.getByLabel('Description').fill('OpenAI invoice');
    await form.getByRole('button', { name: 'Add to the ledger' }).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await form.waitFor({ state: 'detached' });
    await screen.ledgerRow('OpenAI invoice').waitFor();
    expect(await screen.ledgerRow('OpenAI invoice').count()).toBe(1);
    expect(await focusedText()).toBe('Add an entry');
    const project = (await rpc<Array<{ id: string; name: string }>>(app, 'projects.list', {})) as { ok: true; value: Array<{ id: string; name: string }> };
    const ledger = await rpc<{ entries: Array<{ description: string }> }>(app, 'ledger.list', { projectId: project.value[0]!.id });
    expect(ledger.ok && ledger.value.entries.map((e) => e.description)).toEqual(['OpenAI invoice']);

    // Paid in dollars without a rate: the backend's refusal sits next to the rate box, in plain words.
    await add.click();
    await form.getByLabel(/^Amount/).fill('10');
    await form.getByLabel('Paid in').selectOption('USD');
    await form.getByLabel('Description').fill('Dollar bill');
    await form.getByRole('button', { name: 'Add to the ledger' }).click();
    await page.getByText('An exchange rate is needed for USD').waitFor();
    const rate = form.getByLabel('EUR per 1 USD', { exact: true });
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await rate.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('An exchange rate is needed for USD');
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/fxRate|patch\./);
    await app.screenshot('ledger-refusal-next-to-field');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focusedText()).toBe('Add an entry');

    // A row's Edit form is drawn in place of the row: Escape brings the row back and focus to its Edit button.
    const date = dayOf(0);
    await page.getByRole('button', { name: `Edit the entry of ${date}` }).click();
    await page.getByRole('form', { name: 'Edit the ledger entry' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: 'Edit the ledger entry' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Edit the entry of ${date}`);
    expect(app.problems).toEqual([]);
  });

  it('reads in the dark theme', async () => {
    const s = await seededApp('dark');
    ({ app } = s);
    cleanup = s.dir.cleanup;
    const screen = new BudgetScreen(app.page);
    await screen.openBudgetOf('Vision');
    await screen.burnDown().locator('svg path').first().waitFor();
    await app.screenshot('budget-page-dark');
    expect(app.problems).toEqual([]);
  });
});
