import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

// main and preload for Electron; the renderer is the same build the browser host serves.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The analysis worker process and its range thread are entries of their own: run-analysis.ts
      // and profile-csv.ts find them as siblings of the built main (out/main/analysis-worker.js,
      // out/main/parallel/csv-range-thread.js).
      lib: {
        entry: {
          index: 'electron/main/index.ts',
          'analysis-worker': 'electron/backend/analysis/analysis-worker.ts',
          'parallel/csv-range-thread': 'electron/backend/analysis/parallel/csv-range-thread.ts',
        },
        formats: ['es'],
      },
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
