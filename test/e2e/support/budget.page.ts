import type { Page } from 'playwright-core';

/** Page object for a project's budget page: tests speak in user actions, not selectors. */
export class BudgetScreen {
  constructor(private readonly page: Page) {}

  async openBudgetOf(projectName: string) {
    await this.page.getByRole('link', { name: new RegExp(projectName) }).click();
    await this.page.getByRole('heading', { name: new RegExp(projectName), level: 1 }).waitFor();
    await this.page.getByRole('link', { name: 'Open the budget →' }).click();
    await this.page.getByRole('heading', { name: 'Budget', level: 1 }).waitFor();
    await this.gaugeWords().waitFor();
  }

  gaugeWords() {
    return this.page.getByTestId('gauge-words');
  }

  runoutSentence() {
    return this.page.getByTestId('runout-sentence');
  }

  burnDown() {
    return this.page.getByRole('figure', { name: 'Burn-down: spend so far against the plan and the caps' });
  }

  /** A banner whose alert id has this kind (budget-80, month-100 ...). */
  alert(kind: string) {
    return this.page.locator(`[data-alert-id*=":${kind}:"]`);
  }

  /** The text of the figure under a stat label (Spent, Committed, Remaining, This month). */
  async stat(label: string): Promise<string> {
    const stat = this.page.getByRole('group', { name: 'Budget figures' }).locator('.stat').filter({ has: this.page.locator('.stat__label', { hasText: label }) });
    return ((await stat.locator('.stat__value').textContent()) ?? '').trim();
  }

  async addEntry(fields: { amount: string; category: string; description: string; date?: string }) {
    await this.page.getByRole('button', { name: 'Add an entry' }).click();
    const form = this.page.getByRole('form', { name: 'Add a ledger entry' });
    if (fields.date) await form.getByLabel('Date').fill(fields.date);
    await form.getByLabel(/^Amount/).fill(fields.amount);
    await form.getByLabel('Category').selectOption({ label: fields.category });
    await form.getByLabel('Description').fill(fields.description);
    await form.getByRole('button', { name: 'Add to the ledger' }).click();
    await form.waitFor({ state: 'detached' });
  }

  ledgerRow(text: string) {
    return this.page.getByRole('table', { name: 'Ledger entries' }).getByRole('row').filter({ hasText: text });
  }

  async chooseBill(path: string) {
    await this.page.getByRole('button', { name: 'Import a bill (CSV)' }).click();
    await this.page.getByLabel('Bill (CSV with a header line)').setInputFiles(path);
    await this.page.getByRole('group', { name: 'Which column holds what' }).waitFor();
  }

  async previewBill() {
    await this.page.getByRole('button', { name: 'Preview' }).click();
    await this.page.getByRole('table', { name: 'Bill preview' }).waitFor();
  }

  billErrors() {
    return this.page.getByRole('status', { name: 'Lines that cannot be imported' }).locator('li');
  }

  billPreviewRows() {
    return this.page.getByRole('table', { name: 'Bill preview' }).locator('tbody tr');
  }
}
