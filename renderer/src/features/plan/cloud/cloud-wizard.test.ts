import { describe, expect, it } from 'vitest';
import { back, next, validateStep } from '../wizard/wizard';
import { repriceTexts } from '../../../../../shared/budget/typed-price';
import { CLOUD_INITIAL, budgetText, buildWorkload, cloudFieldOf, cloudPriceFields, cloudValuesFromWorkload, type CloudValues, cloudWizard, updateCloudValues } from './cloud-wizard';

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
    const v = { ...CLOUD_INITIAL, ownedPrice: '' };
    expect(next(cloudWizard, { step: 0 }, v).kind).toBe('step');
    const r = next(cloudWizard, { step: 4 }, { ...v, requestsPerDay: '' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.state.step).toBe(1);
    expect(r.errors.ownedPrice).toBe('The purchase price must be a number');
  });

  it('switches compared options with the task, and image work uses a price per photo', () => {
    const v = updateCloudValues(CLOUD_INITIAL, 'task', 'images');
    expect(v).toMatchObject({ apiId: '', cloudHardwareId: 't4', ownedHardwareId: 'jetson-orin-nano', ownedPrice: '500' });
    const r = next(cloudWizard, { step: 4 }, v);
    expect(r.kind).toBe('done');
    if (r.kind === 'done') expect(r.input.workload).toMatchObject({ itemsPerRequest: 1, gflopsPerItem: 8.2, options: { api: { usdPerItem: 0.0015 } } });
    expect(updateCloudValues(CLOUD_INITIAL, 'modelSize', 'large')).toMatchObject({ apiId: 'gpt-4o', cloudHardwareId: 'a100-80gb', ownedHardwareId: 'a100-pcie-80gb' });
  });

  it('reopens a saved workload with the same answers', () => {
    const values = { ...updateCloudValues(CLOUD_INITIAL, 'modelSize', 'large'), requestsPerDay: '50000', speed: 'instant', privacy: 'confidential', monthlyBudget: '900' };
    const r = next(cloudWizard, { step: 4 }, values);
    if (r.kind !== 'done') throw new Error('expected done');
    expect(cloudValuesFromWorkload(r.input.workload, { cents: 90_000, currency: 'USD' })).toEqual(values);
  });

  it('reads the monthly budget in the plan\'s currency and gives it back as the field showed it', () => {
    const eur = { ...CLOUD_INITIAL, currency: 'EUR' };
    expect(buildWorkload({ ...eur, monthlyBudget: '€300' }).monthlyBudget).toEqual({ cents: 30_000, currency: 'EUR' });
    expect(buildWorkload({ ...eur, monthlyBudget: '300 EUR' }).monthlyBudget).toEqual({ cents: 30_000, currency: 'EUR' });
    expect(buildWorkload({ ...eur, monthlyBudget: '1.250,50' }).monthlyBudget).toEqual({ cents: 125_050, currency: 'EUR' });
    expect(buildWorkload({ ...eur, monthlyBudget: '' }).monthlyBudget).toBeNull();
    expect(buildWorkload({ ...eur, monthlyBudget: '$300' }).errors.monthlyBudget).toBe('The monthly budget is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR');
    expect(buildWorkload({ ...eur, monthlyBudget: '0' }).errors.monthlyBudget).toBe('The monthly budget must be more than zero');
    const r = next(cloudWizard, { step: 4 }, { ...eur, monthlyBudget: 'lots' });
    expect(r).toMatchObject({ kind: 'invalid', state: { step: 4 }, errors: { monthlyBudget: 'The monthly budget must be an amount like 300, €300 or 300 EUR (got "lots")' } });
    expect(budgetText({ cents: 30_000, currency: 'EUR' }, 'EUR')).toBe('300');
    expect(budgetText({ cents: 30_050, currency: 'EUR' }, 'EUR')).toBe('300.50');
    // An older plan's budget in dollars, in a euro project: shown with its code, so it is asked again in euros.
    expect(budgetText({ cents: 30_000, currency: 'USD' }, 'EUR')).toBe('300 USD');
    expect(buildWorkload({ ...eur, monthlyBudget: '300 USD' }).errors.monthlyBudget).toMatch(/^The monthly budget is written in USD, but this project counts in EUR/);
  });

  it('rents from one provider when asked, and a new device starts from all providers', () => {
    const v = { ...CLOUD_INITIAL, cloudHardwareId: 'a100-80gb', cloudProvider: 'RunPod' };
    expect(buildWorkload(v).workload.options.cloudGpu).toEqual({ hardwareId: 'a100-80gb', provider: 'RunPod' });
    expect(cloudValuesFromWorkload(buildWorkload(v).workload).cloudProvider).toBe('RunPod');
    expect(updateCloudValues(v, 'cloudHardwareId', 'l4').cloudProvider).toBe('');
    expect(cloudFieldOf('workload.options.cloudGpu.provider')).toBe('cloudProvider');
  });

  it('an own device you already have costs 0 to buy; the electricity price and write-off period are sent', () => {
    const paid = buildWorkload({ ...CLOUD_INITIAL, ownedPurchase: 'paid', ownedPrice: '', electricityPrice: '0.32' }).workload.options.owned;
    expect(paid).toEqual({ hardwareId: 'rtx-4090', purchaseUsd: 0, electricityUsdPerKwh: 0.32 });
    const bought = buildWorkload({ ...CLOUD_INITIAL, ownedWriteOffMonths: '24' }).workload.options.owned;
    expect(bought).toEqual({ hardwareId: 'rtx-4090', purchaseUsd: 2500, lifeMonths: 24 });
    const r = next(cloudWizard, { step: 4 }, { ...CLOUD_INITIAL, ownedPurchase: 'paid', electricityPrice: '0' });
    expect(r.kind).toBe('done');
    if (r.kind === 'done') expect(cloudValuesFromWorkload(r.input.workload)).toMatchObject({ ownedPurchase: 'paid', ownedPrice: '', electricityPrice: '0.00' });
    expect(next(cloudWizard, { step: 4 }, { ...CLOUD_INITIAL, electricityPrice: '-0.1' })).toMatchObject({ kind: 'invalid', errors: { electricityPrice: 'The electricity price must not be negative' } });
    expect(cloudFieldOf('workload.options.owned.lifeMonths')).toBe('ownedWriteOffMonths');
  });

  it('reads an own device\'s prices in the project\'s currency and sends the estimator their dollars at its rate', () => {
    const eur = { ...CLOUD_INITIAL, currency: 'EUR', usdRate: '0.92', ownedPrice: '€1,200', electricityPrice: '€0.30/kWh' };
    const owned = buildWorkload(eur).workload.options.owned;
    // 1200 / 0.92 and 0.30 / 0.92: converted once, unrounded.
    expect(owned?.purchaseUsd).toBeCloseTo(1304.3478260869565, 9);
    expect(owned?.electricityUsdPerKwh).toBeCloseTo(0.32608695652173914, 12);
    expect(buildWorkload({ ...eur, ownedPrice: '$1,200' }).errors.ownedPrice).toBe('The purchase price is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR');
    expect(buildWorkload({ ...eur, electricityPrice: '0.30 €/MWh' }).errors.electricityPrice).toBe('The electricity price must be a price per kWh, like 0.30, €0.30 or 0.30 EUR per kWh (got "0.30 €/MWh")');
    // Without a rate the prices stay in dollars, whatever the project's currency.
    expect(buildWorkload({ ...eur, usdRate: '', ownedPrice: '1200', electricityPrice: '0.30' }).workload.options.owned).toMatchObject({ purchaseUsd: 1200, electricityUsdPerKwh: 0.3 });
    // A task's shop price (the large model's A100 PCIe, $18,000) comes in the project's currency.
    expect(updateCloudValues(eur, 'modelSize', 'large').ownedPrice).toBe('16560');
    // A saved workload reopens with the prices as typed, converted once back from its dollars.
    const back = cloudValuesFromWorkload(buildWorkload(eur).workload, null, { currency: 'EUR', usdRate: '0.92' });
    expect(back).toMatchObject({ currency: 'EUR', usdRate: '0.92', ownedPrice: '1200', electricityPrice: '0.30' });
    expect(cloudValuesFromWorkload(buildWorkload(eur).workload)).toMatchObject({ currency: 'USD', ownedPrice: '1304.35', electricityPrice: '0.3261' });
  });

  it('offers short texts as a task, sized as a small language-model request', () => {
    const r = next(cloudWizard, { step: 4 }, updateCloudValues(CLOUD_INITIAL, 'task', 'texts'));
    expect(r).toMatchObject({ kind: 'done', input: { workload: { name: 'Write short texts (product descriptions)', inputTokensPerRequest: 200, outputTokensPerRequest: 250, options: { api: { id: 'gpt-4o-mini' } } } } });
  });

  it('carries a budget that names its currency into a new project as the same money; a bare amount stays as typed', () => {
    const eur = { currency: 'EUR', usdRate: '0.92' };
    const named: CloudValues = { ...CLOUD_INITIAL, monthlyBudget: '$300' };
    const carried = repriceTexts(named, cloudPriceFields(named), eur);
    // $300 x 0.92 = €276, then read in euros: the plan saves 27,600 euro cents.
    expect(carried.monthlyBudget).toBe('276');
    expect(buildWorkload(carried).monthlyBudget).toEqual({ cents: 27_600, currency: 'EUR' });
    const bare: CloudValues = { ...CLOUD_INITIAL, monthlyBudget: '300' };
    expect(repriceTexts(bare, cloudPriceFields(bare), eur).monthlyBudget).toBe('300');
    expect(buildWorkload(repriceTexts(bare, cloudPriceFields(bare), eur)).monthlyBudget).toEqual({ cents: 30_000, currency: 'EUR' });
  });
});
