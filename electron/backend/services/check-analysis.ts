import { basename } from 'node:path';
/**
 * One data-quality check of a file (and optionally its reference): the engine reads and profiles
 * in a worker process, then the pure checks of shared/quality judge the summaries. Shared by the
 * checks service (which stores the outcome) and `tally check` (which prints it and stores nothing).
 */
import type { DatasetProfile } from '../../../shared/contract/datasets';
import type { PopulationShares } from '../../../shared/quality/check-context';
import { AppError } from '../../../shared/domain/errors';
import type { QualityThresholds } from '../../../shared/quality/thresholds';
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
  const result = await runAnalysis(
    {
      file: req.file,
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
  const report = runChecks(result.checkInput, {
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
    analysis: { timings: result.timings, peakRssBytes: result.peakRssBytes },
  };
}
