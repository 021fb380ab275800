import { describe, expect, it } from 'vitest';
import { plainSentence } from './plain-text';

describe('backend sentences in plain words', () => {
  it('says shift instead of PSI, ranking quality instead of AUC, confidence error instead of ECE', () => {
    expect(plainSentence('age shifted: PSI 0.31, a major change from the reference.')).toBe('age shifted: a shift of 0.31, a major change from the reference.');
    expect(plainSentence('the latest batch differs from the reference in age (PSI 0.4), income (PSI 0.12)')).toBe('the latest batch differs from the reference in age (a shift of 0.4), income (a shift of 0.12)');
    expect(plainSentence('"b" has the best ROC AUC (0.93).')).toBe('"b" has the best ranking quality (0.93).');
    expect(plainSentence('calibration error (ECE) rose from 0.02 to 0.09')).toBe('confidence error rose from 0.02 to 0.09');
    expect(plainSentence('F1 dropped from 0.95 to 0.83.')).toBe('F1 dropped from 0.95 to 0.83.');
  });
});
