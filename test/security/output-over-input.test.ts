import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const TALLY = join(ROOT, 'bin/tally.js');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const CSV = 'id,age,label\n1,34,yes\n2,51,no\n3,29,yes\n4,62,no\n';

describe('tally never writes a report over a file it reads', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  function setup() {
    t = tempDir();
    const data = join(t.dir, 'data.csv');
    const ref = join(t.dir, 'ref.csv');
    writeFileSync(data, CSV);
    writeFileSync(ref, CSV);
    return { data, ref, dataHash: sha(data), refHash: sha(ref) };
  }

  it('refuses --html FILE, --junit REFERENCE, a symlink, a hard link and another spelling of an input', async () => {
    const { data, ref, dataHash, refHash } = setup();
    symlinkSync(data, join(t.dir, 'report-link.html'));
    linkSync(ref, join(t.dir, 'hard.xml'));
    mkdirSync(join(t.dir, 'sub'));
    const cases: Array<{ args: string[]; says: RegExp }> = [
      { args: ['check', data, '--html', data], says: /--html .*data\.csv is the same file as the FILE being read/ },
      { args: ['check', data, '--reference', ref, '--junit', ref], says: /--junit .*ref\.csv is the same file as --reference/ },
      { args: ['check', data, '--html', join(t.dir, 'report-link.html')], says: /--html .*report-link\.html is the same file as the FILE being read/ },
      { args: ['check', data, '--reference', ref, '--junit', join(t.dir, 'hard.xml')], says: /is the same file as --reference/ },
      { args: ['check', data, '--html', join(t.dir, 'sub', '..', 'data.csv')], says: /is the same file as the FILE being read/ },
    ];
    for (const c of cases) {
      const r = await runCli(c.args, { cwd: t.dir });
      expect(r.code, c.args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(c.says);
    }
    expect(sha(data)).toBe(dataHash);
    expect(sha(ref)).toBe(refHash);
  });

  it('refuses two reports on one path', async () => {
    const { data } = setup();
    const r = await runCli(['check', data, '--html', 'out.txt', '--junit', './out.txt'], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--html and --junit name the same file/);
  });

  it('a report path that is a folder fails cleanly: the folder is left as it was, no temporary file remains', async () => {
    const { data } = setup();
    const ok = await runCli(['check', data, '--html', 'report.html', '--junit', 'report.xml'], { cwd: t.dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(t.dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    // A folder where the report should go: the rename fails, and the folder is left as it was.
    mkdirSync(join(t.dir, 'taken.html'));
    writeFileSync(join(t.dir, 'taken.html', 'keep.txt'), 'mine');
    const r = await runCli(['check', data, '--html', 'taken.html'], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--html: cannot write .*taken\.html/);
    expect(readdirSync(join(t.dir, 'taken.html'))).toEqual(['keep.txt']);
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a disk that fills mid-write (file-size limit) keeps the previous report whole', async () => {
    const { data } = setup();
    const report = join(t.dir, 'report.html');
    writeFileSync(report, '<!doctype html><title>the previous report</title>');
    expect(spawnSync(process.execPath, [TALLY, '--version'], { cwd: ROOT }).status).toBe(0);
    // RLIMIT_FSIZE makes the write fail with EFBIG after 4,000 bytes: a plain write would leave those bytes.
    const r = spawnSync('prlimit', ['--fsize=4000', process.execPath, TALLY, 'check', data, '--html', report], { cwd: t.dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--html: cannot write .*report\.html \(EFBIG\)/);
    expect(readFileSync(report, 'utf8')).toBe('<!doctype html><title>the previous report</title>');
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('catalog export refuses to write over the workspace database', async () => {
    t = tempDir();
    const dataDir = join(t.dir, 'ws');
    expect((await runCli(['projects', 'create', '--name', 'P'], { dataDir })).code).toBe(0);
    const db = join(dataDir, 'tally.db');
    const before = sha(db);
    const r = await runCli(['catalog', 'export', db, '--format', 'json'], { dataDir, cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the same file as the Tally database/);
    expect(sha(db)).toBe(before);
  });
});
