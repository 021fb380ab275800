import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../backend/context';
import { largestLogBatchBytes } from '../backend/tracking/mlflow-limits';
import type { MlflowErrorCode } from '../backend/tracking/mlflow-error';
import { matchRoute, queryToMessage, runMlflowCall } from '../backend/tracking/mlflow-routes';
import type { TrackingStore } from '../backend/tracking/tracking-store';
import { isAllowedHost } from './http-guards';
import { readBody } from './http-host';
import { trackingTokenMatches } from './tracking-auth';

/**
 * MLflow's tracking REST API on 127.0.0.1, with the browser host's guards: the token on every
 * request, the Host allow-list against DNS rebinding, JSON bodies only, no CORS headers, and a
 * body cap just above MLflow's largest log-batch. Malformed requests are answered 400 and the
 * server keeps serving.
 */

export interface TrackingServerOptions {
  store: TrackingStore;
  logger: Logger;
  port?: number;
  token?: string;
  bodyLimitBytes?: number;
}

export interface TrackingServer {
  url: string;
  port: number;
  token: string;
  /** The two lines a user pastes into the shell (or .env) of the code that logs runs. */
  envLines: [string, string];
  close(): Promise<void>;
}

/** The body cap: MLflow's largest log-batch at its costliest JSON encoding, rounded up to a MiB. */
export const TRACKING_BODY_LIMIT = Math.ceil(largestLogBatchBytes() / (1024 * 1024)) * 1024 * 1024;

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: unknown, close = false) {
  if (res.headersSent) return;
  res.writeHead(status, { ...HEADERS, ...(close ? { Connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

/** MLflow's error JSON; 413 and 415 have no MLflow code, so they carry their HTTP names. */
function refuse(res: ServerResponse, status: number, code: MlflowErrorCode | 'UNSUPPORTED_MEDIA_TYPE' | 'REQUEST_TOO_LARGE', message: string, close = false) {
  send(res, status, { error_code: code, message }, close);
}

/** new URL() throws on targets such as `//[`; a target we cannot read is a 400, not a crash. */
function parseTarget(target: string | undefined, port: number): URL | null {
  if (!target || !target.startsWith('/')) return null;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

export async function startTrackingServer(opts: TrackingServerOptions): Promise<TrackingServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const limit = opts.bodyLimitBytes ?? TRACKING_BODY_LIMIT;
  const { store, logger } = opts;
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port)) {
      return refuse(res, 403, 'PERMISSION_DENIED', 'This address is not allowed. Use the http://127.0.0.1 tracking URI Tally printed.');
    }
    const url = parseTarget(req.url, port);
    if (!url) return refuse(res, 400, 'BAD_REQUEST', 'The request target could not be read.');
    if (!trackingTokenMatches(req.headers.authorization, token)) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'Missing or wrong token. Set MLFLOW_TRACKING_TOKEN to the token Tally printed.');
    }
    const match = matchRoute(req.method ?? '', url.pathname);
    if (!('route' in match)) return send(res, match.status, match.body);
    let message: unknown;
    if (req.method === 'GET') {
      message = queryToMessage(match.route.name, url.searchParams);
    } else {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
      }
      const body = await readBody(req, limit);
      if (body === null) return refuse(res, 413, 'REQUEST_TOO_LARGE', `The request is larger than the ${limit} byte limit.`, true);
      try {
        message = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const reply = await runMlflowCall(store, { route: match.route, message }, (e) =>
      logger.error(`tracking API ${match.route.name} failed`, e instanceof Error ? e.stack : e),
    );
    send(res, reply.status, reply.body);
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      logger.error('tracking API transport failed', e instanceof Error ? e.stack : e);
      refuse(res, 500, 'INTERNAL_ERROR', 'Tally hit an internal error. The details are in its log.', true);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A request line or header Node cannot parse never reaches the handler: answer it 400 here
  // and drop that connection only.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && !(err.code === 'ECONNRESET')) {
      const body = JSON.stringify({ error_code: 'BAD_REQUEST', message: 'The request could not be read.' });
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    token,
    envLines: [`MLFLOW_TRACKING_URI=${url}`, `MLFLOW_TRACKING_TOKEN=${token}`],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
