import { handlers, type MlflowHandler } from './mlflow-handlers';
import { MlflowError, type MlflowErrorBody } from './mlflow-error';
import { requestError } from './mlflow-proto';
import { REPEATED_FIELDS, requests, type RequestName } from './mlflow-requests';
import type { TrackingStore } from './tracking-store';

/**
 * The MLflow REST routes Tally serves, under every prefix MLflow clients use: `/api/2.0/mlflow`
 * (Python, R, Java and npm clients), `/ajax-api/2.0/mlflow` (MLflow's web UI) and
 * `/api/2.0/preview/mlflow` (older clients). GET requests carry their fields in the query
 * string, POST requests as a JSON object, exactly as MLflow's server reads them.
 */

export type HttpMethod = 'GET' | 'POST';

export interface RouteDef {
  name: RequestName;
  path: string;
  methods: readonly HttpMethod[];
}

export const API_PREFIXES = ['/api/2.0/mlflow', '/ajax-api/2.0/mlflow', '/api/2.0/preview/mlflow'] as const;

export const ROUTES: readonly RouteDef[] = [
  { name: 'createExperiment', path: '/experiments/create', methods: ['POST'] },
  { name: 'getExperiment', path: '/experiments/get', methods: ['GET'] },
  { name: 'getExperimentByName', path: '/experiments/get-by-name', methods: ['GET'] },
  { name: 'listExperiments', path: '/experiments/list', methods: ['GET'] },
  { name: 'searchExperiments', path: '/experiments/search', methods: ['POST', 'GET'] },
  { name: 'updateExperiment', path: '/experiments/update', methods: ['POST'] },
  { name: 'deleteExperiment', path: '/experiments/delete', methods: ['POST'] },
  { name: 'restoreExperiment', path: '/experiments/restore', methods: ['POST'] },
  { name: 'setExperimentTag', path: '/experiments/set-experiment-tag', methods: ['POST'] },
  // The npm `mlflow` client 2.0.7 joins this path without its slash; answering it there lets
  // that client set experiment tags unchanged.
  { name: 'setExperimentTag', path: '/experimentsset-experiment-tag', methods: ['POST'] },
  { name: 'createRun', path: '/runs/create', methods: ['POST'] },
  { name: 'getRun', path: '/runs/get', methods: ['GET'] },
  { name: 'updateRun', path: '/runs/update', methods: ['POST'] },
  { name: 'deleteRun', path: '/runs/delete', methods: ['POST'] },
  { name: 'restoreRun', path: '/runs/restore', methods: ['POST'] },
  { name: 'searchRuns', path: '/runs/search', methods: ['POST'] },
  { name: 'logMetric', path: '/runs/log-metric', methods: ['POST'] },
  { name: 'logParam', path: '/runs/log-parameter', methods: ['POST'] },
  { name: 'setTag', path: '/runs/set-tag', methods: ['POST'] },
  { name: 'deleteTag', path: '/runs/delete-tag', methods: ['POST'] },
  { name: 'logBatch', path: '/runs/log-batch', methods: ['POST'] },
  { name: 'logInputs', path: '/runs/log-inputs', methods: ['POST'] },
  { name: 'getMetricHistory', path: '/metrics/get-history', methods: ['GET'] },
  { name: 'getMetricHistoryBulkInterval', path: '/metrics/get-history-bulk-interval', methods: ['GET'] },
];

const BY_PATH = new Map<string, RouteDef>();
for (const prefix of API_PREFIXES) for (const r of ROUTES) BY_PATH.set(`${prefix}${r.path}`, r);

export type RouteMatch = { route: RouteDef } | { status: 404 | 405; body: MlflowErrorBody };

/** The route a method and path name, or the 404 / 405 to answer. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const route = BY_PATH.get(pathname);
  if (!route) {
    return { status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND', message: `There is no MLflow endpoint at ${pathname.slice(0, 200)}.` } };
  }
  if (!route.methods.includes(method as HttpMethod)) {
    return { status: 405, body: { error_code: 'BAD_REQUEST', message: `Use ${route.methods.join(' or ')} for ${pathname}.` } };
  }
  return { route };
}

/** A GET query string as MLflow reads it: repeated fields as lists, others as their first value. */
export function queryToMessage(name: RequestName, query: URLSearchParams): Record<string, unknown> {
  const repeated = new Set(REPEATED_FIELDS[name] ?? []);
  const out: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const field = key.endsWith('[]') ? key.slice(0, -2) : key;
    if (repeated.has(field)) out[field] = [...((out[field] as string[] | undefined) ?? []), ...query.getAll(key)];
    else out[field] ??= query.get(key);
  }
  return out;
}

export interface MlflowReply {
  status: number;
  body: unknown;
}

export interface MlflowCall {
  route: RouteDef;
  /** The request message: the parsed JSON body of a POST, the query string of a GET. */
  message: unknown;
}

/**
 * Runs one MLflow call: parse the message with the route's schema, run its handler against
 * the store. MLflow errors keep their status and message; anything else is a 500 with a
 * generic message (the details go to `onInternalError`, never to the client).
 */
export async function runMlflowCall(store: TrackingStore, call: MlflowCall, onInternalError: (e: unknown) => void): Promise<MlflowReply> {
  try {
    // Older clients post their JSON encoded twice, as a string; MLflow decodes it again.
    let message = call.message;
    if (typeof message === 'string') message = JSON.parse(message) as unknown;
    if (message === null || message === undefined) message = {};
    if (typeof message !== 'object' || Array.isArray(message)) {
      throw new MlflowError('INVALID_PARAMETER_VALUE', 'The request body must be a JSON object.');
    }
    const parsed = requests[call.route.name].safeParse(message);
    if (!parsed.success) throw requestError(parsed.error);
    const handler = handlers[call.route.name] as MlflowHandler<RequestName>;
    return { status: 200, body: await handler(store, parsed.data as never) };
  } catch (e) {
    if (e instanceof MlflowError) return { status: e.status, body: e.toBody() };
    if (e instanceof SyntaxError) return { status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'The request body is not valid JSON.' } };
    onInternalError(e);
    return { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'Tally hit an internal error. The details are in its log.' } };
  }
}
