import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from '../../../electron/host/serve';
import type { HttpHost } from '../../../electron/host/http-host';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, chromiumPath } from './chromium';
import { assertOwnNetwork, logNetworkSession, recordNetwork, type NetworkSession } from './network-log';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export interface RunningApp {
  page: Page;
  /** The host serving now (a new one after `restartHost`). */
  readonly host: HttpHost;
  dataDir: string;
  /** Console errors and CSP violations seen by the page; tests assert it stays empty. */
  problems: string[];
  /** Every request, websocket and worker the browser started so far, and those that left the app. */
  network(): NetworkSession;
  /**
   * A second window on the same app (same host, same backend), as a user opens another tab; its
   * console errors join `problems` and its requests the network record.
   */
  openSecondPage(): Promise<Page>;
  screenshot(name: string): Promise<string>;
  /**
   * Stops the host and starts it again on the same data folder, as a user restarts `tally serve`;
   * the browser keeps running. Resolves with the new host (a new token in its app URL).
   */
  restartHost(): Promise<HttpHost>;
  /** Closes browser and host, then fails if any request went anywhere but the app's own origin. */
  close(): Promise<void>;
}

/**
 * The whole app for one test: its own temp data folder, the real backend and browser host on a
 * free port, and Debian's Chromium driving the real built UI.
 */
export async function startApp(
  opts: {
    colorScheme?: 'light' | 'dark';
    dataDir?: string;
    /** Runs on the fresh page before the app loads, e.g. to add init scripts that need the host. */
    beforeLoad?: (page: Page, host: HttpHost) => Promise<void>;
    /** 'usual': the port this data folder used last time, as `tally serve` picks it; default any free port. */
    port?: 'usual';
  } = {},
): Promise<RunningApp> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-e2e-'));
  const serveHere = () => serve({ dataDir, ...(opts.port === 'usual' ? {} : { port: 0 }) });
  let host = await serveHere();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: opts.colorScheme ?? 'light' });
    const recorder = recordNetwork(context, host.url);
    const problems: string[] = [];
    const open = async (): Promise<Page> => {
      const p = await context.newPage();
      recorder.watch(p);
      p.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      p.on('pageerror', (e) => problems.push(e.message));
      return p;
    };
    // On a loaded 2-core machine the first paint of the 1 MB bundle can take many seconds; give
    // every step room, and start only once the app shell (or the damaged-database screen) is up.
    const load = async (p: Page) => {
      p.setDefaultTimeout(60_000);
      await p.goto(host.appUrl);
      await p.locator('main#main').waitFor({ timeout: 90_000 });
    };
    const page = await open();
    await opts.beforeLoad?.(page, host);
    await load(page);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const b = browser;
    return {
      page,
      get host() {
        return host;
      },
      dataDir,
      problems,
      network: () => recorder.session(),
      async openSecondPage() {
        const second = await open();
        await load(second);
        return second;
      },
      async screenshot(name) {
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      async restartHost() {
        await host.close();
        host = await serveHere();
        return host;
      },
      async close() {
        await b.close();
        await host.close();
        if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
        const session = recorder.session();
        logNetworkSession(session);
        assertOwnNetwork(session, host.url);
      },
    };
  } catch (e) {
    await browser?.close();
    await host.close();
    throw e;
  }
}
