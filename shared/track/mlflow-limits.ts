/**
 * MLflow's limits on what a run may log (mlflow/utils/validation.py), checked in one place so
 * the backend, the importers and the UI refuse the same things with the same words. Each check
 * returns a message naming the key, or null when the value is fine.
 */
export const MAX_KEY_LENGTH = 250;
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_TAG_VALUE_LENGTH = 8000;
export const MAX_EXPERIMENT_TAG_VALUE_LENGTH = 5000;
export const MAX_BATCH_METRICS = 1000;
export const MAX_BATCH_PARAMS = 100;
export const MAX_BATCH_TAGS = 100;
export const MAX_BATCH_ENTITIES = 1000;

// Letters, digits, underscores, dashes, periods, spaces, colons and slashes.
// Python's \w is Unicode-aware, so letters and digits of any script count.
const VALID_KEY = /^[/\p{L}\p{N}\p{M}_.\- :]*$/u;

/** MLflow refuses a key that a path normalisation would change ("a//b", "./a", "a/..", "/a", "a/"). */
function pathNotUnique(key: string): boolean {
  return key.split('/').some((part) => part === '' || part === '.' || part === '..');
}

export type EntityKind = 'metric' | 'param' | 'tag';

export function keyProblem(kind: EntityKind, key: string): string | null {
  if (key.length === 0) return `A ${kind} needs a non-empty key`;
  if (key.length > MAX_KEY_LENGTH) return `${kind} key "${key.slice(0, 40)}..." is ${key.length} characters; the limit is ${MAX_KEY_LENGTH}`;
  if (!VALID_KEY.test(key)) {
    return `Invalid ${kind} key "${key}": names may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)`;
  }
  if (pathNotUnique(key)) return `Invalid ${kind} key "${key}": it may not start or end with a slash, hold "//", or have "." or ".." between slashes`;
  return null;
}

export function paramValueProblem(key: string, value: string): string | null {
  return value.length > MAX_PARAM_VALUE_LENGTH ? `Param "${key}": the value is ${value.length} characters; the limit is ${MAX_PARAM_VALUE_LENGTH}` : null;
}

export function tagValueProblem(key: string, value: string, limit = MAX_TAG_VALUE_LENGTH): string | null {
  return value.length > limit ? `Tag "${key}": the value is ${value.length} characters; the limit is ${limit}` : null;
}

export function batchSizeProblem(metrics: number, params: number, tags: number): string | null {
  if (metrics > MAX_BATCH_METRICS) return `A batch may hold at most ${MAX_BATCH_METRICS} metrics; this one has ${metrics}`;
  if (params > MAX_BATCH_PARAMS) return `A batch may hold at most ${MAX_BATCH_PARAMS} params; this one has ${params}`;
  if (tags > MAX_BATCH_TAGS) return `A batch may hold at most ${MAX_BATCH_TAGS} tags; this one has ${tags}`;
  if (metrics + params + tags > MAX_BATCH_ENTITIES) return `A batch may hold at most ${MAX_BATCH_ENTITIES} metrics, params and tags together; this one has ${metrics + params + tags}`;
  return null;
}
