import { basename } from 'node:path';
/**
 * One data-quality check of a file (and optionally its reference): the engine reads and profiles
 * in a worker process, then the pure checks of shared/quality judge the summaries. Shared by the
 * checks service (which stores the outcome) and `tally check` (which prints it and stores nothing).
 */
import type { DistributionPair, FileOverlap } from '../../../shared/contract/checks';
import type { DatasetProfile } from '../../../shared/contract/datasets';
import type { PopulationShares } from '../../../shared/quality/check-context';
import { AppError } from '../../../shared/domain/errors';
import type { QualityThresholds } from '../../../shared/quality/thresholds';
import type { CheckInput } from '../../../shared/quality/check-input';
import { distributionPairs } from '../../../shared/quality/drift/distribution-pairs';
import { redact } from '../../../shared/quality/pii/detectors';
import { runChecks, type CheckReport } from '../../../shared/quality/run-checks';
import type { AnalysisProgress, AnalysisResult } from '../analysis/analysis-types';
import { runAnalysis } from '../analysis/run-analysis';
import type { WorkerLauncher } from '../analysis/worker-launcher';
import { datasetProfile, piiColumns } from './check-profile';

export interface CheckRequest {
  file: string;
  reference?: string;
  target?: string;
  id?: string;
  time?: string;
  population?: PopulationShares;
  thresholds?: Partial<QualityThresholds>;
  /** Words for the two files in messages, e.g. { current: 'test', reference: 'training' }. */
  roles?: { current?: string; reference?: string };
}

export interface CheckOutcome {
  report: CheckReport;
  profile: DatasetProfile;
  referenceProfile: DatasetProfile | null;
  /** Shared rows and ids; null without a reference. */
  overlap: FileOverlap | null;
  /** Both files' distributions per compared column; empty without a reference. */
  distributions: DistributionPair[];
  analysis: Pick<AnalysisResult, 'timings' | 'peakRssBytes'>;
}

export interface CheckRunHooks {
  onProgress?: (p: AnalysisProgress) => void;
  signal?: AbortSignal;
  /** Extra environment for the worker (tests use the engine's crash hooks through it). */
  env?: Record<string, string>;
  /** How to start the worker process (the desktop app's utilityProcess; default fork). */
  launcher?: WorkerLauncher;
  /** The analysis waits for a free worker slot (position 1 = next). */
  onQueued?: (position: number) => void;
  /** The worker's stderr when it failed, for the log. */
  onWorkerLog?: (stderr: string) => void;
}

export async function analyseAndCheck(req: CheckRequest, hooks: CheckRunHooks = {}): Promise<CheckOutcome> {
  // The worker ran the same pure checks on the same input with the same options unless a
  // population, thresholds or role words are given here: its report is then used as it is, not
  // computed a second time (cold, on the serial tail of every run), and the row sample only the
  // checks read need not come back.
  const workerReport = !req.population && !req.thresholds && !req.roles;
  const result = await runAnalysis(
    {
      file: req.file,
      ...(workerReport ? { omitRowSample: true } : {}),
      ...(req.reference ? { reference: req.reference } : {}),
      ...(req.target ? { target: req.target } : {}),
      ...(req.id ? { id: req.id } : {}),
      ...(req.time ? { time: req.time } : {}),
    },
    { ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}), ...(hooks.signal ? { signal: hooks.signal } : {}), ...(hooks.env ? { env: hooks.env } : {}), ...(hooks.launcher ? { launcher: hooks.launcher } : {}), ...(hooks.onQueued ? { onQueued: hooks.onQueued } : {}), ...(hooks.onWorkerLog ? { onWorkerLog: hooks.onWorkerLog } : {}) },
  );
  if (req.population) {
    const names = result.checkInput.columns.map((c) => c.name);
    for (const column of Object.keys(req.population)) {
      if (!names.includes(column)) {
        const shown = names.length > 12 ? `${names.slice(0, 12).map((n) => `"${n}"`).join(', ')} and ${names.length - 12} more` : names.map((n) => `"${n}"`).join(', ');
        throw new AppError('INVALID_INPUT', `The population shares name the column "${column}", which ${basename(req.file)} does not have; its columns are ${shown}.`, {
          location: { field: 'population' },
        });
      }
    }
  }
  const report = workerReport
    ? result.report
    : runChecks(result.checkInput, {
        ...(req.target ? { target: req.target } : {}),
        ...(req.id ? { id: req.id } : {}),
        ...(req.time ? { time: req.time } : {}),
        ...(req.population ? { population: req.population } : {}),
        ...(req.thresholds ? { thresholds: req.thresholds } : {}),
        ...(req.roles ? { roles: req.roles } : {}),
      });
  const sensitive = piiColumns(report.findings);
  const ref = result.checkInput.reference;
  return {
    report,
    profile: datasetProfile(result.current, result.checkInput.columns, sensitive),
    referenceProfile: result.reference && ref ? datasetProfile(result.reference, ref.columns, sensitive) : null,
    overlap: overlapOf(result.checkInput),
    distributions:
      ref && report.drift
        ? distributionPairs(ref.columns, result.checkInput.columns, report.drift.columns, sensitive).map((p) => ({ ...p, values: p.values.map(redact) }))
        : [],
    analysis: { timings: result.timings, peakRssBytes: result.peakRssBytes },
  };
}

/** The figures behind the overlap chart, kept whether or not they reached a finding. */
export function overlapOf(input: CheckInput): FileOverlap | null {
  const ref = input.reference;
  if (!ref) return null;
  const ids = ref.idOverlap;
  return {
    checkedRows: input.rows,
    referenceRows: ref.rows,
    sharedRows: ref.overlapRows,
    ids: ids
      ? {
          column: ids.column,
          sharedIds: ids.sharedIds,
          checkedDistinct: ids.currentDistinct,
          referenceDistinct: ids.referenceDistinct,
          checkedRowsWithSharedId: ids.currentRowsWithSharedId,
        }
      : null,
  };
}
