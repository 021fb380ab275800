/**
 * Bench helper: run one analysis request in THIS process (exactly what the worker process runs)
 * so an outer `/usr/bin/time -v` measures its wall time and peak RSS. Prints a JSON summary.
 * Usage: tsx bench/analyze-once.ts '<AnalysisRequest JSON>'
 */
import { performance } from 'node:perf_hooks';
import { analyzeRequest } from '../electron/backend/analysis/analyze-request';
import type { AnalysisRequest } from '../electron/backend/analysis/analysis-types';

const request = JSON.parse(process.argv[2] ?? '{}') as AnalysisRequest;
const started = performance.now();
const result = await analyzeRequest(request, () => {});
const report = result.report;
console.log(
  JSON.stringify({
    ms: Math.round(performance.now() - started),
    timings: result.timings,
    rows: result.checkInput.rows,
    threads: result.current.threadsUsed,
    fallback: result.current.parallelFallback ?? null,
    duplicateRows: result.checkInput.duplicateRows,
    overlapRows: result.checkInput.reference?.overlapRows ?? null,
    verdict: report.verdict,
    findings: report.findings.map((f) => f.id),
    peakRssBytes: result.peakRssBytes,
  }),
);
