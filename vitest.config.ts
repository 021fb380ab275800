import { defineConfig } from 'vitest/config';

// Two projects: `unit` (unit, contract and integration suites, all Node) and `e2e` (the real UI in
// Debian's Chromium through playwright-core, against the real browser host).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'test/contract/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/security/**/*.test.ts',
            'test/reliability/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Nothing leaves the machine: a guard in every worker and child, summed up at the end.
          globalSetup: ['test/support/network-guard.global.ts'],
          setupFiles: ['test/support/network-guard.setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // The backend runs in the test worker here: the same network guard as the unit project.
          globalSetup: ['test/e2e/global-setup.ts', 'test/support/network-guard.global.ts'],
          setupFiles: ['test/support/network-guard.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
