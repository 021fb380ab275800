import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../../../shared/catalog';
import { importIssueText, rowFromValues, valuesFromRow } from './catalog-form';

describe('catalog row form', () => {
  it('round-trips a built-in row through the form unchanged', () => {
    const row = DEFAULT_CLOUD_GPU_PRICES[0]!;
    const r = rowFromValues('cloud-gpu-price', valuesFromRow('cloud-gpu-price', row as unknown as Record<string, unknown>));
    expect(r).toEqual({ ok: true, row });
  });

  it('names the field and the rule, with the catalog validator’s words', () => {
    const values = valuesFromRow('cloud-gpu-price', DEFAULT_CLOUD_GPU_PRICES[0] as unknown as Record<string, unknown>);
    const r = rowFromValues('cloud-gpu-price', { ...values, usdPerGpuHour: '-1', asOf: '2025-13' });
    expect(r).toEqual({ ok: false, errors: { usdPerGpuHour: 'usdPerGpuHour must be greater than 0', asOf: 'asOf must be an ISO date yyyy-mm or yyyy-mm-dd' } });
  });

  it('reads import issue paths as line and field', () => {
    expect(importIssueText('line 3.usdPerGpuHour', 'must be a number')).toBe('Line 3, field usdPerGpuHour: must be a number');
    expect(importIssueText('line 1', 'missing column "id"')).toBe('Line 1: missing column "id"');
    expect(importIssueText('hardware[2].memoryGb', 'is required')).toBe('hardware row 3, field memoryGb: is required');
    expect(importIssueText('row[0].id', 'is required')).toBe('Row 1, field id: is required');
  });
});
