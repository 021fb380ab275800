import type { DatabaseHealth } from '../../../shared/contract/system';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext, DbHealthState } from '../context';
import { autoBackup, backupDir, listBackups, restoreBackup } from '../db/backups';
import { openDatabase, openReadonly } from '../db/connection';
import { checkIntegrity } from '../db/integrity';
import { writeBackup } from '../db/migrate';
import { countProjects } from '../db/repositories/projects.repository';
import { flushGroupWrites } from './write-queue';

export function healthOf(ctx: BackendContext): DatabaseHealth {
  const { status, mode, reason, problems, checkedAt } = ctx.health;
  return { status, check: { mode, reason, problems, checkedAt }, dbPath: ctx.dbPath, backupDir: backupDir(ctx.dbPath), backups: listBackups(ctx.dbPath) };
}

/** The message every refused procedure carries while the file is damaged. */
export function damagedMessage(ctx: BackendContext): string {
  const backups = listBackups(ctx.dbPath).filter((b) => b.healthy);
  const first = ctx.health.problems[0] ?? 'the integrity check failed';
  const offer = backups.length
    ? `Restore a backup: ${backups.length} healthy ${backups.length === 1 ? 'copy is' : 'copies are'} in ${backupDir(ctx.dbPath)}, the newest from ${backups[0]!.modifiedAt.slice(0, 16).replace('T', ' ')} UTC (Settings > Database, or "tally db restore ${backups[0]!.name}").`
    : `There is no backup in ${backupDir(ctx.dbPath)}; copy the file somewhere safe before trying repair tools such as "sqlite3 tally.db .recover".`;
  return `Tally found damage in ${ctx.dbPath} (${first}) and opened it read-only, so nothing more is written into it. ${offer}`;
}

/** Runs the quick or full check now; a failure switches the open workspace to read-only. */
export function checkDatabase(ctx: BackendContext, full: boolean): DatabaseHealth {
  // A fresh connection reads the pages from the file, not from the open connection's page cache.
  const probe = openReadonly(ctx.dbPath);
  let report: ReturnType<typeof checkIntegrity>;
  try {
    report = checkIntegrity(probe, full ? 'full' : 'quick');
  } finally {
    probe.close();
  }
  const next: DbHealthState = { status: report.ok ? 'ok' : 'damaged', mode: report.mode, reason: 'asked', problems: report.problems, checkedAt: ctx.clock().toISOString() };
  const wasOk = ctx.health.status === 'ok';
  if (!report.ok && wasOk) reopen(ctx, true);
  ctx.health = next;
  if (!report.ok && wasOk) ctx.emit({ type: 'database.changed', payload: { status: 'damaged' } });
  else if (report.ok) ctx.emit({ type: 'system.changed', payload: { change: 'checked' } });
  return healthOf(ctx);
}

export function backupNow(ctx: BackendContext): { path: string } {
  if (ctx.health.status === 'damaged') throw new AppError('DB_DAMAGED', damagedMessage(ctx));
  const stamp = ctx.clock().toISOString().replace(/[:.]/g, '-');
  const path = writeBackup(ctx.dbPath, `${backupDir(ctx.dbPath)}/tally.db.manual.${stamp}.bak`);
  ctx.emit({ type: 'system.changed', payload: { change: 'backup' } });
  return { path };
}

/** A workspace with no project holds nothing worth a copy (a first start writes none). */
function holdsData(ctx: BackendContext): boolean {
  return countProjects(ctx.db) > 0;
}

/** The desktop app and the browser host keep one safety copy a day; the CLI does not. */
export function dailyBackup(ctx: BackendContext): string | null {
  if (ctx.health.status !== 'ok' || !holdsData(ctx)) return null;
  try {
    return autoBackup(ctx.dbPath, ctx.clock());
  } catch (e) {
    ctx.logger.warn('could not write the daily backup', (e as Error).message);
    return null;
  }
}

export function restore(ctx: BackendContext, name: string) {
  flushGroupWrites(ctx);
  ctx.db.close();
  let result: { restored: string; keptAs: string };
  try {
    result = restoreBackup(ctx.dbPath, name, ctx.clock());
  } finally {
    reopen(ctx, false);
  }
  ctx.emit({ type: 'database.changed', payload: { status: ctx.health.status } });
  return { ...result, health: healthOf(ctx) };
}

function reopen(ctx: BackendContext, readonlyOnly: boolean): void {
  if (ctx.db.open) ctx.db.close();
  if (readonlyOnly) {
    ctx.db = openReadonly(ctx.dbPath);
    return;
  }
  const opened = openDatabase(ctx.dbPath, { appVersion: ctx.appVersion, now: ctx.clock });
  ctx.db = opened.db;
  ctx.schemaVersion = opened.schemaVersion;
  ctx.health = {
    status: opened.integrity.ok ? 'ok' : 'damaged',
    mode: opened.integrity.mode,
    reason: 'start-up',
    problems: opened.integrity.problems,
    checkedAt: ctx.clock().toISOString(),
  };
}
