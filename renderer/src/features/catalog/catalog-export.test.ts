import { describe, expect, it } from 'vitest';
import { catalogExportFileName, exportedText } from './catalog-export';

describe('catalog export file', () => {
  it('is named for what it holds and the day', () => {
    expect(catalogExportFileName('json', 'hardware', '2026-12-05')).toBe('tally-catalog-2026-12-05.json');
    expect(catalogExportFileName('csv', 'cloud-gpu-price', '2026-12-05')).toBe('tally-catalog-cloud-gpu-price-2026-12-05.csv');
  });

  it('says the file name, the rows and where it went', () => {
    expect(exportedText('tally-catalog-2026-12-05.json', 1)).toBe('Downloaded “tally-catalog-2026-12-05.json” with 1 row, to your Downloads folder unless you were asked where to save it.');
    expect(exportedText('x.csv', 1234)).toMatch(/^Downloaded “x\.csv” with 1,234 rows,/);
  });
});
