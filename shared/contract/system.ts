import { z } from 'zod';
import { Empty } from './common';
import { mutation, query } from './define';

export const SystemInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  dbPath: z.string(),
  dbSizeBytes: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
  host: z.enum(['electron', 'browser', 'cli', 'test']),
  network: z.object({
    outboundConnections: z.literal('none'),
    statement: z.string(),
    listeners: z.array(z.string()),
  }),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const BackupInfo = z.object({
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number().int().min(0),
  modifiedAt: z.string(),
  schemaVersion: z.number().int().min(0).nullable(),
  healthy: z.boolean(),
  projects: z.number().int().min(0).nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/**
 * The database's state as the start-up check (or a later one) found it. `damaged`: the file was
 * opened read-only, nothing is written to it, and every procedure but these system ones answers
 * DB_DAMAGED until a backup is restored.
 */
export const DatabaseHealth = z.object({
  status: z.enum(['ok', 'damaged']),
  check: z.object({
    mode: z.enum(['quick', 'full']),
    /** Why the full check ran: asked for, or a previous run ended without closing the database. */
    reason: z.enum(['start-up', 'unclean-shutdown', 'asked']),
    problems: z.array(z.string()),
    checkedAt: z.string(),
  }),
  dbPath: z.string(),
  backupDir: z.string(),
  backups: z.array(BackupInfo),
});
export type DatabaseHealth = z.infer<typeof DatabaseHealth>;

export const RestoreResult = z.object({ restored: z.string(), keptAs: z.string(), health: DatabaseHealth });

export const systemContract = {
  'system.info': query(Empty, SystemInfo),
  'system.health': query(Empty, DatabaseHealth),
  'system.checkDatabase': mutation(z.object({ full: z.boolean().default(false) }).strict(), DatabaseHealth),
  'system.backupNow': mutation(Empty, z.object({ path: z.string() })),
  'system.restoreBackup': mutation(z.object({ name: z.string().min(1, 'Choose a backup').max(300) }).strict(), RestoreResult),
} as const;

/** What still answers while the database is damaged: enough to see why and to restore a backup. */
export const PROCEDURES_WHILE_DAMAGED: ReadonlySet<string> = new Set(['system.info', 'system.health', 'system.checkDatabase', 'system.restoreBackup']);
