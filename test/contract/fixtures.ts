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
  'tracking.status': { valid: [{}], invalid: [{ port: 1 }] },
  'tracking.setEnabled': { valid: [{ enabled: true }, { enabled: true, port: 5000 }, { enabled: false }], invalid: [{}, { enabled: 'yes' }, { enabled: true, port: 70000 }, { enabled: true, port: 1.5 }] },
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
  // Track: experiments, runs, ledger, negotiated rates.
  'experiments.list': {
    valid: [{}, { projectId: 'p1', view: 'all', nameContains: 'bert', maxResults: 50, orderBy: [{ key: 'name' }] }, { filter: [{ kind: 'attribute', key: 'name', op: 'LIKE', value: 'exp%' }, { kind: 'tag', key: 'team', op: '=', value: 'nlp' }] }],
    invalid: [{ view: 'archived' }, { maxResults: 0 }, { filter: [{ kind: 'attribute', key: 'status', op: '=', value: 'x' }] }, { orderBy: [{ key: 'cost' }] }],
  },
  'experiments.get': { valid: [{ id: '12' }, { name: 'my-exp' }], invalid: [{}, { id: 'abc' }, { id: '1', name: 'x' }] },
  'experiments.create': {
    valid: [{ name: 'mnist' }, { projectId: 'p1', name: 'bert', artifactLocation: '/tmp/a', tags: { 'tally.project': 'NLP' }, scenarioId: 's1' }],
    invalid: [{}, { name: '   ' }, { name: 'x', tags: { a: 1 } }, { name: 'x', unknown: true }],
  },
  'experiments.update': { valid: [{ id: '1', patch: { name: 'renamed' } }, { id: '1', patch: { scenarioId: null } }], invalid: [{ id: '1' }, { id: '1', patch: { name: '' } }, { id: 'x', patch: {} }] },
  'experiments.delete': { valid: [{ id: '1' }], invalid: [{}, { id: 1 }] },
  'experiments.restore': { valid: [{ id: '1' }], invalid: [{ id: '-1' }] },
  'experiments.purge': { valid: [{ id: '1' }], invalid: [{ id: '' }] },
  'experiments.move': { valid: [{ id: '1', projectId: 'p2' }], invalid: [{ id: '1' }, { id: '1', projectId: '' }] },
  'experiments.setTag': { valid: [{ id: '1', key: 'tally.project', value: 'Vision' }], invalid: [{ id: '1', key: '', value: 'v' }, { id: '1', key: 'k' }] },
  'runs.list': {
    valid: [
      { projectId: 'p1' },
      {
        experimentIds: ['1', '2'],
        filter: [
          { kind: 'metric', key: 'loss', op: '<', value: 0.5 },
          { kind: 'param', key: 'lr', op: 'IN', value: ['0.1', '0.01'] },
          { kind: 'attribute', key: 'status', op: '=', value: 'FINISHED' },
          { kind: 'tag', key: 'mlflow.runName', op: 'ILIKE', value: '%bert%' },
        ],
        orderBy: [{ kind: 'metric', key: 'loss', ascending: true }, { kind: 'attribute', key: 'cost', ascending: false }],
        view: 'all',
        maxResults: 100,
        columns: { params: ['lr'], metrics: 'all', tags: [] },
      },
    ],
    invalid: [
      {},
      { projectId: 'p1', filter: [{ kind: 'metric', key: 'loss', op: '<', value: 'low' }] },
      { projectId: 'p1', filter: [{ kind: 'param', key: 'lr', op: 'IN', value: '0.1' }] },
      { projectId: 'p1', filter: [{ kind: 'attribute', key: 'colour', op: '=', value: 'red' }] },
      { projectId: 'p1', orderBy: [{ kind: 'attribute', key: 'colour' }] },
      { projectId: 'p1', maxResults: 100000 },
    ],
  },
  'runs.get': { valid: [{ id: '0123456789abcdef0123456789abcdef' }], invalid: [{ id: 'r1' }, { id: '0123456789ABCDEF0123456789ABCDEF' }] },
  'runs.create': {
    valid: [{ experimentId: '1' }, { experimentId: '1', id: '0123456789abcdef0123456789abcdef', name: 'r', startTime: 1767225600000, userId: 'ana', tags: [{ key: 'tally.hardware', value: 'h100-sxm' }] }, { experimentId: '1', startTime: '2026-11-30T09:00:00.000Z', status: 'SCHEDULED' }],
    invalid: [{}, { experimentId: '1', startTime: -5 }, { experimentId: '1', status: 'DONE' }, { experimentId: '1', tags: { a: 'b' } }],
  },
  'runs.update': { valid: [{ id: '0123456789abcdef0123456789abcdef', patch: { status: 'FINISHED', endTime: 1767229200000 } }, { id: '0123456789abcdef0123456789abcdef', patch: { name: 'renamed', endTime: null } }], invalid: [{ id: '0123456789abcdef0123456789abcdef' }, { id: '0123456789abcdef0123456789abcdef', patch: { status: 'OK' } }, { id: '0123456789abcdef0123456789abcdef', patch: { endTime: 1.5 } }] },
  'runs.delete': { valid: [{ id: '0123456789abcdef0123456789abcdef' }], invalid: [{}] },
  'runs.restore': { valid: [{ id: '0123456789abcdef0123456789abcdef' }], invalid: [{ id: 5 }] },
  'runs.purge': { valid: [{ ids: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'] }], invalid: [{ ids: [] }, { ids: ['x'] }] },
  'runs.logBatch': {
    valid: [
      { runId: '0123456789abcdef0123456789abcdef', metrics: [{ key: 'loss', value: 0.5, timestamp: 1767225600000, step: 1 }, { key: 'loss', value: 'NaN', timestamp: 1767225600001 }, { key: 'x', value: '-Infinity', timestamp: 0, step: -3 }], params: [{ key: 'lr', value: '0.1' }], tags: [{ key: 't', value: 'v' }] },
      { runId: '0123456789abcdef0123456789abcdef' },
    ],
    invalid: [{ runId: '0123456789abcdef0123456789abcdef', metrics: [{ key: 'loss', value: 'high', timestamp: 1 }] }, { runId: '0123456789abcdef0123456789abcdef', metrics: [{ key: 'loss', value: 1, timestamp: 1.5 }] }, { runId: '0123456789abcdef0123456789abcdef', params: [{ key: 'lr', value: 0.1 }] }, { metrics: [] }],
  },
  'runs.logInputs': { valid: [{ runId: '0123456789abcdef0123456789abcdef', datasets: [{ name: 'mnist', digest: 'abc', context: 'train', sourceType: 'local', source: '/data/mnist' }] }], invalid: [{ runId: '0123456789abcdef0123456789abcdef', datasets: [] }, { runId: '0123456789abcdef0123456789abcdef', datasets: [{ digest: 'x' }] }] },
  'runs.setTag': { valid: [{ runId: '0123456789abcdef0123456789abcdef', key: 'tally.devices', value: '8' }], invalid: [{ runId: '0123456789abcdef0123456789abcdef', key: 'k' }, { runId: '0123456789abcdef0123456789abcdef', key: 'k', value: 8 }] },
  'runs.deleteTag': { valid: [{ runId: '0123456789abcdef0123456789abcdef', key: 'k' }], invalid: [{ runId: '0123456789abcdef0123456789abcdef' }] },
  'runs.setCompute': {
    valid: [{ id: '0123456789abcdef0123456789abcdef', compute: { hardwareId: 'h100-sxm', devices: 8, durationS: 36000 } }, { id: '0123456789abcdef0123456789abcdef', compute: { manualCostCents: 12345, manualCostCurrency: 'EUR', energyKwhMeasured: 12.5, pricePerDeviceHourUsd: null, scenarioId: null } }],
    invalid: [{ id: '0123456789abcdef0123456789abcdef', compute: { devices: 0 } }, { id: '0123456789abcdef0123456789abcdef', compute: { manualCostCents: 1.5 } }, { id: '0123456789abcdef0123456789abcdef', compute: { durationS: -1 } }, { id: '0123456789abcdef0123456789abcdef', compute: { gpus: 8 } }],
  },
  'runs.setNotes': { valid: [{ id: '0123456789abcdef0123456789abcdef', notes: 'lr too high' }], invalid: [{ id: '0123456789abcdef0123456789abcdef' }, { id: '0123456789abcdef0123456789abcdef', notes: 'x'.repeat(100_001) }] },
  'runs.metricHistory': { valid: [{ runId: '0123456789abcdef0123456789abcdef', key: 'loss' }, { runId: '0123456789abcdef0123456789abcdef', key: 'loss', maxResults: 100, pageToken: 'abc', format: 'columns' }], invalid: [{ runId: '0123456789abcdef0123456789abcdef' }, { runId: '0123456789abcdef0123456789abcdef', key: 'loss', maxResults: 0 }, { runId: '0123456789abcdef0123456789abcdef', key: 'loss', format: 'csv' }] },
  'runs.compare': { valid: [{ runIds: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'] }, { runIds: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'], metricKeys: ['loss'], maxPoints: 500 }], invalid: [{ runIds: ['0123456789abcdef0123456789abcdef'] }, { runIds: Array(11).fill('0123456789abcdef0123456789abcdef') }, { runIds: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'], maxPoints: 1 }] },
  'ledger.list': { valid: [{ projectId: 'p1' }, { projectId: 'p1', from: '2026-01-01', to: '2026-12-31', includeRuns: false }], invalid: [{}, { projectId: 'p1', from: '2026-12-31', to: '2026-01-01' }] },
  'ledger.add': {
    valid: [{ projectId: 'p1', date: '2026-12-01', amountCents: 12050, category: 'api', description: 'OpenAI' }, { projectId: 'p1', date: '2026-12-01', amountCents: -500, currency: 'EUR', fxRate: 1.08, category: 'compute' }],
    invalid: [{ projectId: 'p1', date: '2026-12-01', amountCents: 1.5, category: 'api' }, { projectId: 'p1', date: '01/12/2026', amountCents: 1, category: 'api' }, { projectId: 'p1', date: '2026-12-01', amountCents: 1, category: 'food' }, { projectId: 'p1', date: '2026-12-01', amountCents: 1, category: 'api', fxRate: 0 }],
  },
  'ledger.update': { valid: [{ id: 'l1', patch: { amountCents: 100 } }, { id: 'l1', patch: { fxRate: null, category: 'other' } }], invalid: [{ id: 'l1' }, { id: 'l1', patch: { source: 'run' } }] },
  'ledger.delete': { valid: [{ id: 'l1' }], invalid: [{}] },
  'ledger.importBill': {
    valid: [
      { projectId: 'p1', csv: 'Date,Item,Cost\n2026-12-01,GPU,10.00\n', mapping: { date: 'Date', description: 'Item', amount: 'Cost' }, preview: true },
      { projectId: 'p1', path: '/bills/aws.csv', mapping: { date: 1, description: 2, amount: 3, currency: 4, category: 5 }, hasHeader: false, dateFormat: 'DD/MM/YYYY', decimalSeparator: ',', fxRate: 0.9 },
    ],
    invalid: [
      { projectId: 'p1', mapping: { date: 'Date', description: 'Item', amount: 'Cost' } },
      { projectId: 'p1', csv: 'x', path: '/x.csv', mapping: { date: 'Date', description: 'Item', amount: 'Cost' } },
      { projectId: 'p1', csv: 'x', mapping: { date: 'Date', amount: 'Cost' } },
      { projectId: 'p1', csv: 'x', mapping: { date: 0, description: 'Item', amount: 'Cost' } },
      { projectId: 'p1', csv: 'x', mapping: { date: 'Date', description: 'Item', amount: 'Cost' }, dateFormat: 'YY-MM-DD' },
    ],
  },
  'rates.list': { valid: [{ projectId: 'p1' }], invalid: [{}] },
  'rates.set': { valid: [{ projectId: 'p1', hardwareId: 'h100-sxm', pricePerDeviceHour: 2.1 }, { projectId: 'p1', hardwareId: 'dgx-a100', pricePerDeviceHour: 1.5, currency: 'EUR', note: 'reserved', asOf: '2026-10-01' }], invalid: [{ projectId: 'p1', hardwareId: 'h100-sxm' }, { projectId: 'p1', hardwareId: 'h100-sxm', pricePerDeviceHour: -1 }, { projectId: 'p1', hardwareId: '', pricePerDeviceHour: 1 }] },
  'rates.delete': { valid: [{ projectId: 'p1', hardwareId: 'h100-sxm' }], invalid: [{ projectId: 'p1' }] },
  // Budgets against actual spend.
  'budget.status': { valid: [{ projectId: 'p1' }, { projectId: 'p1', today: '2026-12-01' }], invalid: [{}, { projectId: 'p1', today: '2026-02-30' }, { projectId: 'p1', today: '1 Dec' }, { projectId: 'p1', extra: 1 }] },
  'budget.plan': { valid: [{ projectId: 'p1' }, { projectId: 'p1', plannedUnits: { s1: 20 } }], invalid: [{}, { projectId: 'p1', plannedUnits: { s1: 0 } }, { projectId: 'p1', plannedUnits: { s1: 'many' } }] },
  'budget.pareto': { valid: [{ experimentId: '1', metricKey: 'accuracy', direction: 'higher' }, { experimentId: '12', metricKey: 'loss', direction: 'lower' }], invalid: [{ experimentId: '1', metricKey: 'accuracy' }, { experimentId: 'x', metricKey: 'accuracy', direction: 'higher' }, { experimentId: '1', metricKey: '', direction: 'lower' }, { experimentId: '1', metricKey: 'acc', direction: 'up' }] },
  'budget.alerts': { valid: [{}, { today: '2026-12-01' }], invalid: [{ today: 'tomorrow' }, { projectId: 'p1' }] },
};
