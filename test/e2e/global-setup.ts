import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_MISSING, chromiumPath } from './support/chromium';

/** Fails the suite with one clear sentence when Chromium is absent; builds the real renderer once. */
export default async function setup(): Promise<void> {
  if (!chromiumPath()) throw new Error(CHROMIUM_MISSING);
  await build({ configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
