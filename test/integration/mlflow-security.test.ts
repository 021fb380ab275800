import { connect } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRACKING_BODY_LIMIT } from '../../electron/host/tracking-server';
import { send, TRACKING_TOKEN, trackingFixture } from '../support/tracking';

type Fixture = Awaited<ReturnType<typeof trackingFixture>>;

/** Writes raw bytes to the port and reads everything until the server closes the connection. */
function raw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    s.on('error', reject);
    s.end(bytes);
  });
}

describe('tracking API security', () => {
  let f: Fixture;
  let host: string;
  const auth = { Authorization: `Bearer ${TRACKING_TOKEN}` };
  const getByName = (headers: Record<string, string>) =>
    send(f.server.port, { path: '/api/2.0/mlflow/experiments/get-by-name?experiment_name=nope', headers: { Host: host, ...headers } });

  beforeEach(async () => {
    f = await trackingFixture();
    host = `127.0.0.1:${f.server.port}`;
  });
  afterEach(async () => {
    await f.cleanup();
  });

  it('listens on 127.0.0.1 and gives the two lines to paste', () => {
    expect(f.server.url).toBe(`http://127.0.0.1:${f.server.port}`);
    expect(f.server.envLines).toEqual([`MLFLOW_TRACKING_URI=http://127.0.0.1:${f.server.port}`, `MLFLOW_TRACKING_TOKEN=${TRACKING_TOKEN}`]);
  });

  it('refuses a missing or wrong token with 401 UNAUTHENTICATED', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer nope' }, { Authorization: TRACKING_TOKEN }, { Authorization: `Bearer ${TRACKING_TOKEN}x` }, { Authorization: 'Basic !!!' }];
    for (const headers of attempts) {
      const r = await getByName(headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ error_code: 'UNAUTHENTICATED', message: expect.stringContaining('MLFLOW_TRACKING_TOKEN') });
    }
  });

  it('accepts the token as a Bearer token, or as the password of Basic auth', async () => {
    expect((await getByName(auth)).status).toBe(404);
    const basic = Buffer.from(`anyone:${TRACKING_TOKEN}`).toString('base64');
    expect((await getByName({ Authorization: `Basic ${basic}` })).status).toBe(404);
    const wrong = Buffer.from(`anyone:not-the-token`).toString('base64');
    expect((await getByName({ Authorization: `Basic ${wrong}` })).status).toBe(401);
  });

  it('refuses forged Host headers with 403 (DNS rebinding), before looking at the token', async () => {
    for (const forged of [`evil.test:${f.server.port}`, '127.0.0.1', `127.0.0.1:${f.server.port + 1}`, `localhost.evil:${f.server.port}`]) {
      const r = await getByName({ ...auth, Host: forged });
      expect(r.status, forged).toBe(403);
      expect(JSON.parse(r.body).error_code).toBe('PERMISSION_DENIED');
    }
    for (const allowed of [`localhost:${f.server.port}`, `[::1]:${f.server.port}`]) {
      expect((await getByName({ ...auth, Host: allowed })).status, allowed).toBe(404);
    }
  });

  it('refuses a POST that is not JSON with 415', async () => {
    const r = await send(f.server.port, {
      method: 'POST',
      path: '/api/2.0/mlflow/experiments/create',
      headers: { Host: host, ...auth, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(r.status).toBe(415);
    const none = await send(f.server.port, { method: 'POST', path: '/api/2.0/mlflow/experiments/create', headers: { Host: host, ...auth }, body: '{"name":"x"}' });
    expect(none.status).toBe(415);
  });

  it('never sends CORS headers, even to a preflight', async () => {
    const pre = await send(f.server.port, {
      method: 'OPTIONS',
      path: '/api/2.0/mlflow/runs/log-batch',
      headers: { Host: host, Origin: 'https://evil.test', 'Access-Control-Request-Method': 'POST' },
    });
    const ok = await getByName({ ...auth, Origin: 'https://evil.test' });
    for (const r of [pre, ok]) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses a body over the cap with 413, declared or streamed, and the cap admits the largest MLflow batch', async () => {
    expect(TRACKING_BODY_LIMIT).toBeGreaterThanOrEqual(10_034_912);
    const small = await trackingFixture({ bodyLimitBytes: 4096 });
    try {
      const big = JSON.stringify({ run_id: 'r', tags: [{ key: 'k', value: 'x'.repeat(5000) }] });
      const headers = { Host: `127.0.0.1:${small.server.port}`, ...auth, 'Content-Type': 'application/json' };
      const declared = await send(small.server.port, { method: 'POST', path: '/api/2.0/mlflow/runs/log-batch', headers, body: big });
      expect(declared.status).toBe(413);
      const chunked = await send(small.server.port, { method: 'POST', path: '/api/2.0/mlflow/runs/log-batch', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: big });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).error_code).toBe('REQUEST_TOO_LARGE');
    } finally {
      await small.cleanup();
    }
  });

  it('answers malformed JSON 400 and an unknown route 404, in MLflow error JSON', async () => {
    const headers = { Host: host, ...auth, 'Content-Type': 'application/json' };
    const broken = await send(f.server.port, { method: 'POST', path: '/api/2.0/mlflow/runs/create', headers, body: '{"experiment_id":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error_code).toBe('BAD_REQUEST');
    const arrayBody = await send(f.server.port, { method: 'POST', path: '/api/2.0/mlflow/runs/create', headers, body: '[1,2]' });
    expect(arrayBody.status).toBe(400);
    const unknown = await send(f.server.port, { path: '/api/2.0/mlflow/artifacts/list', headers: { Host: host, ...auth } });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error_code).toBe('ENDPOINT_NOT_FOUND');
  });

  it('answers thousands of malformed request targets 400 and keeps serving', async () => {
    const fixed = ['//[', '//[::1', '//a:b@[', '//%', 'http://[', '*', '/api/2.0/mlflow/runs/get?run_id=%', '/%ZZ', '//'];
    const generated = fc.sample(
      fc.string({ unit: fc.constantFrom(...'/[]:@%?#\\.az09'.split('')), minLength: 1, maxLength: 24 }).map((s) => (s.startsWith('/') ? s : `/${s}`)),
      { seed: 8, numRuns: 2000 },
    );
    let answered = 0;
    for (const target of [...fixed, ...generated]) {
      const r = await send(f.server.port, { path: target, headers: { Host: host, ...auth } });
      expect([400, 404], target).toContain(r.status);
      answered++;
    }
    expect(answered).toBe(fixed.length + 2000);
    for (const target of ['//[', '//[::1', 'http://[', '*']) {
      const r = await send(f.server.port, { path: target, headers: { Host: host, ...auth } });
      expect(r.status, target).toBe(400);
    }
    // Request lines Node's parser refuses never reach the handler; they are answered 400 too.
    for (const line of ['GET /a b c HTTP/1.1', 'GET /\u0001 HTTP/1.1', 'NOT-A-METHOD / HTTP/1.1', 'GET / HTTP/9.9', '\u0000\u0001\u0002']) {
      const answer = await raw(f.server.port, `${line}\r\nHost: ${host}\r\n\r\n`);
      expect(answer, JSON.stringify(line)).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await getByName(auth)).status).toBe(404);
  });
});
