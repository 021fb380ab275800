import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { GUARD_ERROR_CODE, isLoopbackHost, networkAttempts, provokeRefusals } from '../support/network-guard.mjs';

/** The error a socket ends with, or 'connected'; never waits for a real network timeout. */
function connectOutcome(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.setTimeout(5_000, () => {
      socket.destroy();
      resolve('timed out: the attempt went out to the network');
    });
    socket.once('connect', () => {
      socket.end();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

function refusedSince(before: number): Array<{ kind: string; target: string; provoked: boolean }> {
  return networkAttempts()
    .refused.slice(before)
    .map(({ kind, target, provoked }) => ({ kind, target, provoked }));
}

describe('the test network guard (every unit test and its children run under it)', () => {
  it('tells loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1', undefined]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['10.255.255.1', '192.168.1.2', '8.8.8.8', 'example.com', '::ffff:10.0.0.1', '2001:db8::1', 'localhost.example.com']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses and records a TCP connect to 10.255.255.1, an http request and a fetch', async () => {
    const before = networkAttempts().refused.length;
    await provokeRefusals(async () => {
      expect(await connectOutcome(net.connect(80, '10.255.255.1'))).toBe(GUARD_ERROR_CODE);
      const request = http.get('http://10.255.255.1:8080/latest.json');
      const requestError = await new Promise<NodeJS.ErrnoException>((resolve) => request.once('error', resolve));
      expect(requestError.code).toBe(GUARD_ERROR_CODE);
      await expect(fetch('https://telemetry.example.com/collect')).rejects.toMatchObject({ cause: { code: GUARD_ERROR_CODE } });
    });
    expect(refusedSince(before)).toEqual([
      { kind: 'connect to', target: '10.255.255.1:80', provoked: true },
      { kind: 'connect to', target: '10.255.255.1:8080', provoked: true },
      { kind: 'fetch of', target: 'https://telemetry.example.com/collect', provoked: true },
    ]);
  });

  it('refuses name lookups, DNS queries and UDP to other hosts', async () => {
    const before = networkAttempts().refused.length;
    await provokeRefusals(async () => {
      const lookup = await new Promise<NodeJS.ErrnoException | null>((resolve) => dns.lookup('updates.example.com', (e) => resolve(e)));
      expect(lookup?.code).toBe('ENOTFOUND');
      await expect(dns.promises.resolve4('example.com')).rejects.toMatchObject({ code: GUARD_ERROR_CODE });
      const socket = dgram.createSocket('udp4');
      const sent = await new Promise<Error | null>((resolve) => socket.send('ping', 53, '8.8.8.8', (e) => resolve(e)));
      socket.close();
      expect((sent as NodeJS.ErrnoException | null)?.code).toBe(GUARD_ERROR_CODE);
    });
    expect(refusedSince(before)).toEqual([
      { kind: 'name lookup of', target: 'updates.example.com', provoked: true },
      { kind: 'DNS resolve4 of', target: 'example.com', provoked: true },
      { kind: 'UDP send to', target: '8.8.8.8', provoked: true },
    ]);
  });

  it('lets loopback through and counts it', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const before = networkAttempts();
    try {
      expect(await connectOutcome(net.connect(port, '127.0.0.1'))).toBe('connected');
      expect(await connectOutcome(net.connect({ port, host: 'localhost', family: 4 }))).toBe('connected');
    } finally {
      server.close();
    }
    const after = networkAttempts();
    expect(after.allowed - before.allowed).toBe(2);
    expect(after.refused.length).toBe(before.refused.length);
  });

  it('reaches the Node children a test starts', () => {
    const child = spawnSync(
      process.execPath,
      ['-e', "require('node:net').connect(443, '10.255.255.1').on('error', (e) => { console.log(e.code); }).on('connect', () => console.log('connected'))"],
      { env: { ...process.env, TALLY_NETWORK_GUARD_PROVOKED: '1' }, encoding: 'utf8', timeout: 20_000 },
    );
    expect(child.stdout.trim()).toBe(GUARD_ERROR_CODE);
  });
});
