import type { Page } from 'playwright-core';

/** Page object for Settings › Catalog. */
export class CatalogScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Open the catalog →' }).click();
    await this.page.getByRole('heading', { name: 'Catalog', level: 1 }).waitFor();
  }

  async tab(label: string) {
    await this.page.getByRole('tab', { name: label }).click();
    await this.page.getByRole('tab', { name: label, selected: true }).waitFor();
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search the catalog' }).fill(text);
  }

  rows() {
    return this.page.getByRole('table', { name: 'Catalog rows' }).getByRole('row');
  }

  row(id: string) {
    return this.page.getByRole('table', { name: 'Catalog rows' }).getByRole('row').filter({ has: this.page.locator('code', { hasText: new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  async fieldError(label: string): Promise<string> {
    const input = this.page.getByLabel(label, { exact: true });
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    if (!errorId) return '';
    return (await this.page.locator(`[id="${errorId}"]`).textContent()) ?? '';
  }

  async importText(format: 'CSV' | 'JSON', text: string) {
    const box = this.page.getByRole('group', { name: 'Import and export' });
    await box.getByLabel('Format').selectOption({ label: format });
    await box.getByLabel('Rows to import').fill(text);
    await box.getByRole('button', { name: 'Import' }).click();
  }
}
