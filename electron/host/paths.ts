import { join } from 'node:path';
import { appRootFrom } from '../backend/app-root';

/** The repository (or unpacked app) root, whether this runs from sources or from a bundle. */
export const APP_ROOT = appRootFrom(import.meta.url);
export const RENDERER_DIST = join(APP_ROOT, 'out/renderer/');
export const ELECTRON_MAIN = join(APP_ROOT, 'out/main/index.js');
