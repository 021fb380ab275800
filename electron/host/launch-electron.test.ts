import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './launch-electron';

describe('finding the Electron binary', () => {
  it('reads where the electron package keeps it, and reports a missing binary without downloading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-electron-'));
    try {
      // This machine has the electron package but no binary: the answer comes at once, with what to do.
      const missing = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir });
      expect(missing).toEqual({ reason: expect.stringMatching(/^the Electron binary is not installed \(it is downloaded once, with internet access/) });
      writeFileSync(join(dir, 'electron'), '');
      expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual({ binary: join(dir, 'electron') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
