import { invalidParameter } from './mlflow-error';
import type { KeyValue, MetricPoint } from './tracking-store';

/**
 * MLflow's input limits (mlflow/utils/validation.py). Breaking one is a 400
 * INVALID_PARAMETER_VALUE worded as MLflow words it, never a crash and never a silent cut.
 * Lengths count Unicode code points, as Python's len() does. Key characters are not
 * restricted: any string is stored as given (MLflow versions differ on which they allow, and
 * refusing a key some client accepts would break that client).
 */
export const LIMITS = {
  entityKeyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 8000,
  experimentNameLength: 500,
  experimentTagKeyLength: 250,
  experimentTagValueLength: 5000,
  metricsPerBatch: 1000,
  paramsPerBatch: 100,
  tagsPerBatch: 100,
  entitiesPerBatch: 1000,
  /** runs/search and experiments/search: the most results one page may ask for. */
  maxSearchResults: 50000,
} as const;

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
  }
  return n;
}

export function checkLength(entity: string, limit: number, value: string) {
  const length = codePoints(value);
  if (length > limit) {
    throw invalidParameter(`${entity} '${[...value].slice(0, 250).join('')}' had length ${length}, which exceeded length limit of ${limit}`);
  }
}

export function checkMetric(m: MetricPoint) {
  if (m.timestamp < 0) {
    throw invalidParameter(
      `Got invalid timestamp ${m.timestamp} for metric '${m.key}' (value=${m.value}). Timestamp must be a nonnegative long (64-bit integer) `,
    );
  }
  checkLength('Metric name', LIMITS.entityKeyLength, m.key);
}

export function checkParam(p: KeyValue) {
  checkLength('Param key', LIMITS.entityKeyLength, p.key);
  checkLength('Param value', LIMITS.paramValueLength, p.value);
}

export function checkTag(t: KeyValue) {
  checkLength('Tag key', LIMITS.entityKeyLength, t.key);
  checkLength('Tag value', LIMITS.tagValueLength, t.value);
}

export function checkExperimentName(name: string) {
  if (codePoints(name) > LIMITS.experimentNameLength) {
    throw invalidParameter(`Experiment name exceeds the maximum length of ${LIMITS.experimentNameLength} characters`);
  }
}

export function checkExperimentTag(t: KeyValue) {
  checkLength('Tag key', LIMITS.experimentTagKeyLength, t.key);
  checkLength('Tag value', LIMITS.experimentTagValueLength, t.value);
}

function checkCount(entity: string, limit: number, length: number) {
  if (length > limit) {
    throw invalidParameter(
      `A batch logging request can contain at most ${limit} ${entity}. Got ${length} ${entity}. Please split up ${entity} across multiple requests and try again.`,
    );
  }
}

/** The counts, then every entity, then duplicate param keys: MLflow's order of checks. */
export function checkBatch(metrics: MetricPoint[], params: KeyValue[], tags: KeyValue[]) {
  checkCount('metrics', LIMITS.metricsPerBatch, metrics.length);
  checkCount('params', LIMITS.paramsPerBatch, params.length);
  checkCount('tags', LIMITS.tagsPerBatch, tags.length);
  checkCount('metrics, params, and tags', LIMITS.entitiesPerBatch, metrics.length + params.length + tags.length);
  metrics.forEach(checkMetric);
  params.forEach(checkParam);
  tags.forEach(checkTag);
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const p of params) {
    if (seen.has(p.key)) dupes.push(p.key);
    seen.add(p.key);
  }
  if (dupes.length > 0) {
    throw invalidParameter(
      `Duplicate parameter keys have been submitted: [${dupes.map((k) => `'${k}'`).join(', ')}]. Please ensure the request contains only one param value per param key.`,
    );
  }
}

/**
 * The largest log-batch body MLflow's limits allow, in bytes of JSON: 1000 entities at most,
 * of which up to 100 params of 6000 characters and 100 tags of 8000, every key 250 characters,
 * with every character at its costliest JSON encoding (a \uXXXX escape, 6 bytes) and generous
 * room for the numbers and punctuation around each entity. The tracking server's body cap is
 * this, so no batch MLflow would accept is refused for its size.
 */
export function largestLogBatchBytes(): number {
  const perChar = 6;
  const runIdAndBraces = 512;
  const metricOverhead = 160; // {"key":"","value":-1.2345678901234567e+308,"timestamp":...,"step":...}
  const kvOverhead = 32; // {"key":"","value":""},
  const metrics = LIMITS.entitiesPerBatch - LIMITS.paramsPerBatch - LIMITS.tagsPerBatch;
  return (
    runIdAndBraces +
    metrics * (LIMITS.entityKeyLength * perChar + metricOverhead) +
    LIMITS.paramsPerBatch * ((LIMITS.entityKeyLength + LIMITS.paramValueLength) * perChar + kvOverhead) +
    LIMITS.tagsPerBatch * ((LIMITS.entityKeyLength + LIMITS.tagValueLength) * perChar + kvOverhead)
  );
}
