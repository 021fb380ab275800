import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host';
import { testBackend } from '../support/temp';

const TOKEN = 'fuzz-token-0123456789';

/** Sends raw bytes and resolves with the status code of the answer (0 when the socket closed without one). */
function rawStatus(port: number, bytes: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (c) => {
      data += c.toString('latin1');
      if (data.includes('\r\n')) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve(m ? Number(m[1]) : 0);
    });
    socket.write(bytes);
  });
}

async function inBatches<T>(items: T[], size: number, f: (x: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(f));
}

describe('browser host: malformed requests never take it down', () => {
  let t: ReturnType<typeof testBackend>;
  let host: HttpHost;
  const crashes: unknown[] = [];
  const onCrash = (e: unknown) => crashes.push(e);

  beforeEach(async () => {
    t = testBackend();
    const root = join(t.dir, 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tally</title>');
    host = await startHttpHost({ backend: t.backend, staticRoot: root, token: TOKEN });
    crashes.length = 0;
    process.on('uncaughtException', onCrash);
  });
  afterEach(async () => {
    process.off('uncaughtException', onCrash);
    await host.close();
    t.cleanup();
  });

  const request = (target: string, extra = '') =>
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${extra}Connection: close\r\n\r\n`;

  async function stillServes() {
    const body = '{}';
    const status = await rawStatus(
      host.port,
      `POST /rpc/projects.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(status).toBe(200);
  }

  it('answers 400 to targets that made new URL() throw before the token check', async () => {
    for (const target of ['//[', '//:99999/', 'http://[/', '//a:b:c/', '//[::1', '//%', 'http://a:b:c/', '*', 'example.com:443']) {
      expect(await rawStatus(host.port, request(target)), target).toBe(400);
    }
    expect(crashes).toEqual([]);
    await stillServes();
  });

  it('answers 400 to a procedure name with broken percent-encoding', async () => {
    const status = await rawStatus(
      host.port,
      `POST /rpc/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(status).toBe(400);
    expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('refuses two Host headers and JSON look-alike content types', async () => {
    const twoHosts = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nHost: evil.test\r\nConnection: close\r\n\r\n`;
    expect(await rawStatus(host.port, twoHosts)).toBe(403);
    const patch = `POST /rpc/projects.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json-patch+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;
    expect(await rawStatus(host.port, patch)).toBe(415);
  });

  it('survives thousands of generated hostile request lines and targets (seeded)', async () => {
    const targetChars = fc.constantFrom(...'/[]:@%?#\\.;=&+ 09azAZ~!$\'()*,'.split(''), '%E0', '%A4', '%00', '%zz', '//', '::', '\u00e9', '\u{1F600}');
    const target = fc.array(targetChars, { maxLength: 24 }).map((parts) => parts.join(''));
    const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'CONNECT', 'G=T', '');
    const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1.1 extra', '');
    const line = fc.tuple(method, target, version).map(([m, tg, v]) => `${m} ${tg} ${v}`);
    const lines = fc.sample(line, { numRuns: 2_000, seed: 20261205 });
    const targets = fc.sample(target, { numRuns: 2_000, seed: 424242 });
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    await inBatches(lines, 25, async (l) => {
      count(await rawStatus(host.port, `${l}\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`));
    });
    await inBatches(targets, 25, async (tg) => {
      const s = await rawStatus(host.port, request(tg.startsWith('/') ? tg : `/${tg}`));
      // A target that reached routing is served (200 app shell), refused or not found, never a 5xx.
      expect(s === 0 || s < 500, tg).toBe(true);
      count(s);
    });
    expect(crashes).toEqual([]);
    // Every status is a refusal or an ordinary answer; none is a server error.
    for (const s of statuses.keys()) expect(s === 0 || s < 500, `status ${s}`).toBe(true);
    await stillServes();
  });
});
