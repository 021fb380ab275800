/**
 * The repository (or unpacked app) root: the nearest folder above a module that holds a
 * package.json. Found by walking up rather than by a fixed number of '../' so the answer is the
 * same whether the module runs from its source file, from a bundle in out/ or from the packaged
 * app's out/main/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function appRootFrom(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
}
