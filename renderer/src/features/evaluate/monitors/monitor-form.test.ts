import { describe, expect, it } from 'vitest';
import type { MonitorSliceChoices } from '../../../../../shared/contract/monitors';
import { chooseEvaluation, chosenReference, chosenSlices, emptyMonitorForm, errorsAfterEdit, shownSliceColumns, SLICE_COLUMNS_SHOWN, toggleMonitorSlice, toMonitorInput } from './monitor-form';

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

  it('ticks the evaluation\'s slice columns until the user changes them; only then does the request name its own', () => {
    const order = ['age', 'income', 'region', 'plan'];
    const form = { ...emptyMonitorForm('e1'), name: 'Churn' };
    expect(chosenSlices(form, ['age'])).toEqual(['age']);
    expect(toMonitorInput(form, 'p1')).toEqual({ ok: true, input: { projectId: 'p1', name: 'Churn', reference: { kind: 'evaluation', evaluationId: 'e1' } } });
    const withRegion = toggleMonitorSlice(form, ['age'], 'region', order);
    expect(withRegion.slices).toEqual(['age', 'region']);
    const plan = toggleMonitorSlice(withRegion, ['age'], 'plan', order);
    // Listed in the picker's order, whatever the order they were ticked in.
    expect(toggleMonitorSlice(toggleMonitorSlice(plan, ['age'], 'age', order), ['age'], 'age', order).slices).toEqual(['age', 'region', 'plan']);
    const none = toggleMonitorSlice(withRegion, ['age'], 'age', order);
    expect(toggleMonitorSlice(none, ['age'], 'region', order).slices).toEqual([]);
    expect(toMonitorInput(toggleMonitorSlice(none, ['age'], 'region', order), 'p1')).toEqual({ ok: true, input: { projectId: 'p1', name: 'Churn', reference: { kind: 'evaluation', evaluationId: 'e1' }, slices: [] } });
    expect(toMonitorInput(withRegion, 'p1')).toMatchObject({ ok: true, input: { slices: ['age', 'region'] } });
    // Another evaluation: its own columns are ticked again.
    expect(chooseEvaluation(withRegion, 'e2')).toMatchObject({ evaluationId: 'e2', slices: null });
    // A data file has no groups to follow: the request never names any.
    expect(toMonitorInput({ ...withRegion, referenceKind: 'dataset', datasetId: 'd1' }, 'p1')).toEqual({ ok: true, input: { projectId: 'p1', name: 'Churn', reference: { kind: 'dataset', datasetId: 'd1' } } });
  });

  it('the reference picked so far', () => {
    expect(chosenReference(emptyMonitorForm())).toBeNull();
    expect(chosenReference(emptyMonitorForm('e1'))).toEqual({ kind: 'evaluation', evaluationId: 'e1' });
    expect(chosenReference({ ...emptyMonitorForm('e1'), referenceKind: 'dataset' })).toBeNull();
    expect(chosenReference({ ...emptyMonitorForm('e1'), referenceKind: 'dataset', datasetId: 'd1' })).toEqual({ kind: 'dataset', datasetId: 'd1' });
  });

  it('lists every column of a narrow file; of a wide one the suggested and ticked ones until "show all"', () => {
    const narrow: MonitorSliceChoices = { columns: [{ name: 'age', suggested: null }, { name: 'region', suggested: '4 values' }], followed: [], note: null };
    expect(shownSliceColumns(narrow, [], false)).toEqual({ columns: narrow.columns, more: 0 });
    const columns = Array.from({ length: SLICE_COLUMNS_SHOWN + 8 }, (_, i) => ({ name: `c${i}`, suggested: i === 3 ? 'a group-like name' : null }));
    const wide: MonitorSliceChoices = { columns, followed: ['c5'], note: null };
    expect(shownSliceColumns(wide, ['c5'], false)).toEqual({ columns: [columns[3], columns[5]], more: SLICE_COLUMNS_SHOWN + 6 });
    expect(shownSliceColumns(wide, ['c5'], true)).toEqual({ columns, more: 0 });
  });

  it('drops the message of the field the user edits, and only that one', () => {
    const errors = { name: 'Give the monitor a name', reference: 'Choose the evaluation whose data the batches are compared with' };
    const form = emptyMonitorForm();
    expect(errorsAfterEdit(errors, form, { ...form, name: 'C' })).toEqual({ reference: errors.reference });
    expect(errorsAfterEdit(errors, form, chooseEvaluation(form, 'e1'))).toEqual({ name: errors.name });
    expect(errorsAfterEdit(errors, form, form)).toEqual(errors);
  });
});
