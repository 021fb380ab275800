import type { ProcedureName } from '../../shared/contract';

/**
 * One valid and one (or more) invalid input per procedure. Typed over ProcedureName so adding a
 * procedure without fixtures fails the typecheck. Valid inputs may reference ids that do not
 * exist: the contract test checks parsing, the integration tests check behaviour.
 */
export const fixtures: Record<ProcedureName, { valid: unknown[]; invalid: unknown[] }> = {
  'system.info': { valid: [{}], invalid: [{ extra: 1 }, 'text'] },
  'system.health': { valid: [{}], invalid: [{ extra: 1 }] },
  'system.checkDatabase': { valid: [{}, { full: true }], invalid: [{ full: 'yes' }, { extra: 1 }] },
  'system.backupNow': { valid: [{}], invalid: [{ extra: 1 }] },
  'system.restoreBackup': { valid: [{ name: 'tally.db.v3.bak' }], invalid: [{}, { name: '' }, { name: 1 }] },
  'projects.list': { valid: [{}, { search: 'gpu', includeArchived: true }], invalid: [{ search: 5 }, { search: 'x'.repeat(201) }] },
  'projects.get': { valid: [{ id: 'p1' }], invalid: [{}, { id: '' }] },
  'projects.create': {
    valid: [
      { name: 'Pilot' },
      { name: 'Full', notes: 'n', currency: 'EUR', budgetCents: 100000, monthlyCapCents: 5000, startDate: '2026-01-01', endDate: '2026-12-31' },
    ],
    invalid: [
      {},
      { name: '' },
      { name: 'A', budgetCents: 10.5 },
      { name: 'A', budgetCents: -1 },
      { name: 'A', currency: 'usd' },
      { name: 'A', startDate: '2026-02-30' },
      { name: 'A', startDate: '2026-05-01', endDate: '2026-04-01' },
      { name: 'A', budgetCents: 100, monthlyCapCents: 200 },
      { name: 'A', unknownField: true },
    ],
  },
  'projects.update': {
    valid: [{ id: 'p1', patch: { name: 'Renamed' } }, { id: 'p1', patch: { budgetCents: null, archived: false } }],
    invalid: [{ id: 'p1' }, { id: 'p1', patch: { name: '   ' } }, { id: 'p1', patch: { budgetCents: 1.5 } }, { id: 'p1', patch: { id: 'other' } }],
  },
  'projects.archive': { valid: [{ id: 'p1' }, { id: 'p1', archived: false }], invalid: [{ id: 'p1', archived: 'yes' }] },
  'projects.delete': { valid: [{ id: 'p1' }], invalid: [{}, { id: 7 }] },
  'files.browse': { valid: [{}, { dir: '/home/user/data', showHidden: true }], invalid: [{ dir: '' }, { dir: 5 }, { path: '/x' }] },
  'datasets.register': {
    valid: [{ projectId: 'p1', path: '/data/train.csv' }, { projectId: 'p1', path: '/data/test.parquet', role: 'test' }],
    invalid: [{ projectId: 'p1' }, { projectId: 'p1', path: '   ' }, { projectId: 'p1', path: '/x.csv', role: 'holdout' }, { path: '/x.csv' }],
  },
  'datasets.list': { valid: [{ projectId: 'p1' }], invalid: [{}, { projectId: '' }] },
  'datasets.get': { valid: [{ id: 'd1' }], invalid: [{}, { id: 3 }] },
  'datasets.relink': { valid: [{ id: 'd1', path: '/moved/train.csv' }], invalid: [{ id: 'd1' }, { id: 'd1', path: '' }] },
  'datasets.remove': { valid: [{ id: 'd1' }], invalid: [{}, { id: '' }] },
  'datasets.guessColumns': { valid: [{ datasetId: 'd1' }], invalid: [{}, { id: 'd1' }] },
  'checks.start': {
    valid: [
      { projectId: 'p1', datasetId: 'd1' },
      {
        projectId: 'p1',
        datasetId: 'd2',
        referenceDatasetId: 'd1',
        target: 'label',
        id: 'customer_id',
        time: 'signup',
        population: { region: { north: 0.4, south: 0.6 } },
        thresholds: { duplicateRowsErrorShare: 0.1 },
        failOn: 'warning',
      },
    ],
    invalid: [
      { projectId: 'p1' },
      { projectId: 'p1', datasetId: 'd1', referenceDatasetId: 'd1' },
      { projectId: 'p1', datasetId: 'd1', failOn: 'info' },
      { projectId: 'p1', datasetId: 'd1', thresholds: { noSuchThreshold: 1 } },
      { projectId: 'p1', datasetId: 'd1', population: { region: { north: 1.5 } } },
      { projectId: 'p1', datasetId: 'd1', target: '' },
    ],
  },
  'checks.cancel': { valid: [{ taskId: 't1' }], invalid: [{}, { taskId: '' }] },
  'checks.status': { valid: [{ taskId: 't1' }], invalid: [{}, { runId: 't1' }] },
  'checks.get': { valid: [{ runId: 'r1' }], invalid: [{}, { runId: 1 }] },
  'checks.list': { valid: [{ projectId: 'p1' }], invalid: [{}] },
  'checks.latest': { valid: [{ projectId: 'p1' }], invalid: [{ projectId: null }] },
  'checks.exportHtml': { valid: [{ runId: 'r1' }], invalid: [{}, { runId: '' }] },
  // Evaluate: predictions files, comparisons and monitors.
  'evaluations.guessRoles': { valid: [{ path: '/data/preds.csv' }], invalid: [{}, { path: '' }, { path: '/x', extra: 1 }] },
  'evaluations.start': {
    valid: [
      { projectId: 'p1', path: '/data/preds.csv', roles: { label: 'y', score: 'p' } },
      { projectId: 'p1', path: '/data/iris.parquet', name: 'Iris v2', roles: { label: 'species', probabilityPrefix: 'p_', slices: ['site'], weight: 'w', time: 'ts', trainFlag: 'in_train' } },
      {
        projectId: 'p1',
        path: '/data/preds.jsonl',
        roles: { label: 'y', score: 'p' },
        datasetId: 'd1',
        runId: 'r1',
        options: { task: 'binary', positiveLabel: 'churn', threshold: 0.3, costs: { falsePositiveMicros: 5_000_000, falseNegativeMicros: 50_000_000 }, gates: ['f1>=0.8'], referenceEvaluationId: 'e0', bootstrapSamples: 0, seed: 7, sliceMinRows: 50 },
      },
      { projectId: 'p1', path: '/data/house.csv', roles: { label: 'price', prediction: 'predicted_price' }, options: { task: 'regression' } },
    ],
    invalid: [
      {},
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y' } },
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y', score: 'p', probabilityPrefix: 'p_' } },
      { projectId: 'p1', path: '/x.csv', roles: { label: '', score: 'p' } },
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y', score: 'p' }, options: { task: 'ranking' } },
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y', score: 'p' }, options: { costs: { falsePositiveMicros: 1.5, falseNegativeMicros: 2 } } },
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y', score: 'p' }, options: { bootstrapSamples: -1 } },
      { projectId: 'p1', path: '/x.csv', roles: { label: 'y', score: 'p', colour: 'x' } },
    ],
  },
  'evaluations.cancel': { valid: [{ taskId: 't1' }], invalid: [{}, { taskId: '' }] },
  'evaluations.status': { valid: [{ taskId: 't1' }], invalid: [{}, { id: 't1' }] },
  'evaluations.get': { valid: [{ id: 'e1' }], invalid: [{}, { id: 1 }] },
  'evaluations.list': { valid: [{ projectId: 'p1' }], invalid: [{}, { projectId: '' }] },
  'evaluations.delete': { valid: [{ id: 'e1' }], invalid: [{}, { id: '' }] },
  'evaluations.rename': { valid: [{ id: 'e1', name: 'Churn v3' }], invalid: [{ id: 'e1' }, { id: 'e1', name: '   ' }] },
  'evaluations.link': {
    valid: [{ id: 'e1', runId: 'r1' }, { id: 'e1', datasetId: null, inferenceCostPer1000Micros: 40_000 }, { id: 'e1' }],
    invalid: [{}, { id: 'e1', inferenceCostPer1000Micros: -1 }, { id: 'e1', inferenceCostPer1000Micros: 0.5 }],
  },
  'evaluations.threshold': {
    valid: [{ id: 'e1', costs: { falsePositiveMicros: 5_000_000, falseNegativeMicros: 50_000_000 } }],
    invalid: [{ id: 'e1' }, { id: 'e1', costs: { falsePositiveMicros: -1, falseNegativeMicros: 1 } }, { id: 'e1', costs: { falsePositiveMicros: 1 } }],
  },
  'evaluations.exportHtml': { valid: [{ id: 'e1' }], invalid: [{}, { id: '' }] },
  'evaluations.compare': {
    valid: [{ ids: ['e1', 'e2'] }, { ids: ['e1', 'e2', 'e3'], metric: 'rocAuc', expectedPredictions: 5_000_000 }],
    invalid: [{ ids: ['e1'] }, { ids: Array.from({ length: 11 }, (_, i) => `e${i}`) }, { ids: ['e1', 'e2'], expectedPredictions: -5 }],
  },  'monitors.create': {
    valid: [
      { projectId: 'p1', name: 'Churn inputs', reference: { kind: 'dataset', datasetId: 'd1' } },
      { projectId: 'p1', name: 'Churn model', reference: { kind: 'evaluation', evaluationId: 'e1' }, folder: '/data/daily', thresholds: { psi: 0.2, driftShare: 0.3, metricDrop: 0.02 } },
      { projectId: 'p1', name: 'With roles', reference: { kind: 'dataset', datasetId: 'd1' }, roles: { label: 'y', score: 'p' } },
    ],
    invalid: [
      {},
      { projectId: 'p1', name: '', reference: { kind: 'dataset', datasetId: 'd1' } },
      { projectId: 'p1', name: 'M', reference: { kind: 'run', runId: 'r1' } },
      { projectId: 'p1', name: 'M', reference: { kind: 'dataset' } },
      { projectId: 'p1', name: 'M', reference: { kind: 'dataset', datasetId: 'd1' }, thresholds: { psi: -1 } },
      { projectId: 'p1', name: 'M', reference: { kind: 'dataset', datasetId: 'd1' }, thresholds: { drift: 0.1 } },
    ],
  },
  'monitors.list': { valid: [{ projectId: 'p1' }], invalid: [{}, { projectId: 3 }] },
  'monitors.get': { valid: [{ id: 'm1' }], invalid: [{}, { id: '' }] },
  'monitors.addBatch': { valid: [{ monitorId: 'm1', path: '/data/daily/2026-03-01.csv' }], invalid: [{ monitorId: 'm1' }, { monitorId: 'm1', path: '' }] },
  'monitors.rescan': { valid: [{ monitorId: 'm1' }], invalid: [{}, { monitorId: 'm1', folder: '/x' }] },
  'monitors.status': { valid: [{ taskId: 't1' }], invalid: [{}, { id: 't1' }] },
  'monitors.cancel': { valid: [{ taskId: 't1' }], invalid: [{}, { taskId: '' }] },
  'monitors.delete': { valid: [{ id: 'm1' }], invalid: [{}, { id: 5 }] },

  // Plan (issue 3): estimates, catalog, scenarios.
  'estimate.training': {
    valid: [
      { hardware: 'h100-sxm', params: 7e9, tokens: 1.4e12 },
      { hardware: 'a100-80gb', gpuHours: 1000, pricePerGpuHourUsd: 2, gridKgCo2PerKwh: 0.385, pue: 1.1, gpus: 8 },
      { hardware: 'h100-sxm', params: 7e9, tokens: 1e11, mfu: { p10: 0.3, p50: 0.4, p90: 0.45 }, precision: 'fp8', attention: { layers: 32, heads: 32, headDim: 128, seqLen: 4096 } },
    ],
    invalid: [
      {},
      { hardware: 'h100-sxm' },
      { hardware: 'h100-sxm', params: -7e9, tokens: 1e12 },
      { hardware: 'h100-sxm', params: 7e9 },
      { hardware: 'h100-sxm', params: 7e9, tokens: 1e12, gpuHours: 5 },
      { hardware: 'h100-sxm', gpuHours: 5, mfu: 1.5 },
      { hardware: 'h100-sxm', gpuHours: 5, precision: 'int4' },
      { hardware: 'h100-sxm', gpuHours: 5, gpus: 1.5 },
      { hardware: 'h100-sxm', gpuHours: 5, pue: 0.9 },
      { hardware: 'h100-sxm', gpuHours: 5, gridKgCo2PerKwh: { p10: -1, p50: 0.4, p90: 0.5 } },
    ],
  },
  'estimate.optimal': {
    valid: [{ flops: 5.76e23 }, { params: 7e9, fit: 'chinchilla-20x' }, { budgetUsd: 100000, hardware: 'h100-sxm' }],
    invalid: [{}, { flops: 1e23, params: 1e9 }, { budgetUsd: 1000 }, { flops: 1e23, fit: 'kaplan' }, { flops: -1 }],
  },
  'estimate.memory': {
    valid: [
      { params: 7e9, mode: 'inference', precision: 'int4', layers: 32, kvHeads: 8, headDim: 128, context: 8192, batch: 4 },
      { params: 7.5e9, mode: 'training', zero: 3, gpus: 64, layers: 32, hidden: 4096, heads: 32, seq: 2048, microBatch: 1, recompute: 'selective' },
    ],
    invalid: [{ params: 7e9 }, { params: 7e9, mode: 'serving' }, { params: 7e9, mode: 'training', precision: 'int4' }, { params: 7e9, mode: 'training', zero: 4 }, { params: Number.NaN, mode: 'inference' }],
  },
  'estimate.inference': {
    valid: [{ params: 7e9, hardware: 'a100-80gb' }, { params: 7e9, hardware: 'l4', precision: 'int8', batch: 8, serving: 'plain', layers: 32, kvHeads: 32, headDim: 128, pricePerHourUsd: 0.8 }],
    invalid: [{ hardware: 'a100-80gb' }, { params: 7e9, hardware: 'a100-80gb', serving: 'fast' }, { params: 7e9, hardware: 'a100-80gb', layers: 32 }, { params: 7e9, hardware: 'a100-80gb', batch: 0 }],
  },
  'estimate.compare': {
    valid: [
      { workload: { requestsPerDay: 1000, inputTokensPerRequest: 500, outputTokensPerRequest: 200, months: 12, dataSensitivity: 'internal', model: { params: 8e9 }, options: { api: { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 2500 } } } },
      { workload: { requestsPerDay: 5000, itemsPerRequest: 1, gflopsPerItem: 8, itemsPrecision: 'int8', months: 24, dataSensitivity: 'restricted', options: { owned: { hardwareId: 'jetson-orin-nano', purchaseUsd: 500 } } } },
    ],
    invalid: [
      {},
      { workload: { requestsPerDay: 1000, months: 12, dataSensitivity: 'internal', options: {} } },
      { workload: { requestsPerDay: -1, outputTokensPerRequest: 200, months: 12, dataSensitivity: 'internal', options: { api: { id: 'x' } } } },
      { workload: { requestsPerDay: 10, outputTokensPerRequest: 200, months: 12, dataSensitivity: 'secret', options: { api: { id: 'x' } } } },
      { workload: { requestsPerDay: 10, itemsPerRequest: 1, gflopsPerItem: 8, itemsPrecision: 'int4', months: 12, dataSensitivity: 'public', options: { owned: { hardwareId: 't4', purchaseUsd: 1 } } } },
    ],
  },
  'estimate.pilot': {
    valid: [{ pilot: { items: 10000, seconds: 60, hardware: 't4' }, fullItems: 1.2e7, target: { hardware: 'a100-80gb', devices: 4 }, bound: 'compute' }],
    invalid: [{ pilot: { items: 10000, seconds: 60, hardware: 't4' } }, { pilot: { items: 0, seconds: 60, hardware: 't4' }, fullItems: 10 }, { pilot: { items: 1, seconds: 1, hardware: 't4' }, fullItems: 10, bound: 'memory' }],
  },
  'catalog.list': { valid: [{}, { kind: 'hardware', search: 'nvidia', origin: 'added' }], invalid: [{ kind: 'gpu' }, { search: 3 }] },
  'catalog.get': { valid: [{ kind: 'hardware', id: 'h100-sxm' }], invalid: [{ id: 'h100-sxm' }, { kind: 'hardware', id: '' }] },
  'catalog.upsert': {
    valid: [{ kind: 'grid-intensity', row: { id: 'office', region: 'Our office', kgCo2PerKwh: 0.2, source: 'utility bill', asOf: '2026-10', confidence: 'verified' } }],
    invalid: [{ kind: 'grid-intensity' }, { kind: 'grid', row: {} }, { kind: 'hardware', row: [] }],
  },
  'catalog.reset': { valid: [{ kind: 'hardware', id: 'h100-sxm' }], invalid: [{ kind: 'hardware' }] },
  'catalog.delete': { valid: [{ kind: 'llm-api-price', id: 'mine' }], invalid: [{}, { kind: 'x', id: 'y' }] },
  'catalog.import': {
    valid: [{ format: 'csv', content: 'id,region\n' }, { format: 'json', content: '[]', kind: 'hardware' }],
    invalid: [{ format: 'xml', content: '' }, { format: 'csv' }],
  },
  'catalog.export': { valid: [{ format: 'json' }, { format: 'csv', kind: 'hardware', only: 'user' }], invalid: [{ format: 'csv' }, { format: 'json', only: 'mine' }] },
  'scenarios.list': { valid: [{ projectId: 'p1' }], invalid: [{}] },
  'scenarios.get': { valid: [{ id: 's1' }], invalid: [{ id: '' }] },
  'scenarios.create': {
    valid: [
      { projectId: 'p1', name: '7B on H100', kind: 'training', input: { hardware: 'h100-sxm', params: 7e9, tokens: 1.4e12 } },
      { projectId: 'p1', name: 'Fits?', notes: 'n', kind: 'memory', input: { params: 7e9, mode: 'inference' } },
    ],
    invalid: [
      { projectId: 'p1', name: 'x', kind: 'training', input: { hardware: 'h100-sxm' } },
      { projectId: 'p1', name: '', kind: 'memory', input: { params: 7e9, mode: 'inference' } },
      { projectId: 'p1', name: 'x', kind: 'budget', input: {} },
      { projectId: 'p1', name: 'x', kind: 'memory', input: { params: 7e9, mode: 'inference' }, result: { totalGb: 'big' } },
    ],
  },
  'scenarios.update': {
    valid: [{ id: 's1', patch: { name: 'Renamed', notes: '' } }, { id: 's1', patch: { estimate: { kind: 'optimal', input: { flops: 1e23 } } } }],
    invalid: [{ id: 's1' }, { id: 's1', patch: { name: ' ' } }, { id: 's1', patch: { kind: 'memory' } }],
  },
  'scenarios.duplicate': { valid: [{ id: 's1' }, { id: 's1', name: 'Copy' }], invalid: [{}, { id: 's1', name: '' }] },
  'scenarios.delete': { valid: [{ id: 's1' }], invalid: [{}] },
  'scenarios.setAsBudget': { valid: [{ id: 's1', level: 'p90' }, { id: 's1', level: 'p50', usdToProjectCurrency: 0.92 }], invalid: [{ id: 's1' }, { id: 's1', level: 'p75' }, { id: 's1', level: 'p50', usdToProjectCurrency: 0 }] },
};
