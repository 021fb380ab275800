import { request } from 'node:http';
import { mlflowStoreFor } from '../../electron/backend/tracking/mlflow-store';
import { startTrackingServer, type TrackingServer } from '../../electron/host/tracking-server';
import { testBackend } from './temp';

export const TRACKING_TOKEN = 'tracking-test-token-0123456789';

/** The real tracking API over a real backend on a temp SQLite file. */
export async function trackingFixture(opts: { bodyLimitBytes?: number } = {}) {
  const t = testBackend();
  const server: TrackingServer = await startTrackingServer({
    store: mlflowStoreFor(t.backend),
    logger: t.logger,
    token: TRACKING_TOKEN,
    ...(opts.bodyLimitBytes !== undefined ? { bodyLimitBytes: opts.bodyLimitBytes } : {}),
  });
  return {
    ...t,
    server,
    async cleanup() {
      await server.close();
      t.cleanup();
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch will not let a test forge the Host header. */
export function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * A client that speaks MLflow's REST API as its documentation describes it, with fetch: GET
 * fields in the query string, POST fields as a JSON body, the token as a Bearer header.
 */
export function mlflowRest(baseUrl: string, token: string) {
  return async function call(method: 'GET' | 'POST', path: string, payload: Record<string, unknown> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    let url = `${baseUrl}/api/2.0/mlflow${path}`;
    let body: string | undefined;
    if (method === 'GET') {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(payload)) {
        if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
        else if (v !== undefined) q.append(k, String(v));
      }
      url += `?${q}`;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(payload);
    }
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}
