import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { ElectronStubState } from './electron-preload-stub';

const PRELOAD = fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url));
const STUB = fileURLToPath(new URL('./electron-preload-stub.ts', import.meta.url));

/**
 * The real preload source bundled for a browser page: one IIFE with `electron` resolved to the
 * test stub, preceded by the stub's configuration. Pass it to `page.addInitScript({ content })`.
 */
export function preloadInitScript(config: Pick<ElectronStubState, 'token' | 'files'>): string {
  const out = buildSync({
    entryPoints: [PRELOAD],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { electron: STUB },
    write: false,
    logLevel: 'silent',
  });
  const bundle = out.outputFiles[0]?.text ?? '';
  const initial: ElectronStubState = { ...config, exposed: {}, invoked: [], askedPathFor: [] };
  return `window.__electronStub = ${JSON.stringify(initial)};\n${bundle}`;
}
