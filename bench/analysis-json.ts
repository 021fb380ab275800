/**
 * Bench helper: run one analysis request in this process and print the whole AnalysisResult as
 * JSON without its timings (elapsedMs, timings) and peak memory, so two builds can be compared byte for byte.
 * Usage: tsx bench/analysis-json.ts '<AnalysisRequest JSON>' > result.json
 */
import { analyzeRequest } from '../electron/backend/analysis/analyze-request';
import type { AnalysisRequest } from '../electron/backend/analysis/analysis-types';

const request = JSON.parse(process.argv[2] ?? '{}') as AnalysisRequest;
const result = await analyzeRequest(request, () => {});
console.log(JSON.stringify(result, (key, value: unknown) => (key === 'timings' || key === 'elapsedMs' || key === 'peakRssBytes' ? undefined : value), 1));
