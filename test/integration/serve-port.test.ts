import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../electron/host/serve';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

/** Holds a loopback port the way another program would. */
function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

const release = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('the browser host keeps its address per data folder', () => {
  let t: ReturnType<typeof tempDir>;
  let staticRoot: string;
  const open: Served[] = [];
  const blockers: Server[] = [];
  const start = async (port?: number) => {
    const h = await serve({ dataDir: t.dir, staticRoot, ...(port !== undefined ? { port } : {}) });
    open.push(h);
    return h;
  };
  const stop = async (h: Served) => {
    open.splice(open.indexOf(h), 1);
    await h.close();
  };
  const setup = () => {
    t = tempDir();
    staticRoot = join(t.dir, 'renderer');
    mkdirSync(staticRoot);
    writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Tally</title>');
  };
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    for (const b of blockers.splice(0)) await release(b);
    t?.cleanup();
  });

  it('reuses the port of the last start, with a new token each time', async () => {
    setup();
    const first = await start();
    const { port, token } = first;
    expect(first.portNote).toBeNull();
    await stop(first);
    const second = await start();
    expect(second.port).toBe(port);
    expect(second.portNote).toBeNull();
    expect(second.url).toBe(`http://127.0.0.1:${port}`);
    expect(second.token).not.toBe(token);
  });

  it('falls back to a free port with a note when the usual one is taken, and goes back to it later', async () => {
    setup();
    const first = await start();
    const usual = first.port;
    await stop(first);
    const blocker = await occupy(usual);
    blockers.push(blocker);

    const elsewhere = await start();
    expect(elsewhere.port).not.toBe(usual);
    expect(elsewhere.portNote).toBe(
      `Port ${usual}, which this data folder used last time, is taken (another Tally serving it, or another program), so Tally is on port ${elsewhere.port} for now. Drafts your browser kept at the old address show only there; the next start tries port ${usual} again.`,
    );
    await stop(elsewhere);
    blockers.splice(blockers.indexOf(blocker), 1);
    await release(blocker);

    const back = await start();
    expect(back.port).toBe(usual);
  });

  it('takes --port N as the new usual port; --port 0 is a free port for this start only', async () => {
    setup();
    const first = await start();
    const usual = first.port;
    await stop(first);
    const once = await start(0);
    expect(once.port).not.toBe(usual);
    await stop(once);
    const again = await start();
    expect(again.port).toBe(usual);
    await stop(again);

    // A port known to be free: take one, give it back, then ask for it by number.
    const probe = await occupy(0);
    const chosen = (probe.address() as { port: number }).port;
    await release(probe);
    const explicit = await start(chosen);
    expect(explicit.port).toBe(chosen);
    await stop(explicit);
    const after = await start();
    expect(after.port).toBe(chosen);
  });

  it('tally serve prints why the address changed', async () => {
    setup();
    const first = await start();
    const usual = first.port;
    await stop(first);
    blockers.push(await occupy(usual));
    // The CLI serves the built renderer; only its banner matters here (it stops at once in tests).
    const r = await runCli(['serve', '--data-dir', t.dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^Tally is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=/);
    expect(lines[1]).not.toContain(`:${usual}/`);
    expect(lines[2]).toMatch(new RegExp(`^Port ${usual}, which this data folder used last time, is taken`));
  });
});
