import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';
import { CatalogScreen } from './support/catalog.page';

describe('Catalog under Settings, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('searches, edits a price, adds a row, shows import errors with line and field, and keeps edits across a reload', async () => {
    app = await startApp();
    const { page } = app;
    const catalog = new CatalogScreen(page);
    await catalog.open();
    await catalog.row('h100-sxm').waitFor();
    await app.screenshot('catalog-hardware');

    await catalog.tab('Cloud prices');
    await catalog.search('a100-80gb');
    await catalog.row('a100-80gb@aws').waitFor();
    // Every shown row matches the search (header row excluded).
    const ids = await page.locator('table[aria-label="Catalog rows"] tbody code').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.includes('a100-80gb'))).toBe(true);
    // The AWS price is dated 2025-03: over a year old, so its badge is in the warning colour.
    const badge = catalog.row('a100-80gb@aws').locator('.badge--warn', { hasText: /months old|years old/ });
    expect(await badge.count()).toBe(1);
    await app.screenshot('catalog-cloud-prices-search');

    await catalog.row('a100-80gb@aws').getByRole('button', { name: 'Edit a100-80gb@aws' }).click();
    await page.getByLabel('Price per GPU-hour (usdPerGpuHour)', { exact: true }).fill('-3');
    await page.getByRole('button', { name: 'Save row' }).click();
    expect(await catalog.fieldError('Price per GPU-hour (usdPerGpuHour)')).toBe('Price per GPU-hour: must be greater than 0');
    await app.screenshot('catalog-edit-invalid');
    await page.getByLabel('Price per GPU-hour (usdPerGpuHour)', { exact: true }).fill('3.99');
    await page.getByLabel('As of (asOf)', { exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Save row' }).click();
    await catalog.row('a100-80gb@aws').getByText('$3.99 per GPU-hour').waitFor();
    expect(await catalog.row('a100-80gb@aws').getByText('edited').count()).toBe(1);

    // A CSV with a bad number on line 3 is rejected whole, naming line and field.
    await catalog.search('');
    await catalog.importText('CSV', ['id,hardwareId,provider,region,pricingModel,usdPerGpuHour,source,asOf,confidence,notes', 'h100-sxm@acme,h100-sxm,Acme,eu-1,on-demand,2.10,invoice,2026-11,verified,', 'l4@acme,l4,Acme,eu-1,on-demand,cheap,invoice,2026-11,verified,'].join('\n'));
    const problems = page.getByRole('list', { name: 'Import problems' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual(['Line 3, Price per GPU-hour (usdPerGpuHour column): must be a number, got "cheap"']);
    await page.getByText('Import rejected, nothing was changed: Line 3, Price per GPU-hour (usdPerGpuHour column): must be a number, got "cheap"').waitFor();
    expect(await catalog.row('h100-sxm@acme').count()).toBe(0);
    await app.screenshot('catalog-import-error');

    await catalog.importText('CSV', ['id,hardwareId,provider,region,pricingModel,usdPerGpuHour,source,asOf,confidence,notes', 'h100-sxm@acme,h100-sxm,Acme,eu-1,on-demand,2.10,invoice,2026-11,verified,', 'l4@acme,l4,Acme,eu-1,on-demand,0.45,invoice,2026-11,verified,'].join('\n'));
    await page.getByText('Imported: 2 added, 0 updated.').waitFor();
    await catalog.row('l4@acme').getByText('yours').waitFor();

    // Add your own grid-intensity row.
    await catalog.tab('Grid intensity');
    await page.getByRole('button', { name: 'Add your own' }).click();
    await page.getByLabel('Id', { exact: true }).fill('office-solar');
    await page.getByLabel('Region', { exact: true }).fill('Our office (rooftop solar)');
    await page.getByLabel('CO2 per kWh of electricity (kgCo2PerKwh)', { exact: true }).fill('0.05');
    await page.getByLabel('Source', { exact: true }).fill('installer datasheet');
    await app.screenshot('catalog-add-row');
    await page.getByRole('button', { name: 'Add row' }).click();
    await catalog.row('office-solar').getByText('50 g CO2 per kWh').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Catalog', level: 1 }).waitFor();
    await catalog.tab('Cloud prices');
    await catalog.row('a100-80gb@aws').getByText('$3.99 per GPU-hour').waitFor();
    await catalog.row('l4@acme').waitFor();
    await app.screenshot('catalog-after-reload');
    expect(app.problems).toEqual([]);
  });

  it('reads in the dark theme, with stale prices in the warning colour', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    const catalog = new CatalogScreen(page);
    await catalog.open();
    await catalog.tab('AI service prices');
    await catalog.row('gpt-4o').waitFor();
    const stale = await page.locator('table[aria-label="Catalog rows"] .badge--warn').count();
    expect(stale).toBeGreaterThan(0);
    await app.screenshot('catalog-dark-api-prices');
    expect(app.problems).toEqual([]);
  });
});
