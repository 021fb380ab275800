import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { readMetricSeries } from '../../electron/backend/services/metric-history.service';
import { bundleChildScript, REPO_ROOT } from '../support/node-bundle';
import { newProject, runCheck, value } from '../integration/check-support';
import { makeReadOnly } from '../support/read-only';
import { memoryLogger, tempDir, testBackend } from '../support/temp';

/**
 * I/O errors and a full disk: a process whose writes start failing (a file-size limit, a database
 * file made read-only while it is open) tells the user what happened with a stable code and a
 * plain message, keeps serving, and leaves a file that passes integrity_check and holds every
 * write it acknowledged before the failure.
 */
const TALLY = join(REPO_ROOT, 'bin/tally.js');
/** Larger than a fresh workspace (about 240 KB), small enough that the log of changes fills it soon. */
const FSIZE_LIMIT = 512 * 1024;
const STORAGE_MESSAGE = /^(The disk holding .* is full|Tally could not (read or )?write its database)/;

type IoEvent =
  | { t: 'ack'; kind: 'project'; id: string; name: string }
  | { t: 'ack'; kind: 'batch'; runId: string; batch: number }
  | { t: 'refused'; procedure: string; code: string; message: string }
  | { t: 'read'; ok: boolean; projects: number | null }
  | { t: 'paused' }
  | { t: 'done'; logged: string[] };

function runWriter(command: string[], onPaused?: () => void): Promise<{ events: IoEvent[]; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const events: IoEvent[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const e = JSON.parse(line) as IoEvent;
        events.push(e);
        if (e.t === 'paused') {
          onPaused?.();
          child.stdin.end('go\n');
        }
      }
    });
    child.on('close', (code) => resolve({ events, code, stderr }));
  });
}

/** The file passes SQLite's checks and holds every acknowledged project and metric batch. */
function expectIntactWithAcks(dataDir: string, events: IoEvent[]): number {
  const db = new Database(join(dataDir, 'tally.db'));
  try {
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  } finally {
    db.close();
  }
  const backend = createBackend({ dataDir, host: 'test', logger: memoryLogger() });
  let verified = 0;
  try {
    for (const e of events) {
      if (e.t !== 'ack') continue;
      if (e.kind === 'project') {
        expect(backend.context.db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(e.id), `acknowledged project ${e.id}`).toBe(e.name);
      } else {
        const steps = new Set(readMetricSeries(backend.context, e.runId, 'loss').steps);
        const missing = Array.from({ length: 200 }, (_, k) => e.batch * 1000 + k).filter((s) => !steps.has(s));
        expect(missing, `acknowledged batch ${e.batch}`).toEqual([]);
      }
      verified++;
    }
  } finally {
    backend.close();
  }
  return verified;
}

describe('I/O errors and a full disk', () => {
  let t: ReturnType<typeof tempDir>;
  const undo: Array<() => void> = [];
  let bundle: string;
  beforeAll(() => {
    bundle = bundleChildScript(join(import.meta.dirname, 'children/io-writer.ts'), 'reliability-io-writer');
    // The CLI's own bundle must be fresh: a rebuild under the file-size limit would fail first.
    expect(spawnSync(process.execPath, [TALLY, '--version'], { cwd: REPO_ROOT }).status).toBe(0);
  });
  afterEach(() => {
    for (const u of undo.splice(0).reverse()) u();
    t?.cleanup();
  });

  function freshWorkspace(): string {
    t = tempDir();
    const dataDir = join(t.dir, 'workspace');
    createBackend({ dataDir, host: 'test', logger: memoryLogger() }).close();
    return dataDir;
  }

  it('under a file-size limit (prlimit --fsize) writes are refused as DISK_FULL or IO_ERROR, reads go on, nothing acknowledged is lost', async () => {
    const dataDir = freshWorkspace();
    const r = await runWriter(['prlimit', `--fsize=${FSIZE_LIMIT}`, process.execPath, bundle, dataDir, 'until-error']);
    expect(r.code, r.stderr).toBe(0);
    const refused = r.events.filter((e): e is Extract<IoEvent, { t: 'refused' }> => e.t === 'refused');
    expect(refused.length, JSON.stringify(r.events.slice(-5))).toBe(2);
    for (const e of refused) {
      expect(['DISK_FULL', 'IO_ERROR']).toContain(e.code);
      expect(e.message).toMatch(STORAGE_MESSAGE);
    }
    // After each refusal the same process answered a read.
    expect(r.events.filter((e) => e.t === 'read')).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    const acks = r.events.filter((e) => e.t === 'ack').length;
    expect(acks).toBeGreaterThan(5);
    const verified = expectIntactWithAcks(dataDir, r.events);
    expect(verified).toBe(acks);
    console.log(`[reliability] file-size limit ${FSIZE_LIMIT / 1024} KiB: ${acks} writes acknowledged before the first refusal (${refused.map((e) => `${e.procedure}: ${e.code}`).join(', ')}), ${verified} verified after exit; integrity_check ok`);
  }, 120_000);

  it('a database file made read-only while open: the next write is refused as READ_ONLY, reads go on, the file is intact', async () => {
    const dataDir = freshWorkspace();
    const file = join(dataDir, 'tally.db');
    const r = await runWriter([process.execPath, bundle, dataDir, 'pause-after=10'], () => undo.push(makeReadOnly(file, false)));
    expect(r.code, r.stderr).toBe(0);
    const refused = r.events.filter((e): e is Extract<IoEvent, { t: 'refused' }> => e.t === 'refused');
    expect(refused.map((e) => e.code)).toEqual(['READ_ONLY', 'READ_ONLY']);
    expect(refused[0]!.message).toMatch(/became read-only while Tally had it open/);
    expect(r.events.filter((e) => e.t === 'ack')).toHaveLength(10);
    expect(r.events.filter((e) => e.t === 'read').every((e) => e.t === 'read' && e.ok)).toBe(true);
    for (const u of undo.splice(0).reverse()) u();
    expect(expectIntactWithAcks(dataDir, r.events)).toBe(10);
    console.log(`[reliability] database file made read-only mid-run (${process.getuid?.() === 0 ? 'chattr +i' : 'chmod 444'}): 10 writes acknowledged before, the next ${refused.length} refused as READ_ONLY, reads answered after each, 10 verified after exit; integrity_check ok`);
  }, 120_000);

  it('a database that cannot grow (SQLite reports SQLITE_FULL) refuses the write as DISK_FULL and keeps serving', async () => {
    const b = testBackend();
    try {
      const first = await b.backend.dispatch('projects.create', { name: 'Before' });
      expect(first.ok).toBe(true);
      // SQLite's own page limit: the file cannot grow by one more page, as on a full disk.
      const pages = b.backend.context.db.pragma('page_count', { simple: true }) as number;
      b.backend.context.db.pragma(`max_page_count = ${pages}`);
      const r = await b.backend.dispatch('projects.create', { name: 'After', notes: 'x'.repeat(9000) });
      expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/^The disk holding .*tally\.db is full/) } });
      expect(await b.backend.dispatch('projects.list', {})).toMatchObject({ ok: true, value: [{ name: 'Before' }] });
    } finally {
      b.cleanup();
    }
  });

  it('a check whose result cannot be stored on a full disk ends as DISK_FULL, not an internal error', async () => {
    const b = testBackend();
    try {
      const csv = join(b.dir, 'data.csv');
      // Sixty columns: a stored profile of several pages, more than the file has free.
      const columns = Array.from({ length: 60 }, (_, c) => `c${c}`);
      writeFileSync(csv, `${columns.join(',')}\n${Array.from({ length: 300 }, (_, i) => columns.map((_, c) => (i * (c + 1)) % 97).join(',')).join('\n')}\n`);
      const projectId = await newProject(b.backend);
      const dataset = value<{ id: string }>(await b.backend.dispatch('datasets.register', { projectId, path: csv }));
      const pages = b.backend.context.db.pragma('page_count', { simple: true }) as number;
      b.backend.context.db.pragma(`max_page_count = ${pages}`);
      const task = await runCheck(b.backend, { projectId, datasetId: dataset.id });
      expect(task).toMatchObject({ state: 'failed', runId: null, error: { code: 'DISK_FULL', message: expect.stringMatching(/^The disk holding .* is full/) } });
      expect(value(await b.backend.dispatch('checks.list', { projectId }))).toEqual([]);
    } finally {
      b.cleanup();
    }
  });

  it('a connection SQLite will not let write (SQLITE_READONLY) refuses the change as READ_ONLY', async () => {
    const b = testBackend();
    try {
      b.backend.context.db.pragma('query_only = ON');
      const r = await b.backend.dispatch('projects.create', { name: 'Refused' });
      expect(r).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringMatching(/^Tally cannot write its database .*tally\.db \(SQLITE_READONLY\)/) } });
    } finally {
      b.cleanup();
    }
  });

  describe('reports written by the CLI under a file-size limit', () => {
    const limited = (args: string[], cwd: string, limit = 4096) =>
      spawnSync('prlimit', [`--fsize=${limit}`, process.execPath, TALLY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TALLY_DATA_DIR: join(cwd, 'workspace') } });

    it('tally check --html fails with a plain message and leaves no file, not even a temporary one', () => {
      t = tempDir();
      const csv = join(t.dir, 'data.csv');
      writeFileSync(csv, `a,b,c\n${Array.from({ length: 200 }, (_, i) => `${i},${i % 7},x${i % 13}`).join('\n')}\n`);
      const r = limited(['check', csv, '--html', join(t.dir, 'report.html')], t.dir);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/--html: cannot write .*report\.html \(EFBIG\): the disk is full or the file is larger than this system allows\. Nothing was written\./);
      expect(readdirSync(t.dir).sort()).toEqual(['data.csv']);
    });

    it('a workspace that cannot be created under the limit says so in words, not "disk I/O error"', () => {
      t = tempDir();
      const r = limited(['projects', 'list'], t.dir);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^tally projects: Tally could not write its database .*tally\.db: the system reported an I\/O error \(SQLITE_IOERR_\w+\)\. The disk may be full/);
    });

    it('tally catalog export fails with a plain message and leaves no file', () => {
      t = tempDir();
      // The workspace exists already; opening it writes SQLite's 32 KiB index of the log beside it,
      // under the 40 KiB limit, and the export (about 45 KB) goes over it.
      createBackend({ dataDir: join(t.dir, 'workspace'), host: 'test', logger: memoryLogger() }).close();
      const r = limited(['catalog', 'export', join(t.dir, 'catalog.json')], t.dir, 40 * 1024);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/FILE: cannot write .*catalog\.json \(EFBIG\): the disk is full or the file is larger than this system allows\. Nothing was written\./);
      expect(readdirSync(t.dir).filter((n) => n !== 'workspace')).toEqual([]);
    });
  });
});
