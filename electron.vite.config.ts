import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

// main and preload for Electron; the renderer is the same build the browser host serves.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'electron/main/index.ts', formats: ['es'] },
      rollupOptions: { external: ['better-sqlite3', 'electron'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: rendererConfig,
});
