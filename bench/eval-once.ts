/**
 * Bench helper: run one evaluation request in THIS process (exactly what the worker process runs)
 * so `node --cpu-prof` or an outer `/usr/bin/time -v` sees it whole. Prints the timings as JSON.
 * Usage: tsx bench/eval-once.ts '<EvaluationRequest JSON>'
 */
import { performance } from 'node:perf_hooks';
import { evaluateRequest } from '../electron/backend/analysis/evaluate/evaluate-request';
import type { EvaluationRequest } from '../electron/backend/analysis/evaluate/evaluation-request';

const request = JSON.parse(process.argv[2] ?? '{}') as EvaluationRequest;
const started = performance.now();
const outcome = await evaluateRequest(request, () => {});
const serialised = JSON.stringify(outcome.result);
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), timings: outcome.timings, cpuMs: outcome.cpuMs, peakRssBytes: outcome.peakRssBytes, resultBytes: serialised.length }));
