import type { Db } from '../db/connection';
import { countScenarios } from '../db/repositories/scenarios.repository';
import { countRuns } from '../db/repositories/check-runs.repository';
import { countDatasets } from '../db/repositories/datasets.repository';
import { countExperiments } from '../db/repositories/experiments.repository';
import { countTrackedRuns } from '../db/repositories/runs.repository';
import { countLedgerEntries } from '../db/repositories/ledger.repository';
import { countEvaluations } from '../db/repositories/evaluations.repository';
import { countMonitors } from '../db/repositories/monitors.repository';

/**
 * What a project holds besides itself, counted so the delete confirmation can name what is lost.
 * Each feature that links rows to a project adds its counter here; its rows must reference
 * projects(id) ON DELETE CASCADE so the delete removes them in the same transaction.
 */
export interface ContentCounter {
  kind: string;
  label: string;
  count(db: Db, projectId: string): number;
}

export const contentCounters: ContentCounter[] = [
  { kind: 'scenarios', label: 'scenarios', count: (db, projectId) => countScenarios(db, projectId) },
  { kind: 'datasets', label: 'datasets linked', count: (db, projectId) => countDatasets(db, projectId) },
  { kind: 'check_runs', label: 'data checks', count: (db, projectId) => countRuns(db, projectId) },
  { kind: 'experiments', label: 'experiments', count: (db, projectId) => countExperiments(db, projectId) },
  { kind: 'runs', label: 'tracked runs', count: (db, projectId) => countTrackedRuns(db, projectId) },
  { kind: 'ledger_entries', label: 'ledger entries', count: (db, projectId) => countLedgerEntries(db, projectId) },
  { kind: 'evaluations', label: 'model evaluations', count: (db, projectId) => countEvaluations(db, projectId) },
  { kind: 'monitors', label: 'drift monitors', count: (db, projectId) => countMonitors(db, projectId) },
];

export function countContents(db: Db, projectId: string) {
  return contentCounters.map((c) => ({ kind: c.kind, label: c.label, count: c.count(db, projectId) }));
}
