import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import { type AppError } from '../../shared/domain/errors';
import { tempDir } from '../support/temp';

const now = () => new Date('2026-11-30T10:00:00.000Z');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const extra: Migration = { version: 2, name: 'test_notes', sql: 'CREATE TABLE test_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('migrations', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('builds a fresh database with a checksummed ledger and no backup', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    const r = openDatabase(file, { appVersion: 'test', now });
    expect(r.schemaVersion).toBe(migrations[migrations.length - 1]!.version);
    expect(r.backupPath).toBeNull();
    const ledger = r.db.prepare('SELECT version, name, length(checksum) AS n FROM _migrations').all();
    expect(ledger).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, n: 64 })));
    expect(r.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(r.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(r.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    r.db.close();
    expect(existsSync(join(t.dir, 'backups'))).toBe(false);
  });

  it('upgrades an existing file, backing it up first', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    const v1 = openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!] });
    v1.db.prepare("INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p', 'Kept', 'x', 'x')").run();
    v1.db.close();

    const v2 = openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!, extra] });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.db.prepare('SELECT name FROM projects').all()).toEqual([{ name: 'Kept' }]);
    expect(v2.db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_notes'").get()).toEqual({ name: 'test_notes' });
    v2.db.close();

    expect(v2.backupPath).toMatch(/backups\/tally\.db\.v1\.2026-11-30T10-00-00-000Z\.bak$/);
    const backup = new Database(v2.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT name FROM projects').all()).toEqual([{ name: 'Kept' }]);
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'test_notes'").get()).toBeUndefined();
    backup.close();
  });

  it('refuses a file whose applied migration was edited, leaving it byte-identical', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!, extra] }).db.close();
    const before = sha(file);
    const edited = { ...extra, sql: `${extra.sql}\nCREATE INDEX x ON test_notes(text);` };
    const e = errorOf(() => openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!, edited] }));
    expect(e.code).toBe('MIGRATION_EDITED');
    expect(e.message).toBe(
      `Migration 2 (test_notes) was changed after it was applied to ${file}. This build of Tally cannot safely open the file; use the release that created it. The file was left as it is.`,
    );
    expect(sha(file)).toBe(before);
    expect(readdirSync(t.dir)).toEqual(['tally.db']);
  });

  it('refuses a file from a newer Tally, leaving it byte-identical', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    openDatabase(file, { appVersion: 'future', now, migrations: [migrations[0]!, extra] }).db.close();
    const before = sha(file);
    const e = errorOf(() => openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!] }));
    expect(e.code).toBe('DB_NEWER_THAN_APP');
    expect(e.message).toBe(
      `${file} was written by a newer version of Tally (schema 2; this app knows up to 1). Update Tally to open it. The file was left as it is.`,
    );
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database without touching it', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    writeFileSync(file, 'this is a shopping list, not a database\n'.repeat(200));
    const before = sha(file);
    const e = errorOf(() => openDatabase(file, { appVersion: 'test', now }));
    expect(e.code).toBe('DB_UNREADABLE');
    expect(e.message).toMatch(/is not a Tally database .*The file was left as it is\.$/);
    expect(sha(file)).toBe(before);
  });

  it('rolls back a failing migration as a whole, keeping earlier data', () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    const v1 = openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!] });
    v1.db.prepare("INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p', 'Kept', 'x', 'x')").run();
    v1.db.close();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => openDatabase(file, { appVersion: 'test', now, migrations: [migrations[0]!, broken] })).toThrow(/no such table: nowhere/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT max(version) AS v FROM _migrations').get()).toEqual({ v: 1 });
    expect(db.prepare('SELECT name FROM projects').all()).toEqual([{ name: 'Kept' }]);
    db.close();
  });

  it('matches the committed schema snapshot (update it with UPDATE_SCHEMA_SNAPSHOT=1)', () => {
    t = tempDir();
    const r = openDatabase(join(t.dir, 'tally.db'), { appVersion: 'test', now });
    const schema = (r.db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as Array<{ sql: string }>)
      .map((x) => `${x.sql.trim()};`)
      .join('\n\n');
    r.db.close();
    const snapshotFile = join(import.meta.dirname, '../../electron/backend/db/schema.snapshot.sql');
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) writeFileSync(snapshotFile, `${schema}\n`);
    expect(`${schema}\n`).toBe(readFileSync(snapshotFile, 'utf8'));
  });
});
