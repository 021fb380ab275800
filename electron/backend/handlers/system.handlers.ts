import { statSync } from 'node:fs';
import type { systemContract } from '../../../shared/contract/system';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { backupNow, checkDatabase, healthOf, restore } from '../services/database.service';

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export const NETWORK_STATEMENT =
  'Tally makes no network connections. It sends no telemetry and loads no fonts or scripts from the internet. Your data stays in the files listed here.';

export const systemHandlers: Handlers<typeof systemContract, BackendContext> = {
  'system.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    dataDir: ctx.dataDir,
    dbPath: ctx.dbPath,
    // The WAL holds recent writes until a checkpoint: count it so the size reflects the data kept.
    dbSizeBytes: fileSize(ctx.dbPath) + fileSize(`${ctx.dbPath}-wal`),
    schemaVersion: ctx.schemaVersion,
    host: ctx.host,
    network: { outboundConnections: 'none', statement: NETWORK_STATEMENT, listeners: ctx.listeners },
  }),
  'system.health': (_input, ctx) => healthOf(ctx),
  'system.checkDatabase': ({ full }, ctx) => checkDatabase(ctx, full),
  'system.backupNow': (_input, ctx) => backupNow(ctx),
  'system.restoreBackup': ({ name }, ctx) => restore(ctx, name),
};
