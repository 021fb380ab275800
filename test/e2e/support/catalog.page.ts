import type { Download, Page } from 'playwright-core';
import { fieldErrorOf } from './field-error';

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

  fieldError(label: string): Promise<string> {
    return fieldErrorOf(this.page, label);
  }

  async importText(format: 'CSV' | 'JSON', text: string) {
    const box = this.page.getByRole('group', { name: 'Import and export' });
    await box.getByLabel('Format').selectOption({ label: format });
    await box.getByLabel('Rows to import').fill(text);
    await box.getByRole('button', { name: 'Import' }).click();
  }

  /** Exports in a format and returns the file the browser downloaded. */
  async exportFile(format: 'CSV' | 'JSON'): Promise<Download> {
    const box = this.page.getByRole('group', { name: 'Import and export' });
    await box.getByLabel('Format').selectOption({ label: format });
    const [download] = await Promise.all([this.page.waitForEvent('download'), box.getByRole('button', { name: /^Export / }).click()]);
    return download;
  }
}
