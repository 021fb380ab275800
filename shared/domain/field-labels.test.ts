import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldOfPath, plainIssue } from './field-labels';
import { invalidInput } from './errors';

describe('field labels', () => {
  it('names a contract path in plain words, wherever it sits in the input', () => {
    expect(fieldLabel('usdRate')).toBe('Exchange rate');
    expect(fieldLabel('patch.usdRate')).toBe('Exchange rate');
    expect(fieldLabel('patch.monthlyCapCents')).toBe('Monthly cap');
    expect(fieldLabel('compute.scenarioId')).toBe('Plan');
    expect(fieldLabel('mfu')).toBe("MFU (share of the GPU's peak speed actually used)");
  });

  it('splits a name it does not know into words, without internal units, and numbers list items from 1', () => {
    expect(fieldLabel('electricityUsdPerKwh')).toBe('Electricity price');
    expect(fieldLabel('kvHeads')).toBe('KV heads');
    expect(fieldLabel('inferenceCostPer1000Micros')).toBe('Inference cost per 1000');
    expect(fieldLabel('firstTokenOverheadMs')).toBe('First token overhead ms');
    expect(fieldLabel('rows.2.maxGpuHours')).toBe('Max GPU hours (item 3)');
    expect(fieldOfPath('gates.0')).toBe('gates');
    expect(fieldLabel('')).toBe('');
  });

  it('puts the plain name before what is wrong, never the path', () => {
    expect(plainIssue('patch.usdRate', 'must be a positive number')).toBe('Exchange rate: must be a positive number');
    expect(plainIssue('startDate', 'This date does not exist')).toBe('Start date: This date does not exist');
    // A schema message repeating the internal name loses it.
    expect(plainIssue('pricePerGpuHourUsd', 'pricePerGpuHourUsd must be greater than 0')).toBe('Price per GPU-hour: must be greater than 0');
    expect(plainIssue('params', 'params must be greater than 0')).toBe('Model size (parameters): must be greater than 0');
  });

  it('keeps a sentence that already opens on the field as it is', () => {
    expect(plainIssue('usdRate', 'The exchange rate must be greater than 0')).toBe('The exchange rate must be greater than 0');
    expect(plainIssue('monthlyCapCents', 'The monthly cap cannot exceed the total budget')).toBe('The monthly cap cannot exceed the total budget');
    expect(plainIssue('id', 'A run id is 32 lowercase hex characters')).toBe('A run id is 32 lowercase hex characters');
    expect(plainIssue('', 'unknown field "x"')).toBe('Unknown field "x"');
    // A field's word further in the sentence is not its subject.
    expect(plainIssue('runId', 'repeats run r0')).toBe('Run: repeats run r0');
    expect(plainIssue('id', 'must be an id like 1f2e')).toBe('Id: must be an id like 1f2e');
  });

  it('gives services the same shape: a plain message, the path kept for forms and flags', () => {
    const e = invalidInput('patch.fxRate', 'the entry is in GBP and the project in EUR; give the exchange rate (EUR per 1 GBP)', { issue: 'an exchange rate is needed for GBP' });
    expect(e.toJSON()).toEqual({
      code: 'INVALID_INPUT',
      message: 'Exchange rate: the entry is in GBP and the project in EUR; give the exchange rate (EUR per 1 GBP)',
      issues: [{ path: 'patch.fxRate', message: 'an exchange rate is needed for GBP' }],
      location: { field: 'patch.fxRate' },
    });
  });
});
