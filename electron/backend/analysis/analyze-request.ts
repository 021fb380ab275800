/**
 * Run a whole AnalysisRequest in the current process (the worker process calls this): the
 * reference first (its latest time is needed to count current rows that are not after it), then
 * the current file, then the comparison and the checks.
 */
import { performance } from 'node:perf_hooks';
import { runChecks } from '../../../shared/quality/run-checks';
import { analyzeFile } from './analyze-file';
import type { AnalysisPhase, AnalysisProgress, AnalysisRequest, AnalysisResult } from './analysis-types';
import { buildCheckInput } from './build-check-input';

export async function analyzeRequest(request: AnalysisRequest, onProgress: (p: AnalysisProgress) => void): Promise<AnalysisResult> {
  const threads = Math.max(1, request.threads ?? 2);
  const seed = request.seed ?? 20261130;
  const roles = { target: request.target, id: request.id, time: request.time };
  const timings: Record<string, number> = {};
  const progressFor = (phase: AnalysisPhase, file: string) => (bytes: number, rows: number, totalBytes: number) => onProgress({ phase, file, bytes, rows, totalBytes });

  let t = performance.now();
  const reference = request.reference
    ? await analyzeFile(request.reference, {
        read: request.referenceRead,
        // Conflicting labels are reported for the checked file only: the reference need not
        // keep a feature hash per row (that is 16 bytes a row of memory).
        roles: { id: request.id, time: request.time },
        threads,
        parallelMinBytes: request.parallelMinBytes,
        seed: seed ^ 0x7f4a7c15,
        onProgress: progressFor('reading-reference', request.reference),
      })
    : undefined;
  if (reference) timings.reference = Math.round(performance.now() - t);

  // Date leakage: count current rows at or before the reference's latest time, in the same pass.
  let timeNotAfter: number | undefined;
  if (reference && request.time) {
    const col = reference.facts.columns.find((c) => c.summary.name === request.time);
    if (col?.summary.type === 'datetime' && col.summary.numeric) timeNotAfter = col.summary.numeric.max;
  }
  t = performance.now();
  const current = await analyzeFile(request.file, {
    read: request.read,
    roles: { ...roles, timeNotAfter },
    threads,
    parallelMinBytes: request.parallelMinBytes,
    seed,
    onProgress: progressFor('reading', request.file),
    onSummarising: () => onProgress({ phase: 'summarising', file: request.file, bytes: 0, rows: 0, totalBytes: 0 }),
  });
  timings.current = Math.round(performance.now() - t);

  t = performance.now();
  if (reference) onProgress({ phase: 'comparing', file: request.file, bytes: 0, rows: current.facts.rows, totalBytes: 0 });
  const checkInput = buildCheckInput(request.file, current.facts, roles, reference ? { file: request.reference!, facts: reference.facts } : undefined);
  timings.compare = Math.round(performance.now() - t);
  const readNotes = [...(reference?.info.readNotes ?? []), ...(current.info.readNotes ?? [])].map((message) => ({ check: 'read', message }));
  if (readNotes.length > 0) checkInput.notes = [...(checkInput.notes ?? []), ...readNotes];

  t = performance.now();
  onProgress({ phase: 'checking', file: request.file, bytes: 0, rows: current.facts.rows, totalBytes: 0 });
  const report = runChecks(checkInput, { target: request.target, id: request.id, time: request.time, roles: reference ? { current: 'checked', reference: 'reference' } : {} });
  timings.checks = Math.round(performance.now() - t);

  if (request.omitRowSample) delete checkInput.rowSample;
  const result: AnalysisResult = { checkInput, current: current.info, report, timings, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  if (reference) result.reference = reference.info;
  return result;
}
