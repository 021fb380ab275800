import { describe, expect, it } from 'vitest';
import { catalogFromCsv, catalogFromJson, catalogToCsv } from './catalog-import-export';
import { defaultCatalog } from './catalog-lookup';
import { validateCatalogRow } from './validate-catalog-row';

describe('catalog CSV and JSON import/export', () => {
  it('round-trips every default table through CSV', () => {
    const c = defaultCatalog();
    expect(catalogFromCsv('hardware', catalogToCsv('hardware', c.hardware))).toEqual({ rows: c.hardware, errors: [] });
    expect(catalogFromCsv('cloud-gpu-price', catalogToCsv('cloud-gpu-price', c.cloudGpuPrices)).rows).toEqual(c.cloudGpuPrices);
    expect(catalogFromCsv('llm-api-price', catalogToCsv('llm-api-price', c.llmApiPrices)).rows).toEqual(c.llmApiPrices);
    expect(catalogFromCsv('grid-intensity', catalogToCsv('grid-intensity', c.gridIntensities)).rows).toEqual(c.gridIntensities);
  });
  it('rejects bad rows with line and field, keeping the good ones', () => {
    const csv = [
      'id,region,kgCo2PerKwh,source,asOf,confidence,notes',
      'fr,France,0.056,CodeCarbon,2023-12,secondary,',
      'xx,Nowhere,-1,me,2023-12,secondary,',
      'yy,Somewhere,abc,me,March 2024,sure,',
      'fr,France again,0.05,me,2024-01,memory,',
    ].join('\n');
    const r = catalogFromCsv('grid-intensity', csv);
    expect(r.rows.map((x) => x.id)).toEqual(['fr']);
    expect(r.errors).toEqual([
      { field: 'kgCo2PerKwh', line: 3, message: 'must not be negative' },
      { field: 'kgCo2PerKwh', line: 4, message: 'must be a number, got "abc"' },
      { field: 'asOf', line: 4, message: 'must be an ISO date yyyy-mm or yyyy-mm-dd' },
      { field: 'confidence', line: 4, message: 'must be one of verified, secondary, derived, memory, uncertain' },
      { field: 'id', line: 5, message: '"fr" is already used by an earlier row' },
    ]);
  });
  it('reports a missing or unknown column against the header line', () => {
    const r = catalogFromCsv('grid-intensity', 'id,region,source,asOf,confidence,colour\n');
    expect(r.errors).toEqual([
      { field: 'kgCo2PerKwh', line: 1, message: 'missing column "kgCo2PerKwh" (CO2 per kWh of electricity)' },
      { field: 'colour', line: 1, message: 'unknown column "colour" for grid-intensity' },
    ]);
  });
  it('reports a wrong field count and CSV syntax errors with the line', () => {
    expect(catalogFromCsv('grid-intensity', 'id,region,kgCo2PerKwh,source,asOf,confidence\nfr,France\n').errors[0]).toMatchObject({ line: 2 });
    expect(catalogFromCsv('grid-intensity', 'id\n"unclosed\n').errors[0]).toMatchObject({ line: 2 });
  });
  it('imports JSON rows with the array index of each bad row', () => {
    const r = catalogFromJson('llm-api-price', [
      { id: 'mine', provider: 'Me', model: 'M', inputUsdPerMTok: 1, outputUsdPerMTok: 2, source: 'invoice', asOf: '2026-11-01', confidence: 'verified' },
      { id: 'Bad Id', provider: 'Me', model: 'M', inputUsdPerMTok: 1, outputUsdPerMTok: 2, source: 'x', asOf: '2026-11', confidence: 'verified' },
    ]);
    expect(r.rows).toHaveLength(1);
    expect(r.errors).toEqual([{ field: 'id', index: 1, message: 'must be a lower-case id (letters, digits, . - _ @ :), at most 80 characters' }]);
    expect(catalogFromJson('hardware', { not: 'an array' }).errors[0]?.message).toMatch(/array/);
  });
  it('treats a blank optional number as "not published" (null) and a blank required one as missing', () => {
    const base = { id: 'x', name: 'X', vendor: 'V', kind: 'edge', memoryGb: '8', bandwidthGbs: '68', source: 's', asOf: '2026-01', confidence: 'memory' };
    const ok = validateCatalogRow('hardware', { ...base, tdpW: '' });
    expect(ok.ok && ok.row.tdpW).toBeNull();
    const bad = validateCatalogRow('hardware', { ...base, memoryGb: ' ' });
    expect(bad.ok ? [] : bad.errors).toEqual([{ field: 'memoryGb', message: 'is required' }]);
  });
});
