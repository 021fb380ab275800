import { describe, expect, it } from 'vitest';
import type { Finding } from './finding';
import { countBySeverity, isFailOn, rankFindings, reachesFailOn, summarise, summaryWithoutList, verdictOf } from './verdict';

const finding = (id: Finding['id'], severity: Finding['severity'], message: string, share?: number): Finding => ({
  id,
  severity,
  details: {},
  message,
  advice: 'do something',
  ...(share !== undefined ? { share } : {}),
});

describe('verdict and summary', () => {
  it('fail on any error, warn on any warning, pass otherwise', () => {
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([finding('skewed', 'info', 'x')])).toBe('pass');
    expect(verdictOf([finding('skewed', 'info', 'x'), finding('outliers', 'warning', 'y')])).toBe('warn');
    expect(verdictOf([finding('outliers', 'warning', 'y'), finding('pii', 'error', 'z')])).toBe('fail');
  });

  it('tells the leakage first, then counts the rest', () => {
    const findings = [
      finding('missing_values', 'error', 'Most of "x" is empty.'),
      finding('train_test_overlap', 'error', '12% of test rows also appear in training, so the test score will look better than reality.'),
      finding('outliers', 'warning', 'Some outliers.'),
      finding('skewed', 'info', 'Lopsided.'),
    ];
    expect(rankFindings(findings).map((f) => f.id)).toEqual(['train_test_overlap', 'missing_values', 'outliers', 'skewed']);
    expect(summarise(rankFindings(findings), 'fail', 1000, 5)).toBe(
      'Fix before training: 12% of test rows also appear in training, so the test score will look better than reality. Most of "x" is empty. 1 more issue is listed below.',
    );
  });

  it('pass mentions minor notes without alarming', () => {
    expect(summarise([finding('skewed', 'info', 'Lopsided.')], 'pass', 1234, 3)).toBe(
      'Ready to use: no problems found in 1,234 rows and 3 columns. 1 minor note is listed for reference.',
    );
  });

  it('warn leads with "review first"', () => {
    expect(summarise([finding('outliers', 'warning', 'Some outliers.')], 'warn', 10, 1)).toBe('Usable, but review first: Some outliers.');
  });
});

describe('summary where the findings are not listed', () => {
  it('sends the reader to the full report instead of "below"', () => {
    const many = ['missing_values', 'outliers', 'skewed', 'mixed_types', 'pii'].map((id) => finding(id as Finding['id'], 'warning', `About ${id}.`));
    const text = summarise(rankFindings(many), 'warn', 10, 5);
    expect(text).toMatch(/ 3 more issues are listed below\.$/);
    expect(summaryWithoutList(text)).toBe('Usable, but review first: About pii. About missing_values. 3 more issues are in the full report.');
    const notes = summarise([finding('skewed', 'info', 'x')], 'pass', 5, 2);
    expect(summaryWithoutList(notes)).toBe('Ready to use: no problems found in 5 rows and 2 columns. 1 minor note is in the full report.');
  });

  it('leaves a paragraph that spelled everything out as it is', () => {
    const text = summarise([finding('outliers', 'warning', 'Some outliers listed below.')], 'warn', 10, 1);
    expect(summaryWithoutList(text)).toBe(text);
  });
});

describe('--fail-on gate', () => {
  const warning = [finding('outliers', 'warning', 'y')];
  it('fails on warnings only when asked, never on "never"', () => {
    expect(reachesFailOn(warning, 'error')).toBe(false);
    expect(reachesFailOn(warning, 'warning')).toBe(true);
    expect(reachesFailOn([finding('pii', 'error', 'z')], 'never')).toBe(false);
    expect(reachesFailOn([finding('pii', 'error', 'z')], 'warning')).toBe(true);
    expect(reachesFailOn([finding('skewed', 'info', 'x')], 'warning')).toBe(false);
  });

  it('takes exactly the three levels the --fail-on flag names', () => {
    expect(['error', 'warning', 'never'].every(isFailOn)).toBe(true);
    expect(['info', 'Error', '', 'constructor'].some(isFailOn)).toBe(false);
  });

  it('counts findings by severity, zero for a severity none has', () => {
    expect(countBySeverity([finding('pii', 'error', 'a'), finding('skewed', 'info', 'b'), finding('constant_column', 'info', 'c')])).toEqual({ error: 1, warning: 0, info: 2 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('counts one row or one column in the singular', () => {
    expect(summarise([], 'pass', 1, 1)).toBe('Ready to use: no problems found in 1 row and 1 column.');
  });
});
