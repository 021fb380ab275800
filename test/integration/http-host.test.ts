import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host';
import { testBackend } from '../support/temp';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch will not let a test forge the Host header. */
function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser host security', () => {
  let t: ReturnType<typeof testBackend>;
  let host: HttpHost;
  const TOKEN = 'test-token-0123456789';

  beforeEach(async () => {
    t = testBackend();
    const root = join(t.dir, 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tally</title>');
    host = await startHttpHost({ backend: t.backend, staticRoot: root, token: TOKEN, bodyLimitBytes: 4096 });
  });
  afterEach(async () => {
    await host.close();
    t.cleanup();
  });

  const rpc = (headers: Record<string, string>, body = '{}', path = '/rpc/projects.list') =>
    send(host.port, { method: 'POST', path, headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', ...headers }, body });

  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.appUrl).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers a call with the token', async () => {
    const r = await rpc({ Authorization: `Bearer ${TOKEN}` }, JSON.stringify({ name: 'Via HTTP' }), '/rpc/projects.create');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Via HTTP' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: TOKEN }, { Authorization: `Bearer ${TOKEN}x` }] as Array<Record<string, string>>) {
      const r = await rpc(headers);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses forged Host headers with 403 (DNS rebinding)', async () => {
    for (const forged of [`evil.test:${host.port}`, `127.0.0.1.evil.test:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `localhost.evil:${host.port}`]) {
      const r = await rpc({ Authorization: `Bearer ${TOKEN}`, Host: forged });
      expect(r.status, forged).toBe(403);
      const page = await send(host.port, { path: '/', headers: { Host: forged } });
      expect(page.status, forged).toBe(403);
    }
    for (const allowed of [`localhost:${host.port}`, `[::1]:${host.port}`, `LOCALHOST:${host.port}`]) {
      const r = await rpc({ Authorization: `Bearer ${TOKEN}`, Host: allowed });
      expect(r.status, allowed).toBe(200);
    }
  });

  it('refuses a body over the cap with 413, declared or streamed', async () => {
    const big = JSON.stringify({ search: 'x'.repeat(5000) });
    const declared = await rpc({ Authorization: `Bearer ${TOKEN}` }, big);
    expect(declared.status).toBe(413);
    const chunked = await send(host.port, {
      method: 'POST',
      path: '/rpc/projects.list',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
  });

  it('never sends CORS headers, even to a preflight', async () => {
    const pre = await send(host.port, {
      method: 'OPTIONS',
      path: '/rpc/projects.list',
      headers: { Host: `127.0.0.1:${host.port}`, Origin: 'https://evil.test', 'Access-Control-Request-Method': 'POST' },
    });
    const ok = await rpc({ Authorization: `Bearer ${TOKEN}`, Origin: 'https://evil.test' });
    for (const r of [pre, ok]) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('demands JSON and reports malformed JSON as INVALID_INPUT', async () => {
    const form = await rpc({ Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    const broken = await rpc({ Authorization: `Bearer ${TOKEN}` }, '{"name":');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('INVALID_INPUT');
  });

  it('demands the token for the event stream and delivers events with it', async () => {
    const denied = await send(host.port, { path: '/events', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(denied.status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/events?token=${TOKEN}`, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('connected')) void t.backend.dispatch('projects.create', { name: 'Evented' });
          const m = /data: (.*)\n\n/.exec(buf);
          if (m) {
            req.destroy();
            resolve(m[1]!);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ type: 'projects.changed', payload: { id: 'id-1', change: 'created' } });
  });

  it('serves the app with a strict CSP and refuses paths outside it', async () => {
    const page = await send(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../tally.db', '/%2e%2e/tally.db', '/..%2ftally.db', '/assets/..%5c..%5ctally.db']) {
      const r = await send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(r.status, path).not.toBe(200);
      expect(r.body).not.toContain('SQLite');
    }
  });
});
