import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../../../shared/catalog';
import { catalogIssueText } from '../../../../shared/catalog/catalog-issue-text';
import { CATALOG_COLUMNS } from '../../../../shared/catalog';
import { columnLabel, rowFromValues, valuesFromRow } from './catalog-form';

describe('catalog row form', () => {
  it('round-trips a built-in row through the form unchanged', () => {
    const row = DEFAULT_CLOUD_GPU_PRICES[0]!;
    const r = rowFromValues('cloud-gpu-price', valuesFromRow('cloud-gpu-price', row as unknown as Record<string, unknown>));
    expect(r).toEqual({ ok: true, row });
  });

  it('names the field in plain words and the rule, with the catalog validator’s words', () => {
    const values = valuesFromRow('cloud-gpu-price', DEFAULT_CLOUD_GPU_PRICES[0] as unknown as Record<string, unknown>);
    const r = rowFromValues('cloud-gpu-price', { ...values, usdPerGpuHour: '-1', asOf: '2025-13' });
    expect(r).toEqual({ ok: false, errors: { usdPerGpuHour: 'Price per GPU-hour: must be greater than 0', asOf: 'As of: must be an ISO date yyyy-mm or yyyy-mm-dd' } });
  });

  it('reads import issue paths as line and field, the plain label first and the header the file used in brackets', () => {
    expect(catalogIssueText('line 3.usdPerGpuHour', 'must be a number')).toBe('Line 3, Price per GPU-hour (usdPerGpuHour column): must be a number');
    expect(catalogIssueText('line 1.id', 'missing column "id" (Id)')).toBe('Line 1: missing column "id" (Id)');
    expect(catalogIssueText('line 1.colour', 'unknown column "colour" for hardware')).toBe('Line 1: unknown column "colour" for hardware');
    expect(catalogIssueText('line 2', 'expected 7 fields, found 2')).toBe('Line 2: expected 7 fields, found 2');
    expect(catalogIssueText('hardware[2].memoryGb', 'is required')).toBe('hardware row 3, Memory in GB (memoryGb field): is required');
    expect(catalogIssueText('row[0].id', 'is required')).toBe('Row 1, Id (id field): is required');
    expect(catalogIssueText('file.gpus', 'unknown kind "gpus"; kinds are hardware')).toBe('File: unknown kind "gpus"; kinds are hardware');
  });

  it('labels every form box in plain words, with the CSV header beside it where the two differ', () => {
    const byName = Object.fromEntries(CATALOG_COLUMNS['cloud-gpu-price'].map((c) => [c.name, columnLabel(c)]));
    expect(byName).toMatchObject({ usdPerGpuHour: 'Price per GPU-hour (usdPerGpuHour)', hardwareId: 'Hardware (hardwareId)', asOf: 'As of (asOf)', provider: 'Provider', notes: 'Notes (optional)' });
    expect(CATALOG_COLUMNS.hardware.map(columnLabel).find((l) => l.startsWith('Power draw'))).toBe('Power draw in watts (tdpW, optional)');
  });
});
