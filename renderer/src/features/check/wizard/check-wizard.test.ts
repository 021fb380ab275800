import { describe, expect, it } from 'vitest';
import {
  isResumable,
  addShareRow,
  applyGuesses,
  availableColumns,
  back,
  checkedAndReference,
  chooseFiles,
  initialWizard,
  next,
  setRole,
  setUsePopulation,
  toCheckRequest,
  updateShareRow,
  type WizardDataset,
  type WizardState,
} from './check-wizard';

const datasets: WizardDataset[] = [
  { id: 'train', name: 'train.csv', columns: ['customer_id', 'signup', 'region', 'email', 'churned'], role: 'training' },
  { id: 'test', name: 'test.csv', columns: ['customer_id', 'signup', 'region', 'churned'], role: 'test' },
  { id: 'prod', name: 'prod.csv', columns: ['customer_id', 'region'] },
];

describe('data-quality wizard steps', () => {
  it('will not leave the first step without a file, and says so', () => {
    const r = next(initialWizard, datasets);
    expect(r.state.step).toBe('files');
    expect(r.errors).toEqual({ files: 'Choose the file to check' });
  });

  it('walks files -> roles -> columns -> population -> review and back', () => {
    let s: WizardState = chooseFiles(initialWizard, ['train', 'test'], datasets);
    const steps: string[] = [s.step];
    for (let i = 0; i < 5; i++) {
      const r = next(s, datasets);
      expect(r.errors).toEqual({});
      s = r.state;
      steps.push(s.step);
    }
    expect(steps).toEqual(['files', 'roles', 'columns', 'population', 'review', 'review']);
    expect(back(back(s)).step).toBe('columns');
    expect(back({ ...s, step: 'files' }).step).toBe('files');
  });

  it('takes roles from registration, else training then test', () => {
    expect(chooseFiles(initialWizard, ['train', 'test'], datasets).files).toEqual([
      { datasetId: 'train', role: 'training' },
      { datasetId: 'test', role: 'test' },
    ]);
    expect(chooseFiles(initialWizard, ['prod'], datasets).files).toEqual([{ datasetId: 'prod', role: 'training' }]);
  });

  it('checks the later file in a model life against the earlier one', () => {
    expect(checkedAndReference([{ datasetId: 'a', role: 'test' }, { datasetId: 'b', role: 'training' }])).toEqual({
      checked: { datasetId: 'a', role: 'test' },
      reference: { datasetId: 'b', role: 'training' },
    });
    expect(checkedAndReference([{ datasetId: 'p', role: 'production' }, { datasetId: 't', role: 'test' }])?.reference?.datasetId).toBe('t');
    expect(checkedAndReference([])).toBeNull();
  });

  it('refuses two files with the same role', () => {
    const s = setRole({ ...chooseFiles(initialWizard, ['train', 'test'], datasets), step: 'roles' }, 1, 'training');
    expect(next(s, datasets).errors).toEqual({
      'files.1.role': 'The two files need different roles, so Tally knows which one to check against the other',
    });
  });

  it('offers only the columns both files share, and rejects others', () => {
    const s = { ...chooseFiles(initialWizard, ['train', 'test'], datasets), step: 'columns' as const };
    expect(availableColumns(s, datasets)).toEqual(['customer_id', 'signup', 'region', 'churned']);
    expect(next({ ...s, target: 'email' }, datasets).errors).toEqual({ target: '"email" is not in both files' });
    expect(next({ ...s, target: 'churned', id: 'churned' }, datasets).errors).toEqual({ id: 'The id column cannot also be the target' });
  });

  it('fills guesses without overwriting a choice', () => {
    const s = applyGuesses({ ...initialWizard, target: 'label' }, { target: 'churned', id: 'customer_id', time: null });
    expect([s.target, s.id, s.time]).toEqual(['label', 'customer_id', '']);
  });

  it('validates population shares on their step and builds the request', () => {
    let s: WizardState = { ...chooseFiles(initialWizard, ['train', 'test'], datasets), step: 'population', target: 'churned', id: 'customer_id' };
    s = setUsePopulation(s, true);
    s = updateShareRow(s, 0, { column: 'region', group: 'north', share: '0.4' });
    s = addShareRow(s);
    s = updateShareRow(s, 1, { group: 'south', share: '0.5' });
    expect(next(s, datasets).errors).toEqual({ 'population.column.region': 'The shares for region add up to 90%; they must add up to 100%' });
    s = updateShareRow(s, 1, { share: '0.6' });
    const r = next(s, datasets);
    expect(r.state.step).toBe('review');
    expect(toCheckRequest(r.state)).toEqual({
      datasetId: 'test',
      referenceDatasetId: 'train',
      target: 'churned',
      id: 'customer_id',
      population: { region: { north: 0.4, south: 0.6 } },
      roles: { checked: 'test', reference: 'training' },
    });
  });

  it('sends no population when the editor is switched off', () => {
    let s = setUsePopulation({ ...chooseFiles(initialWizard, ['prod'], datasets), step: 'population' }, true);
    s = setUsePopulation(s, false);
    expect(next(s, datasets).errors).toEqual({});
    expect(toCheckRequest(s)).toEqual({ datasetId: 'prod', roles: { checked: 'training' } });
  });
});

describe('the request against the contract', () => {
  it('passes a valid request and reports the schema messages of a bad one', async () => {
    const { CheckStartInput } = await import('../../../../../shared/contract/checks');
    const { contractErrors } = await import('./check-wizard');
    expect(contractErrors({ datasetId: 'test', referenceDatasetId: 'train', target: 'churned', roles: { checked: 'test' } }, 'p1', CheckStartInput)).toEqual({});
    expect(contractErrors({ datasetId: 'test', target: 'x'.repeat(501), roles: { checked: 'test' } }, 'p1', CheckStartInput)).toEqual({
      target: 'That column name is too long',
    });
    expect(contractErrors({ datasetId: 'a', referenceDatasetId: 'a', roles: { checked: 'test' } }, 'p1', CheckStartInput)).toEqual({
      referenceDatasetId: 'Choose a different file to compare with',
    });
  });
});

describe('resuming a kept draft', () => {
  it('resumes known steps and roles only', () => {
    expect(isResumable({ ...initialWizard, step: 'columns', files: [{ datasetId: 'd1', role: 'training' }, { datasetId: 'd2', role: 'test' }] })).toBe(true);
    expect(isResumable({ ...initialWizard, step: 'summary' as never })).toBe(false);
    expect(isResumable({ ...initialWizard, files: [{ datasetId: 'd1', role: 'toString' as never }] })).toBe(false);
    expect(isResumable({ ...initialWizard, files: [{ datasetId: 'a', role: 'test' }, { datasetId: 'b', role: 'test' }, { datasetId: 'c', role: 'test' }] })).toBe(false);
  });
});
