import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Finding things in an MLflow file store (mlflow/store/tracking/file_store.py):
 *
 *   mlruns/<experiment_id>/meta.yaml          the experiment (mlruns/0 is "Default")
 *   mlruns/<experiment_id>/tags/<key>         experiment tags, one file each
 *   mlruns/<experiment_id>/<run_id>/meta.yaml the run
 *   .../<run_id>/metrics|params|tags/<key>    one file per key; a key with slashes
 *                                             ("system/gpu_0_power_usage_watts") is a path
 *   mlruns/.trash/<experiment_id>/...         deleted experiments, same layout
 *
 * `models/` (the model registry) and the experiment folders `tags`, `datasets` and `traces` are
 * not runs. Reading only: nothing here writes.
 */
export const META = 'meta.yaml';
const TRASH = '.trash';
const NOT_EXPERIMENTS = new Set([TRASH, 'models']);
const NOT_RUNS = new Set(['tags', 'datasets', 'traces']);

export interface ExperimentFolder {
  path: string;
  /** The folder name: MLflow's experiment id. */
  folderId: string;
  trashed: boolean;
}

export interface KeyFile {
  key: string;
  path: string;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function subdirs(path: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return [];
  }
  return names
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((n) => join(path, n))
    .filter(isDir);
}

/**
 * The experiment folders under `root`: root itself when it is one experiment's folder (it holds
 * a meta.yaml), else its subfolders and those in .trash. Hidden folders are not experiments.
 */
export function experimentFolders(root: string): ExperimentFolder[] {
  if (existsSync(join(root, META))) return [{ path: root, folderId: basename(root), trashed: basename(dirname(root)) === TRASH }];
  const active = subdirs(root).filter((p) => !NOT_EXPERIMENTS.has(basename(p)) && !basename(p).startsWith('.'));
  const trashed = subdirs(join(root, TRASH));
  return [...active.map((path) => ({ path, folderId: basename(path), trashed: false })), ...trashed.map((path) => ({ path, folderId: basename(path), trashed: true }))];
}

/** Run folders of one experiment (every subfolder but tags, datasets and traces). */
export function runFolders(experimentPath: string): string[] {
  return subdirs(experimentPath).filter((p) => !NOT_RUNS.has(basename(p)));
}

/** Files under `dir` (metrics, params or tags), keyed by their path below it with "/" between parts. */
export function keyFiles(dir: string): KeyFile[] {
  const out: KeyFile[] = [];
  const walk = (path: string, prefix: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(path, name);
      const key = prefix ? `${prefix}/${name}` : name;
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isFile()) out.push({ key, path: full });
      else if (st.isDirectory() && depth < 32) walk(full, key, depth + 1);
    }
  };
  walk(dir, '', 0);
  return out;
}

/** A param or tag value: the file's whole text (UTF-8; MLflow writes no trailing newline). */
export function readValue(path: string): string {
  return readFileSync(path, 'utf8');
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads a text file in pieces (UTF-8 decoded across piece boundaries) without holding it whole. */
export function streamText(path: string, onText: (text: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      onText(decoder.write(buf.subarray(0, n)));
    }
    const tail = decoder.end();
    if (tail) onText(tail);
  } finally {
    closeSync(fd);
  }
}

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
