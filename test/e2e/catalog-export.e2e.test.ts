import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS } from '../../shared/catalog';
import { startApp, type RunningApp } from './support/app';
import { CatalogScreen } from './support/catalog.page';
import { backendCall } from './support/plan-answers.page';

describe('Catalog export downloads a file, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('saves the whole catalog as JSON and one kind as CSV, names the file, and the file is what catalog.export gives', async () => {
    app = await startApp();
    const { page } = app;
    // One row of our own, so the file is the workspace's catalog, not only the built-in one.
    await backendCall(app, 'catalog.import', { format: 'csv', kind: 'cloud-gpu-price', content: 'id,hardwareId,provider,region,pricingModel,usdPerGpuHour,source,asOf,confidence,notes\nl4@acme,l4,Acme,eu-1,on-demand,0.45,invoice,2026-11,verified,' });
    const catalog = new CatalogScreen(page);
    await catalog.open();
    const today = new Date().toISOString().slice(0, 10);

    const json = await catalog.exportFile('JSON');
    expect(json.suggestedFilename()).toBe(`tally-catalog-${today}.json`);
    const jsonText = readFileSync((await json.path())!, 'utf8');
    const expected = await backendCall(app, 'catalog.export', { format: 'json', only: 'all' });
    expect(jsonText).toBe(expected.content);
    const parsed = JSON.parse(jsonText) as Record<string, Array<{ id: string }>>;
    expect(Object.keys(parsed).sort()).toEqual(['cloud-gpu-price', 'grid-intensity', 'hardware', 'llm-api-price']);
    expect(Object.values(parsed).reduce((n, rows) => n + rows.length, 0)).toBe(expected.rows);
    expect(parsed['cloud-gpu-price']?.some((r) => r.id === 'l4@acme')).toBe(true);
    await page.getByText(`Downloaded “tally-catalog-${today}.json” with ${expected.rows.toLocaleString('en-US')} rows, to your Downloads folder unless you were asked where to save it.`).waitFor();
    await app.screenshot('catalog-export-json');
    // The file goes back in unchanged: nothing added, nothing updated.
    const again = await backendCall(app, 'catalog.import', { format: 'json', content: jsonText });
    expect([again.added, again.updated]).toEqual([0, 0]);

    await catalog.tab('Cloud prices');
    const csv = await catalog.exportFile('CSV');
    expect(csv.suggestedFilename()).toBe(`tally-catalog-cloud-gpu-price-${today}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const expectedCsv = await backendCall(app, 'catalog.export', { format: 'csv', kind: 'cloud-gpu-price', only: 'all' });
    expect(csvText).toBe(expectedCsv.content);
    const lines = csvText.trim().split(/\r?\n/);
    expect(lines[0]).toBe(CATALOG_COLUMNS['cloud-gpu-price'].map((c) => c.name).join(','));
    expect(lines.length - 1).toBe(expectedCsv.rows);
    expect(lines.some((l) => l.startsWith('l4@acme,l4,Acme,'))).toBe(true);
    await page.getByText(`Downloaded “tally-catalog-cloud-gpu-price-${today}.csv”`).waitFor();
    expect(await page.getByRole('link', { name: 'Download again' }).getAttribute('download')).toBe(`tally-catalog-cloud-gpu-price-${today}.csv`);
    await app.screenshot('catalog-export-csv');
    expect(app.problems).toEqual([]);
  });
});
