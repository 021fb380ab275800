import { existsSync } from 'node:fs';

export const CHROMIUM_MISSING =
  'The end-to-end suite needs Chromium: install it with "apt-get install chromium" on Debian/Ubuntu (or set CHROMIUM_PATH to a Chromium or Chrome binary).';

/** Debian's Chromium (never a browser downloaded by a test tool). */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Belt and braces: no host name but the app's own loopback address resolves, so even a request
  // the suite failed to catch cannot leave the machine (support/network-log.ts records them all).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
