import { fileURLToPath } from 'node:url';

/** The repository (or unpacked app) root, from this file's place in electron/host/. */
export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
export const ELECTRON_MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
