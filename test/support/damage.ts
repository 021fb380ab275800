import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Overwrites the start of the b-tree page holding `table` with seeded random bytes, as a bad disk block would. */
export function damageTablePage(file: string, table: string, seed = 7): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  let x = seed;
  const junk = Buffer.alloc(256, 0).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
  const fd = openSync(file, 'r+');
  writeSync(fd, junk, 0, junk.length, (root - 1) * pageSize);
  closeSync(fd);
}
