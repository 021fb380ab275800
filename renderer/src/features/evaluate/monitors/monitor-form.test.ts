import { describe, expect, it } from 'vitest';
import { emptyMonitorForm, toMonitorInput } from './monitor-form';

describe('new monitor form', () => {
  it('needs a name and a reference, with the contract\'s words', () => {
    expect(toMonitorInput(emptyMonitorForm(), 'p1')).toEqual({
      ok: false,
      errors: { reference: 'Choose the evaluation whose data the batches are compared with', name: 'Give the monitor a name' },
    });
    expect(toMonitorInput({ ...emptyMonitorForm(), name: 'Churn', referenceKind: 'dataset' }, 'p1')).toEqual({ ok: false, errors: { reference: 'Choose the data file the batches are compared with' } });
  });
  it('builds the request, with the folder only when given', () => {
    expect(toMonitorInput({ ...emptyMonitorForm('e1'), name: ' Churn in production ', folder: '  ' }, 'p1')).toEqual({
      ok: true,
      input: { projectId: 'p1', name: ' Churn in production ', reference: { kind: 'evaluation', evaluationId: 'e1' } },
    });
    expect(toMonitorInput({ ...emptyMonitorForm(), name: 'M', referenceKind: 'dataset', datasetId: 'd1', folder: '/in' }, 'p1')).toEqual({
      ok: true,
      input: { projectId: 'p1', name: 'M', reference: { kind: 'dataset', datasetId: 'd1' }, folder: '/in' },
    });
  });
});
