import { describe, expect, it } from 'vitest';
import { computePatch, formFromRun, type ComputeFormValues } from './compute-form';

const blank: ComputeFormValues = { hardwareId: '', devices: '', durationHours: '', energyKwh: '', manualCost: '', manualCurrency: 'USD', priceUsd: '' };

describe('the hardware form', () => {
  it('turns what was typed into the runs.setCompute patch (hours to seconds, amounts to cents)', () => {
    const r = computePatch({ ...blank, hardwareId: 'h100-sxm', devices: '8', durationHours: '2.5', energyKwh: '', manualCost: '' });
    expect(r).toEqual({
      ok: true,
      patch: { hardwareId: 'h100-sxm', devices: 8, durationS: 9000, energyKwhMeasured: null, manualCostCents: null, manualCostCurrency: null, pricePerDeviceHourUsd: null },
    });
    const manual = computePatch({ ...blank, manualCost: '1,234.50', manualCurrency: 'eur' });
    expect(manual.ok && [manual.patch.manualCostCents, manual.patch.manualCostCurrency]).toEqual([123450, 'EUR']);
  });
  it('says what is wrong per field, with the contract messages', () => {
    expect(computePatch({ ...blank, devices: '1.5' })).toEqual({ ok: false, errors: { devices: 'Devices is a whole number' } });
    expect(computePatch({ ...blank, devices: '0' })).toEqual({ ok: false, errors: { devices: 'At least 1 device' } });
    expect(computePatch({ ...blank, durationHours: '-1' })).toEqual({ ok: false, errors: { durationHours: 'A duration cannot be negative' } });
    expect(computePatch({ ...blank, energyKwh: 'lots' })).toEqual({ ok: false, errors: { energyKwh: 'Give a number' } });
    expect(computePatch({ ...blank, manualCost: '3.999' })).toEqual({ ok: false, errors: { manualCost: 'Give the amount to the cent, e.g. 12.50' } });
    expect(computePatch({ ...blank, manualCost: '3', manualCurrency: 'dollars' })).toEqual({ ok: false, errors: { manualCurrency: 'Use a 3-letter currency code such as USD or EUR' } });
  });
  it('starts from what the run already has', () => {
    const v = formFromRun({
      currency: 'EUR',
      compute: { hardwareId: 'a100', devices: 4, durationS: 5400, energyKwhMeasured: 12.5, manualCostCents: null, manualCostCurrency: null, pricePerDeviceHourUsd: null, scenarioId: null, note: '' },
    });
    expect(v).toEqual({ hardwareId: 'a100', devices: '4', durationHours: '1.5', energyKwh: '12.5', manualCost: '', manualCurrency: 'EUR', priceUsd: '' });
  });
});
