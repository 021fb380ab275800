import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../electron/host/serve';
import type { HttpHost } from '../../electron/host/http-host';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';
import { assertOwnNetwork, isOwnRequest, recordNetwork } from './support/network-log';
import { tempDir } from '../support/temp';

// Every e2e test gets the network check through startApp's close(); this file proves the check
// itself catches what it must, on a browser of its own so no session of the run is polluted.
describe('the e2e network check', () => {
  let browser: Browser | null = null;
  let host: HttpHost | null = null;
  let dir: ReturnType<typeof tempDir> | null = null;
  afterEach(async () => {
    await browser?.close();
    await host?.close();
    dir?.cleanup();
    browser = null;
    host = null;
    dir = null;
  });

  it('accepts only the app origin on 127.0.0.1, data: and blob:', () => {
    const origin = 'http://127.0.0.1:4321';
    expect(isOwnRequest('http://127.0.0.1:4321/assets/index.js', origin)).toBe(true);
    expect(isOwnRequest('data:image/png;base64,AAAA', origin)).toBe(true);
    expect(isOwnRequest('blob:http://127.0.0.1:4321/5f0c', origin)).toBe(true);
    expect(isOwnRequest('http://127.0.0.1:4322/', origin)).toBe(false);
    expect(isOwnRequest('http://localhost:4321/', origin)).toBe(false);
    expect(isOwnRequest('ws://127.0.0.1:4321/', origin)).toBe(false);
    expect(isOwnRequest('https://fonts.googleapis.com/css', origin)).toBe(false);
    expect(isOwnRequest('not a url', origin)).toBe(false);
  });

  it('records page requests, websockets and workers, and fails naming every one that left', async () => {
    dir = tempDir('tally-e2e-network-');
    host = await serve({ dataDir: dir.dir, port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    const recorder = recordNetwork(context, host.url);
    const page = await context.newPage();
    recorder.watch(page);

    await page.goto(host.appUrl);
    await page.locator('main#main').waitFor({ timeout: 90_000 });
    const own = recorder.session();
    expect(own.checked).toBeGreaterThan(2);
    expect(own.offending).toEqual([]);
    expect(() => assertOwnNetwork(own, host?.url ?? '')).not.toThrow();

    // A blank page has no CSP: an image, a websocket and a fetch to other hosts are all attempted
    // (and fail: Chromium resolves no host name here), and a blob: worker is fine.
    const outside = await context.newPage();
    await outside.setContent('<img src="http://tracker.example.invalid/pixel.gif">');
    await outside.evaluate(async () => {
      const ws = new WebSocket('ws://updates.example.invalid/socket');
      await new Promise((resolve) => ws.addEventListener('close', resolve));
      await fetch('https://telemetry.example.invalid/collect').catch(() => null);
      new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
    });
    await outside.waitForEvent('worker');
    const session = recorder.session();
    expect(session.offending).toEqual(
      expect.arrayContaining(['http://tracker.example.invalid/pixel.gif', 'ws://updates.example.invalid/socket', 'https://telemetry.example.invalid/collect']),
    );
    expect(session.offending).toHaveLength(3);
    const failure = (() => {
      try {
        assertOwnNetwork(session, host?.url ?? '');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(failure).toMatch(/^The page made 3 request\(s\) outside the app's own origin http:\/\/127\.0\.0\.1:\d+:\n/);
    for (const url of session.offending) expect(failure).toContain(url);
  });
});
