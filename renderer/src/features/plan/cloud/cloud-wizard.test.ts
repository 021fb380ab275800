import { describe, expect, it } from 'vitest';
import { back, next, validateStep } from '../wizard/wizard';
import { CLOUD_INITIAL, budgetFromNotes, budgetNote, buildWorkload, cloudFieldOf, cloudValuesFromWorkload, cloudWizard, updateCloudValues } from './cloud-wizard';

describe('cloud-or-own wizard', () => {
  it('walks five steps and yields the estimate.compare input', () => {
    let state = { step: 0 };
    for (let i = 0; i < 4; i += 1) {
      const r = next(cloudWizard, state, CLOUD_INITIAL);
      expect(r.kind).toBe('step');
      state = r.state;
    }
    const done = next(cloudWizard, state, CLOUD_INITIAL);
    expect(done.kind).toBe('done');
    if (done.kind !== 'done') return;
    expect(done.state.step).toBe(5);
    expect(done.input.workload).toMatchObject({
      requestsPerDay: 2000,
      months: 12,
      dataSensitivity: 'internal',
      latencyTargetMs: 10_000,
      inputTokensPerRequest: 550,
      outputTokensPerRequest: 330,
      model: { params: 8e9 },
      options: { api: { id: 'gpt-4o-mini' }, cloudGpu: { hardwareId: 'l4' }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 2500 } },
    });
    expect(back(done.state)).toEqual({ step: 4 });
  });

  it('shows the contract message next to the question that caused it', () => {
    const v = { ...CLOUD_INITIAL, requestsPerDay: '0' };
    const r = next(cloudWizard, { step: 1 }, v);
    expect(r).toEqual({ kind: 'invalid', state: { step: 1 }, errors: { requestsPerDay: 'Requests per day must be greater than 0' } });
    expect(validateStep(cloudWizard, 1, { ...CLOUD_INITIAL, months: 'a year' })).toEqual({ months: 'Enter a number, like 2000 or 2k' });
  });

  it('does not block an early step on a later blank, but the last step sends you back to it', () => {
    const v = { ...CLOUD_INITIAL, ownedPriceUsd: '' };
    expect(next(cloudWizard, { step: 0 }, v).kind).toBe('step');
    const r = next(cloudWizard, { step: 4 }, { ...v, requestsPerDay: '' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.state.step).toBe(1);
    expect(r.errors.ownedPriceUsd).toBe('The purchase price must be a number');
  });

  it('switches compared options with the task, and image work uses a price per photo', () => {
    const v = updateCloudValues(CLOUD_INITIAL, 'task', 'images');
    expect(v).toMatchObject({ apiId: '', cloudHardwareId: 't4', ownedHardwareId: 'jetson-orin-nano', ownedPriceUsd: '500' });
    const r = next(cloudWizard, { step: 4 }, v);
    expect(r.kind).toBe('done');
    if (r.kind === 'done') expect(r.input.workload).toMatchObject({ itemsPerRequest: 1, gflopsPerItem: 8.2, options: { api: { usdPerItem: 0.0015 } } });
    expect(updateCloudValues(CLOUD_INITIAL, 'modelSize', 'large')).toMatchObject({ apiId: 'gpt-4o', cloudHardwareId: 'a100-80gb' });
  });

  it('reopens a saved workload with the same answers', () => {
    const values = { ...updateCloudValues(CLOUD_INITIAL, 'modelSize', 'large'), requestsPerDay: '50000', speed: 'instant', privacy: 'confidential', monthlyBudget: '900' };
    const r = next(cloudWizard, { step: 4 }, values);
    if (r.kind !== 'done') throw new Error('expected done');
    expect(cloudValuesFromWorkload(r.input.workload, 900)).toEqual(values);
  });

  it('keeps the monthly budget in the plan notes and reads it back', () => {
    expect(budgetNote(800)).toBe('Monthly budget: $800');
    expect(budgetFromNotes(`Pilot in Q1\n${budgetNote(812.5)}`)).toBe(812.5);
    expect(budgetFromNotes('no budget here')).toBeNull();
    expect(budgetNote(null)).toBe('');
  });

  it('rents from one provider when asked, and a new device starts from all providers', () => {
    const v = { ...CLOUD_INITIAL, cloudHardwareId: 'a100-80gb', cloudProvider: 'RunPod' };
    expect(buildWorkload(v).workload.options.cloudGpu).toEqual({ hardwareId: 'a100-80gb', provider: 'RunPod' });
    expect(cloudValuesFromWorkload(buildWorkload(v).workload).cloudProvider).toBe('RunPod');
    expect(updateCloudValues(v, 'cloudHardwareId', 'l4').cloudProvider).toBe('');
    expect(cloudFieldOf('workload.options.cloudGpu.provider')).toBe('cloudProvider');
  });
});
