import { describe, expect, it } from 'vitest';
import type { CheckTask, Finding } from '../../../../shared/contract/checks';
import { checkTitle, findingColumns, groupFindings, phaseLabel, progressView } from './checks.selectors';

const task: CheckTask = {
  taskId: 't1',
  projectId: 'p1',
  state: 'running',
  phase: 'reading',
  file: '/data/train.csv',
  rows: 0,
  bytes: 0,
  totalBytes: null,
  runId: null,
  error: null,
  startedAt: '2026-11-30T00:00:00.000Z',
  finishedAt: null,
};

const finding = (id: Finding['id'], severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  id,
  severity,
  details: {},
  message: `${id} message`,
  advice: `${id} advice`,
  ...extra,
});

describe('check selectors', () => {
  it('shows percent, rows and bytes while a file of known size is read', () => {
    expect(progressView({ ...task, rows: 120_000, bytes: 12 * 1024 * 1024, totalBytes: 48 * 1024 * 1024 })).toEqual({
      percent: 25,
      phase: 'Reading the file',
      detail: '120,000 rows · 12 MB of 48 MB',
    });
  });

  it('has no percent in phases without a measurable end', () => {
    expect(progressView({ ...task, phase: 'checking', rows: 5000, bytes: 0, totalBytes: 0 })).toEqual({ percent: null, phase: 'Running the checks', detail: '5,000 rows' });
    expect(progressView({ ...task, phase: 'checking', rows: 1, bytes: 0, totalBytes: 0 }).detail).toBe('1 row');
    expect(phaseLabel('reading-reference')).toBe('Reading the reference file');
    expect(phaseLabel('some-new_phase')).toBe('some new phase');
  });

  it('groups findings by severity, errors first, keeping their order', () => {
    const groups = groupFindings([finding('pii', 'warning'), finding('train_test_overlap', 'error'), finding('skewed', 'info'), finding('drift', 'warning')]);
    expect(groups.map((g) => [g.severity, g.findings.map((f) => f.id)])).toEqual([
      ['error', ['train_test_overlap']],
      ['warning', ['pii', 'drift']],
      ['info', ['skewed']],
    ]);
    expect(groupFindings([])).toEqual([]);
  });

  it('lists the columns a finding links to, once each', () => {
    expect(findingColumns({ column: 'a', columns: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(findingColumns({})).toEqual([]);
    expect(checkTitle('train_test_overlap')).toBe('Train test overlap');
    expect(checkTitle('pii')).toBe('Personal data (PII)');
  });
});
