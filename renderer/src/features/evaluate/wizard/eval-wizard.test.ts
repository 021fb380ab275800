import { describe, expect, it } from 'vitest';
import type { RoleGuesses } from '../../../../../shared/contract/evaluations';
import { formatMicros, microsToInput, parseMoney } from '../money-input';
import { back, chooseFile, contractErrors, initialWizard, isResumable, next, reasonFor, setRole, sliceCandidates, toggleSlice, toStartInput, withGuesses, type EvalWizardState } from './eval-wizard';

const GUESSES: RoleGuesses = {
  file: '/data/churn-preds.csv',
  format: 'csv',
  columns: ['id', 'label', 'score', 'region', 'age', 'in_train'],
  sampledRows: 200,
  label: [{ column: 'label', reason: 'named "label", a usual name for the true label' }],
  score: [{ column: 'score', reason: 'named "score", with values between 0 and 1' }],
  probabilityPrefix: [],
  prediction: [],
  weight: [],
  slices: [
    { column: 'region', reason: '4 different values in the first 200 rows' },
    { column: 'age', reason: 'a numeric column with a group-like name (binned into ranges)' },
  ],
  time: [],
  trainFlag: [{ column: 'in_train', reason: 'named "in_train", with yes/no values: marks the training rows' }],
  task: { value: 'binary', reason: 'one score column means a binary classifier' },
  positiveLabel: { value: '1', labels: ['0', '1'], reason: '1 is the usual positive label' },
  roles: { label: 'label', score: 'score', slices: ['region', 'age'], trainFlag: 'in_train' },
};

function atRoles(): EvalWizardState {
  return withGuesses(chooseFile(initialWizard, GUESSES.file), GUESSES);
}

describe('evaluation wizard', () => {
  it('the file step needs a file, then asks for the guesses before moving on', () => {
    expect(next(initialWizard)).toMatchObject({ errors: { path: 'Choose the predictions file' }, needGuesses: false });
    const chosen = chooseFile(initialWizard, '/data/churn-preds.csv');
    expect(next(chosen)).toMatchObject({ errors: {}, needGuesses: true, state: { step: 'file' } });
  });

  it('the guesses fill every role, the task, the positive label and a name', () => {
    const s = atRoles();
    expect(s.step).toBe('roles');
    expect(s.roles).toEqual({ label: 'label', output: 'score', score: 'score', probabilityPrefix: '', prediction: '', weight: '', slices: ['region', 'age'], time: '', trainFlag: 'in_train' });
    expect(s).toMatchObject({ task: 'binary', positiveLabel: '1', name: 'churn-preds' });
    expect(reasonFor(s.guesses, 'trainFlag', 'in_train')).toBe('named "in_train", with yes/no values: marks the training rows');
    expect(reasonFor(s.guesses, 'label', 'score')).toBeNull();
  });

  it('going back to the same file keeps the guesses; another file forgets them', () => {
    const s = back(atRoles());
    expect(next(s)).toMatchObject({ needGuesses: false, state: { step: 'roles' } });
    expect(chooseFile(s, '/data/other.csv')).toMatchObject({ guesses: null, roles: { label: '' } });
  });

  it('roles: the output must be chosen, exist, and not be the true answer', () => {
    let s = setRole(atRoles(), 'score', '');
    expect(next(s).errors).toEqual({ score: 'Choose the column with the model output' });
    s = setRole(s, 'score', 'label');
    expect(next(s).errors).toEqual({ score: 'The model output cannot be the true-answer column' });
    s = setRole(s, 'score', 'nope');
    expect(next(s).errors).toEqual({ score: 'The file has no column "nope"' });
    s = setRole(setRole(s, 'output', 'probabilities'), 'probabilityPrefix', 'p_');
    expect(next(s).errors).toEqual({ probabilityPrefix: 'Fewer than two columns start with "p_"' });
  });

  it('offers as slices the columns that play no other part', () => {
    expect(sliceCandidates(atRoles())).toEqual(['id', 'region', 'age']);
    expect(sliceCandidates(setRole(atRoles(), 'trainFlag', ''))).toEqual(['id', 'region', 'age', 'in_train']);
  });

  it('roles: a slice cannot be the label; toggling a slice adds and removes it', () => {
    const s = toggleSlice(atRoles(), 'label');
    expect(next(s).errors).toEqual({ slices: 'The true-answer column cannot be a slice' });
    expect(toggleSlice(s, 'label').roles.slices).toEqual(['region', 'age']);
    expect(next(atRoles())).toMatchObject({ errors: {}, state: { step: 'options' } });
  });

  it('options: both costs or neither, amounts as money, gates with the parser\'s message', () => {
    const s: EvalWizardState = { ...atRoles(), step: 'options' };
    expect(next({ ...s, costFalsePositive: '5' }).errors).toEqual({ costFalseNegative: 'Give both costs, or neither' });
    expect(next({ ...s, costFalsePositive: '5', costFalseNegative: 'lots' }).errors).toEqual({ costFalseNegative: '"lots" is not an amount; write it like 12.50' });
    expect(next({ ...s, threshold: 'half' }).errors).toEqual({ threshold: 'The threshold must be a number, such as 0.5' });
    const gate = next({ ...s, gates: 'f1>=0.8\nf1>>0.9' }).errors;
    expect(Object.keys(gate)).toEqual(['gates.1']);
    expect(gate['gates.1']).toMatch(/^Gate "f1>>0.9": .* at position \d+\.$/);
    expect(next({ ...s, costFalsePositive: '5', costFalseNegative: '1,250.50', gates: 'f1>=0.8' }).errors).toEqual({});
  });

  it('builds the request the backend takes, leaving empty choices out', () => {
    const s: EvalWizardState = { ...atRoles(), step: 'options', costFalsePositive: '5', costFalseNegative: '50', gates: ' f1>=0.8 \n\n', threshold: '0.4', runId: 'r1' };
    const input = toStartInput(s, 'p1');
    expect(input).toEqual({
      projectId: 'p1',
      path: '/data/churn-preds.csv',
      name: 'churn-preds',
      roles: { label: 'label', score: 'score', slices: ['region', 'age'], trainFlag: 'in_train' },
      options: { task: 'binary', positiveLabel: '1', threshold: 0.4, costs: { falsePositiveMicros: 5_000_000, falseNegativeMicros: 50_000_000 }, gates: ['f1>=0.8'] },
      runId: 'r1',
    });
    expect(contractErrors(input)).toEqual({});
  });

  it('the contract\'s own messages reach the wizard\'s fields', () => {
    const input = toStartInput({ ...atRoles(), name: 'x'.repeat(201) }, 'p1');
    expect(contractErrors(input)).toEqual({ name: 'Keep the name under 200 characters' });
    const noOutput = toStartInput(setRole(atRoles(), 'score', ''), 'p1');
    expect(contractErrors(noOutput)).toEqual({ score: 'Choose the column with the model output: a score, probability columns or a prediction' });
  });
});

describe('money typed by the owner', () => {
  it('becomes integer millionths and back', () => {
    expect(parseMoney('1,250.50')).toEqual({ ok: true, micros: 1_250_500_000 });
    expect(parseMoney('0.0025')).toEqual({ ok: true, micros: 2500 });
    expect(parseMoney('-3')).toEqual({ ok: false, message: 'The amount cannot be negative' });
    expect(microsToInput(2_500_000)).toBe('2.5');
    expect(formatMicros(531_250_000, 'USD')).toBe('$531.25');
    expect(formatMicros(2500, 'EUR')).toBe('€0.0025');
  });
});

describe('resuming a kept draft', () => {
  it('resumes known steps with guesses of the contract shape only', () => {
    expect(isResumable({ ...initialWizard, step: 'roles', path: '/data/preds.csv' })).toBe(true);
    expect(isResumable({ ...withGuesses(chooseFile(initialWizard, GUESSES.file), GUESSES), step: 'options' })).toBe(true);
    expect(isResumable({ ...initialWizard, step: 'done' as never })).toBe(false);
    expect(isResumable({ ...initialWizard, guesses: { columns: 'y' } as never })).toBe(false);
  });
});
