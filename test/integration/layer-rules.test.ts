import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const repo = resolve(import.meta.dirname, '../..');

/** Runs the project's real dependency-cruiser rules over a small tree written for the test. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const t = tempDir('tally-layers-');
  cleanups.push(t.cleanup);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(t.dir, path, '..'), { recursive: true });
    writeFileSync(join(t.dir, path), body);
  }
  copyFileSync(join(repo, '.dependency-cruiser.cjs'), join(t.dir, '.dependency-cruiser.cjs'));
  copyFileSync(join(repo, 'tsconfig.base.json'), join(t.dir, 'tsconfig.base.json'));
  symlinkSync(join(repo, 'node_modules'), join(t.dir, 'node_modules'));
  const r = spawnSync(process.execPath, [join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', 'shared', 'electron', 'renderer'], {
    cwd: t.dir,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
const cleanups: Array<() => void> = [];

describe('layer rules (npm run lint)', () => {
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('passes a tree that keeps the rules', () => {
    const r = cruise({
      'shared/domain/a.ts': 'export const a = 1;\n',
      'electron/backend/b.ts': "import { a } from '../../shared/domain/a';\nimport { readFileSync } from 'node:fs';\nexport const b = [a, readFileSync];\n",
      'renderer/c.ts': "import { a } from '../shared/domain/a';\nexport const c = a;\n",
    });
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('fails a renderer file importing node:fs, backend code importing electron, impure shared code and a cycle', () => {
    const r = cruise({
      'renderer/bad.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'electron/backend/bad.ts': "import { app } from 'electron';\nexport const y = app;\n",
      'shared/budget/bad.ts': "import { z } from 'zod';\nexport const s = z;\n",
      'shared/domain/p.ts': "import { q } from './q';\nexport const p = () => q;\n",
      'shared/domain/q.ts': "import { p } from './p';\nexport const q = () => p;\n",
    });
    expect(r.status).not.toBe(0);
    for (const rule of ['renderer-no-node-builtins', 'backend-and-host-never-import-electron', 'shared-core-is-pure', 'no-circular']) {
      expect(r.output).toContain(rule);
    }
  });

  it('fails a store importing a feature, and a feature calling the backend around the data layer', () => {
    const r = cruise({
      'shared/domain/a.ts': 'export const a = 1;\n',
      'electron/backend/b.ts': 'export const b = 1;\n',
      'renderer/src/api/client.ts': 'export const api = () => 1;\n',
      'renderer/src/data/rpc-query.ts': "import { api } from '../api/client';\nexport const read = api;\n",
      'renderer/src/features/plan/helper.ts': 'export const helper = 1;\n',
      'renderer/src/features/plan/Page.ts': "import { api } from '../../api/client';\nimport { read } from '../../data/rpc-query';\nexport const page = [api, read];\n",
      'renderer/src/stores/plan/plan.store.ts': "import { helper } from '../../features/plan/helper';\nexport const store = helper;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('stores-never-import-features');
    expect(r.output).toContain('server-data-through-the-data-layer');
    // The data layer itself may call the backend: exactly the two planted violations are reported.
    expect(r.output).toMatch(/2 dependency violations \(2 errors/);
  });
});
