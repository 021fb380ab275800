import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_MISSING, chromiumPath } from './support/chromium';
import { NETWORK_LOG_FILE, type NetworkSession } from './support/network-log';

/**
 * Fails the suite with one clear sentence when Chromium is absent; builds the real renderer once.
 * At the end, sums up what every app session's browser requested (support/network-log.ts).
 */
export default async function setup(): Promise<() => void> {
  if (!chromiumPath()) throw new Error(CHROMIUM_MISSING);
  await build({ configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)), logLevel: 'warn' });
  rmSync(NETWORK_LOG_FILE, { force: true });
  return () => {
    const sessions: NetworkSession[] = existsSync(NETWORK_LOG_FILE)
      ? readFileSync(NETWORK_LOG_FILE, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as NetworkSession)
      : [];
    const checked = sessions.reduce((n, s) => n + s.checked, 0);
    const offending = sessions.flatMap((s) => s.offending);
    console.log(`Network: ${checked} requests from ${sessions.length} app sessions checked; ${offending.length} left the app's own loopback origin.`);
    if (offending.length > 0) throw new Error(`Requests left the app during the e2e run:\n${offending.join('\n')}`);
  };
}
