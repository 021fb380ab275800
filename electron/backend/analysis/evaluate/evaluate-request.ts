/**
 * Run a whole EvaluationRequest in the current process (the worker process calls this): read the
 * role columns in one pass, compute the report, then the extras (slices with intervals, the
 * threshold tool, label issues, membership inference).
 */
import { performance } from 'node:perf_hooks';
import type { AnalysisProgress } from '../analysis-types';
import { evaluateColumns } from './evaluate-columns';
import { evaluateExtras } from './evaluate-extras';
import type { EvaluationOutcome, EvaluationRequest } from './evaluation-request';
import { readPredictions } from './read-predictions';

export async function evaluateRequest(request: EvaluationRequest, onProgress: (p: AnalysisProgress) => void): Promise<EvaluationOutcome> {
  const timings: Record<string, number> = {};
  const o = request.options;
  let t = performance.now();
  const read = await readPredictions(request.file, request.roles, {
    ...(o.task ? { task: o.task } : {}),
    ...(o.rawScores ? { rawScores: true } : {}),
    ...(request.read ? { read: request.read } : {}),
    ...(request.threads !== undefined ? { threads: request.threads } : {}),
    ...(request.parallelMinBytes !== undefined ? { parallelMinBytes: request.parallelMinBytes } : {}),
    onProgress: (bytes, rows, totalBytes) => onProgress({ phase: 'reading', file: request.file, bytes, rows, totalBytes }),
  });
  timings.read = Math.round(performance.now() - t);
  onProgress({ phase: 'evaluating', file: request.file, bytes: 0, rows: read.columns.n, totalBytes: 0 });
  t = performance.now();
  const { result: base, core } = evaluateColumns(request.file, read.columns, {
    ...(o.positiveLabel !== undefined ? { positiveLabel: o.positiveLabel } : {}),
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(o.bootstrapSamples !== undefined ? { bootstrapSamples: o.bootstrapSamples } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.costs ? { costs: o.costs } : {}),
  });
  timings.metrics = Math.round(performance.now() - t);
  t = performance.now();
  const { notes, sliceBins, ...extras } = await evaluateExtras(read.columns, base, core, o, {
    threads: request.threads ?? 2,
    ...(request.sliceThreadMinWork !== undefined ? { sliceThreadMinWork: request.sliceThreadMinWork, sliceThreadOnBusyMachine: true } : {}),
    ...(request.sliceBins ? { sliceBins: request.sliceBins } : {}),
  });
  timings.extras = Math.round(performance.now() - t);
  const warnings = [...base.warnings, ...notes];
  if (read.columns.renormalizedRows > 0) {
    warnings.push({
      code: 'rows_renormalized',
      count: read.columns.renormalizedRows,
      message: `${read.columns.renormalizedRows.toLocaleString('en-US')} probability rows summed to a value near but not exactly 1 (rounded output); they were rescaled to sum to 1.`,
    });
  }
  const result = {
    ...base,
    taskReason: read.taskReason,
    warnings,
    ...extras,
    gates: [],
    input: {
      file: request.file,
      format: read.format,
      sizeBytes: read.sizeBytes,
      rows: read.columns.n,
      renormalizedRows: read.columns.renormalizedRows,
      timeRange: timeRange(read.columns.time),
      probabilityColumns: read.columns.roles.probabilityColumns,
    },
  };
  const usage = process.resourceUsage();
  return { result, taskReason: read.taskReason, sliceBins, timings, peakRssBytes: usage.maxRSS * 1024, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) };
}

function timeRange(times: Float64Array | null): { min: string; max: string } | null {
  if (times === null) return null;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!Number.isFinite(min)) return null;
  return { min: new Date(min).toISOString(), max: new Date(max).toISOString() };
}
