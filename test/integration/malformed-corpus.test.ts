/**
 * The malformed-input corpus: every file in test/fixtures/malformed yields exactly its golden
 * error (code and message with file, line, column and what was expected). The whole corpus also
 * goes through the worker process once, to show a bad file is an error and never a crash.
 *
 * The hostile corpus (test/fixtures/hostile, made by make_hostile.py) holds files built to break a
 * reader: each yields its golden error, or (code "OK") is read with the golden row and column
 * counts instead of crashing, hanging or printing garbage.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/backend/analysis/analyze-file';
import type { ReadOptions } from '../../electron/backend/analysis/analysis-types';
import { runAnalysis } from '../../electron/backend/analysis/run-analysis';
import { AppError } from '../../shared/domain/errors';

interface Golden {
  code: string;
  message?: string;
  rows?: number;
  columns?: number;
  options?: { read?: ReadOptions; roles?: { target?: string } };
}

const corpusDir = join(__dirname, '../fixtures/malformed');
const golden = JSON.parse(readFileSync(join(corpusDir, 'golden.json'), 'utf8')) as Record<string, Golden>;
const files = Object.keys(golden).sort();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-malformed-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function errorOf(path: string, g: Golden): Promise<AppError> {
  try {
    await analyzeFile(path, { read: g.options?.read, roles: g.options?.roles ?? {}, threads: 1, seed: 1, onProgress: () => {} });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${path} was read without an error`);
}

describe('malformed-input corpus', () => {
  it('has at least 40 files, each with a golden error', () => {
    const onDisk = readdirSync(corpusDir).filter((f) => f !== 'golden.json');
    expect(onDisk.sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s yields its golden error and is left unchanged', async (name) => {
    const g = golden[name]!;
    // Read a copy in a temp dir, and check the reader never writes to it.
    const path = join(dir, name);
    copyFileSync(join(corpusDir, name), path);
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const error = await errorOf(path, g);
    expect({ code: error.code, message: error.message }).toEqual({ code: g.code, message: g.message });
    expect(error.location?.file).toBe(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('reports a malformed file from the worker process as the same error', async () => {
    const name = 'ragged-too-many-fields.csv';
    const path = join(dir, name);
    copyFileSync(join(corpusDir, name), path);
    const error = await runAnalysis({ file: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PARSE_ERROR');
    expect((error as AppError).message).toBe(golden[name]!.message);
    expect((error as AppError).location).toEqual({ file: path, line: 4, column: 12 });
  });
});

const hostileDir = join(__dirname, '../fixtures/hostile');
const hostileGolden = JSON.parse(readFileSync(join(hostileDir, 'golden.json'), 'utf8')) as Record<string, Golden>;
const hostileFiles = Object.keys(hostileGolden).sort();

describe('hostile-input corpus', () => {
  it('has every file with a golden, and with the malformed corpus at least 80 files', () => {
    const onDisk = readdirSync(hostileDir).filter((f) => f !== 'golden.json' && !f.endsWith('.py'));
    expect(onDisk.sort()).toEqual(hostileFiles);
    expect(files.length + hostileFiles.length).toBeGreaterThanOrEqual(80);
  });

  it.each(hostileFiles)('%s gives its golden outcome and is left unchanged', async (name) => {
    const g = hostileGolden[name]!;
    const path = join(dir, name);
    copyFileSync(join(hostileDir, name), path);
    const before = readFileSync(path);
    if (g.code === 'OK') {
      const r = await analyzeFile(path, { roles: {}, threads: 1, seed: 1, onProgress: () => {} });
      expect({ rows: r.facts.rows, columns: r.facts.columns.length }).toEqual({ rows: g.rows, columns: g.columns });
    } else {
      const error = await errorOf(path, g);
      expect({ code: error.code, message: error.message }).toEqual({ code: g.code, message: g.message });
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
