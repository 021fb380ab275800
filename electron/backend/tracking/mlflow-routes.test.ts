import { describe, expect, it } from 'vitest';
import { matchRoute, runMlflowCall, type RouteDef } from './mlflow-routes';
import type { TrackingStore } from './tracking-store';

/** A store whose every method fails the way a bug or a broken disk would: with a plain Error. */
function brokenStore(): TrackingStore {
  return new Proxy({} as TrackingStore, {
    get: () => () => {
      throw new Error('SQLITE_IOERR at /home/ana/private/tally.db');
    },
  });
}

const route = (method: string, path: string): RouteDef => {
  const m = matchRoute(method, `/api/2.0/mlflow${path}`);
  if (!('route' in m)) throw new Error(`no route ${path}`);
  return m.route;
};

describe('runMlflowCall', () => {
  it('answers an unexpected failure 500 INTERNAL_ERROR with a generic message, and logs the details', async () => {
    const logged: unknown[] = [];
    const reply = await runMlflowCall(brokenStore(), { route: route('GET', '/experiments/get-by-name'), message: { experiment_name: 'x' } }, (e) => logged.push(e));
    expect(reply).toEqual({ status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'Tally hit an internal error. The details are in its log.' } });
    expect(JSON.stringify(reply)).not.toContain('private');
    expect(String(logged[0])).toContain('SQLITE_IOERR');
  });

  it('checks the request before the store is asked: a bad request never reaches it', async () => {
    const reply = await runMlflowCall(brokenStore(), { route: route('POST', '/runs/log-batch'), message: { run_id: 'r', params: [{ key: 'p', value: 'v'.repeat(6001) }] } }, () => undefined);
    expect(reply).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining("Param value 'vvv") } });
  });

  it('reads a body posted as a JSON string (older clients double-encode), and refuses one that is not an object', async () => {
    const missing = await runMlflowCall(brokenStore(), { route: route('GET', '/runs/get'), message: JSON.stringify({}) }, () => undefined);
    expect(missing).toMatchObject({ status: 400, body: { message: expect.stringContaining("required parameter 'run_id'") } });
    const list = await runMlflowCall(brokenStore(), { route: route('POST', '/runs/create'), message: [1, 2] }, () => undefined);
    expect(list).toEqual({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'The request body must be a JSON object.' } });
  });
});
