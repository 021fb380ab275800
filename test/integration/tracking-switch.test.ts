import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import { mlflowStoreFor } from '../../electron/backend/tracking/mlflow-store';
import { hostTrackingControl } from '../../electron/host/tracking-control';
import { runCli } from '../support/cli';
import { memoryLogger, tempDir, testBackend } from '../support/temp';

/** The Settings switch (tracking.status / tracking.setEnabled) and `tally serve --tracking-port`. */
const TOKEN = 'switch-test-token-0123456789';

async function probe(url: string, token = TOKEN): Promise<number> {
  const r = await fetch(`${url}/api/2.0/mlflow/experiments/get-by-name?experiment_name=none`, { headers: { Authorization: `Bearer ${token}` } });
  return r.status;
}

async function freePortHeld(): Promise<{ port: number; release(): Promise<void> }> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  return { port: (s.address() as AddressInfo).port, release: () => new Promise((resolve) => s.close(() => resolve())) };
}

describe('tracking API switch', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function switchedBackend(): Backend {
    const t = tempDir();
    const backend = createBackend({ dataDir: t.dir, host: 'test', logger: memoryLogger(), trackingControl: hostTrackingControl({ storeFor: mlflowStoreFor, token: TOKEN }) });
    cleanups.push(t.cleanup);
    cleanups.push(async () => {
      await backend.context.trackingControl!.stop();
      backend.close();
    });
    return backend;
  }

  it('is unavailable, and says how to start it, in a host that cannot listen', async () => {
    const t = testBackend();
    cleanups.push(t.cleanup);
    expect(await t.backend.dispatch('tracking.status', {})).toEqual({ ok: true, value: { available: false, enabled: false, url: null, port: null, envLines: [] } });
    const r = await t.backend.dispatch('tracking.setEnabled', { enabled: true });
    expect(r).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringContaining('tally serve --tracking-port') } });
  });

  it('is off until turned on; on, it answers MLflow clients and lists itself; off again, it is gone', async () => {
    const backend = switchedBackend();
    expect(await backend.dispatch('tracking.status', {})).toEqual({ ok: true, value: { available: true, enabled: false, url: null, port: null, envLines: [] } });

    const on = await backend.dispatch('tracking.setEnabled', { enabled: true });
    expect(on.ok).toBe(true);
    const status = (on as { value: { url: string; port: number; envLines: string[] } }).value;
    expect(status).toMatchObject({ available: true, enabled: true, url: `http://127.0.0.1:${status.port}` });
    expect(status.envLines).toEqual([`MLFLOW_TRACKING_URI=${status.url}`, `MLFLOW_TRACKING_TOKEN=${TOKEN}`]);
    expect(await probe(status.url)).toBe(404);
    expect(await probe(status.url, 'wrong')).toBe(401);
    const info = await backend.dispatch('system.info', {});
    expect((info as { value: { network: { listeners: string[] } } }).value.network.listeners).toEqual([`${status.url} (MLflow tracking API, token required)`]);

    const again = await backend.dispatch('tracking.setEnabled', { enabled: true });
    expect((again as { value: { port: number } }).value.port).toBe(status.port);

    const off = await backend.dispatch('tracking.setEnabled', { enabled: false });
    expect(off).toEqual({ ok: true, value: { available: true, enabled: false, url: null, port: null, envLines: [] } });
    await expect(probe(status.url)).rejects.toThrow();
    const after = await backend.dispatch('system.info', {});
    expect((after as { value: { network: { listeners: string[] } } }).value.network.listeners).toEqual([]);

    const back = await backend.dispatch('tracking.setEnabled', { enabled: true });
    expect((back as { value: { port: number } }).value.port).toBe(status.port);
  });

  it('moves to the port asked for, and names a port already in use', async () => {
    const backend = switchedBackend();
    const held = await freePortHeld();
    cleanups.push(held.release);
    const busy = await backend.dispatch('tracking.setEnabled', { enabled: true, port: held.port });
    expect(busy).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Port ${held.port} is already in use on 127.0.0.1. Pick another port for the tracking API.`, location: { field: 'port' } } });
    expect((await backend.dispatch('tracking.status', {})) as unknown).toMatchObject({ value: { enabled: false } });

    await held.release();
    const moved = await backend.dispatch('tracking.setEnabled', { enabled: true, port: held.port });
    expect((moved as { value: { port: number; url: string } }).value.port).toBe(held.port);
    expect(await probe(`http://127.0.0.1:${held.port}`)).toBe(404);
  });

  it('tally serve --tracking-port prints the two lines to paste, with TALLY_TOKEN as the token', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const out = await runCli(['serve', '--port', '0', '--tracking-port', '0', '--data-dir', t.dir], { env: { TALLY_TOKEN: TOKEN } });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^MLFLOW_TRACKING_URI=http:\/\/127\.0\.0\.1:\d+$/m);
    expect(out.stdout).toContain(`\nMLFLOW_TRACKING_TOKEN=${TOKEN}\n`);
    const bad = await runCli(['serve', '--tracking-port', 'x', '--data-dir', t.dir]);
    expect(bad).toMatchObject({ code: 2, stderr: 'tally serve: --tracking-port must be a whole number from 0 to 65535 (got "x")\n' });
  });

  it('remembers the switch, its port and a workspace token across restarts; turned off, it stays off', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const open = () => createBackend({ dataDir: t.dir, host: 'test', logger: memoryLogger(), trackingControl: hostTrackingControl({ storeFor: mlflowStoreFor }) });
    const first = open();
    const on = (await first.dispatch('tracking.setEnabled', { enabled: true })) as { ok: true; value: { port: number; envLines: string[]; url: string } };
    const token = on.value.envLines[1]!.replace('MLFLOW_TRACKING_TOKEN=', '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await first.context.trackingControl!.stop();
    first.close();

    const second = open();
    const resumed = await second.context.trackingControl!.resume();
    expect(resumed).toMatchObject({ enabled: true, port: on.value.port, envLines: on.value.envLines });
    expect(await probe(on.value.url, token)).toBe(404);
    await second.dispatch('tracking.setEnabled', { enabled: false });
    await second.context.trackingControl!.stop();
    second.close();

    const third = open();
    expect(await third.context.trackingControl!.resume()).toMatchObject({ enabled: false });
    await third.context.trackingControl!.stop();
    third.close();
  });
});
