import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/domain/csp';
import type { Backend } from '../backend/create-backend';
import { bearerToken, decodeSegment, hasSingleHost, isAllowedHost, isJsonContentType, parseRequestTarget, tokenMatches } from './http-guards';
import { readStatic } from './static-files';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface HttpHostOptions {
  backend: Backend;
  /** Folder of the built renderer (index.html + assets). */
  staticRoot: string;
  port?: number;
  token?: string;
  bodyLimitBytes?: number;
}

export interface HttpHost {
  url: string;
  /** The URL to open: it carries the token for the page to pick up. */
  appUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Reads a body up to `limit` bytes; resolves null (and stops reading) once the cap is passed. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The browser host: the same backend over HTTP on 127.0.0.1 only. RPC and events demand the
 * per-launch token; every request must name our loopback host (DNS-rebinding guard); no CORS
 * headers are ever sent, so other origins cannot read responses.
 */
export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const limit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const { backend } = opts;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  async function handleRpc(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST for procedure calls.');
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong token. Open Tally with the URL printed at start-up.');
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      return refuse(res, 415, 'UNSUPPORTED', 'Send the input as application/json.');
    }
    const body = await readBody(req, limit);
    if (body === null) return refuse(res, 413, 'INVALID_INPUT', `The request is larger than the ${limit} byte limit.`);
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      return refuse(res, 400, 'INVALID_INPUT', `The request body is not valid JSON: ${(e as Error).message}`);
    }
    const procedure = decodeSegment(name);
    if (procedure === null) return refuse(res, 400, 'INVALID_INPUT', 'The procedure name in the address is not valid percent-encoding.');
    sendJson(res, 200, await backend.dispatch(procedure, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!tokenMatches(url.searchParams.get('token'), token)) {
      return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong token.');
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    sseClients.add(res);
    const unsubscribe = backend.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    req.on('close', () => {
      unsubscribe();
      sseClients.delete(res);
    });
  }

  function route(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port) || !hasSingleHost(req.rawHeaders)) {
      return refuse(res, 403, 'FORBIDDEN', 'This address is not allowed. Use the 127.0.0.1 URL Tally printed.');
    }
    const url = parseRequestTarget(req.url);
    if (!url) return refuse(res, 400, 'INVALID_INPUT', 'The request target is not a path on this server.');
    if (url.pathname.startsWith('/rpc/')) {
      handleRpc(req, res, url.pathname.slice(5)).catch((e) => {
        backend.context.logger.error('rpc transport failed', e);
        if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Tally hit an internal error.');
      });
      return;
    }
    if (url.pathname === '/events') return handleEvents(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Only GET is allowed here.');
    const file = readStatic(opts.staticRoot, url.pathname);
    const extra: Record<string, string> = file.type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {};
    send(res, file.status, file.type, file.body, extra);
  }

  // A request must never take the process down: whatever a handler throws becomes a response.
  const server: Server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (e) {
      backend.context.logger.error('request handling failed', e);
      if (!res.headersSent) refuse(res, 400, 'INVALID_INPUT', 'Tally could not read this request.');
      else res.destroy();
    }
  });

  const heartbeat = setInterval(() => {
    for (const c of sseClients) c.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    // A taken port: nothing was served, nothing may keep running.
    clearInterval(heartbeat);
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  backend.setListeners([`${url} (browser host, token required)`]);
  return {
    url,
    appUrl: `${url}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
