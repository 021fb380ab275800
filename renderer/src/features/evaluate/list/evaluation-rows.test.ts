import { describe, expect, it } from 'vitest';
import type { EvaluationSummary } from '../../../../../shared/contract/evaluations';
import { evaluationRow } from './evaluation-rows';

const SUMMARY: EvaluationSummary = {
  id: 'e1',
  projectId: 'p1',
  name: 'churn v3',
  path: '/d/p.csv',
  fileName: 'p.csv',
  sizeBytes: 10,
  hash: 'sha256:0',
  datasetId: null,
  runId: 'r1',
  inferenceCostPer1000Micros: null,
  task: 'binary',
  rows: 12000,
  headline: { accuracy: 0.9, f1: 0.9548, rocAuc: 0.99, averagePrecision: 0.98 },
  headlineCi: { f1: { low: 0.937, high: 0.9699, method: 'bootstrap' } },
  gateStatus: 'failed',
  durationMs: 10,
  createdAt: '2026-11-30T10:00:00.000Z',
};

describe('a row of the evaluations list', () => {
  it('shows the headline metric in plain words with its interval, the gate and the run with its cost', () => {
    expect(evaluationRow(SUMMARY, { id: 'r1', name: 'lr-0.01', costCents: 12345, currency: 'EUR' })).toEqual({
      id: 'e1',
      name: 'churn v3',
      task: 'Yes / no',
      metric: 'Balance of flags and finds',
      value: '0.95',
      interval: '0.94–0.97',
      gate: { text: 'Gate failed', tone: 'error' },
      run: 'lr-0.01 · €123.45',
      rows: '12,000',
      created: '2026-11-30',
    });
  });
  it('says when the run is unknown or its cost is', () => {
    expect(evaluationRow(SUMMARY, null).run).toBe('a run not found in this project');
    expect(evaluationRow(SUMMARY, { id: 'r1', name: '', costCents: null, currency: 'USD' }).run).toBe('r1 · cost unknown');
    expect(evaluationRow({ ...SUMMARY, runId: null, task: 'regression', headline: { mae: 3.21 }, headlineCi: {} }, null)).toMatchObject({ run: null, metric: 'Typical miss', value: '3.21', interval: null });
  });
});
