import { randomUUID } from 'node:crypto';
import type { WorkerLauncher } from './analysis/worker-launcher';
import { join } from 'node:path';
import { contract, isProcedureName } from '../../shared/contract';
import type { AppEvent } from '../../shared/contract/events';
import { PROCEDURES_WHILE_DAMAGED } from '../../shared/contract/system';
import { createDispatcher, type Dispatch } from '../../shared/rpc/dispatcher';
import { fail } from '../../shared/rpc/result';
import type { BackendContext, HostKind, Logger } from './context';
import { openDatabase } from './db/connection';
import { NO_SESSION, openSession } from './db/sessions';
import { storageError } from './db/storage-errors';
import { workspaceWriteProblem, writeProblemNow } from './db/writable';
import { damagedMessage, dailyBackup } from './services/database.service';
import { EventHub } from './events';
import { handlers } from './handlers';
import { stopTrackEvents } from './services/track-events';
import { flushGroupWrites } from './services/write-queue';
import { stopBackgroundTasks } from './services/background-tasks';
import { APP_VERSION } from './version';
import type { TrackingControl } from './tracking/tracking-control';

export const DB_FILE_NAME = 'tally.db';

export interface BackendOptions {
  dataDir: string;
  host: HostKind;
  clock?: () => Date;
  logger?: Logger;
  /** Check every handler output against the contract (tests, development). */
  validateOutput?: boolean;
  newId?: () => string;
  /** How analysis worker processes start (Electron main passes one built on utilityProcess). */
  analysisLauncher?: WorkerLauncher;
  /** Run the full integrity_check at start instead of quick_check. */
  fullCheck?: boolean;
  /** A host that can listen gives the backend its MLflow tracking API switch (Settings). */
  trackingControl?: (backend: Backend) => TrackingControl;
}

export interface Backend {
  dispatch: Dispatch;
  subscribe(listener: (e: AppEvent) => void): () => void;
  /** Hosts announce their listeners (e.g. "http://127.0.0.1:5173") for the Settings page. */
  setListeners(listeners: string[]): void;
  readonly context: BackendContext;
  close(): void;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.error(`[tally] ${m}`, d ?? ''),
  warn: (m, d) => console.error(`[tally] warning: ${m}`, d ?? ''),
  error: (m, d) => console.error(`[tally] error: ${m}`, d ?? ''),
};

/**
 * The composition root of the backend. Runs under Electron main, the browser host, the CLI and
 * the tests alike; it never imports 'electron'. Throws AppError when the database is refused.
 */
export function createBackend(opts: BackendOptions): Backend {
  const clock = opts.clock ?? (() => new Date());
  const logger = opts.logger ?? consoleLogger;
  const dbPath = join(opts.dataDir, DB_FILE_NAME);
  // A workspace that cannot be written is opened read-only: shown, never changed.
  const readOnly = workspaceWriteProblem(dbPath);
  // A previous process that never closed the database (kill -9, crash, power cut) earns the full
  // integrity check instead of the quick one.
  const session = readOnly ? NO_SESSION : openSession(opts.dataDir);
  const unclean = session.stale.length > 0;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(dbPath, { appVersion: APP_VERSION, now: clock, fullCheck: opts.fullCheck === true || unclean, ...(readOnly ? { readOnly } : {}) });
  } catch (e) {
    session.close();
    throw storageError(e, dbPath) ?? e;
  }
  if (opened.integrity.ok && unclean) session.clearStale();
  if (opened.backupPath) logger.info(`backed up the database before migrating: ${opened.backupPath}`);
  if (!opened.integrity.ok) logger.error(`the database failed its ${opened.integrity.mode} check and was opened read-only`, opened.integrity.problems);
  const hub = new EventHub();
  const ctx: BackendContext = {
    db: opened.db,
    health: {
      status: opened.integrity.ok ? 'ok' : 'damaged',
      mode: opened.integrity.mode,
      reason: opts.fullCheck ? 'asked' : unclean ? 'unclean-shutdown' : 'start-up',
      problems: opened.integrity.problems,
      checkedAt: clock().toISOString(),
    },
    readOnly,
    dataDir: opts.dataDir,
    dbPath,
    appVersion: APP_VERSION,
    schemaVersion: opened.schemaVersion,
    host: opts.host,
    listeners: [],
    clock,
    logger,
    emit: (e) => hub.emit(e, (err) => logger.error('event listener failed', err)),
    newId: opts.newId ?? (() => randomUUID()),
    ...(opts.analysisLauncher ? { analysisLauncher: opts.analysisLauncher } : {}),
  };
  const dispatchAny = createDispatcher(contract, handlers, ctx, {
    validateOutput: opts.validateOutput ?? false,
    onInternalError: (name, err) => logger.error(`procedure ${name} failed`, err instanceof Error ? err.stack : err),
    mapError: (name, err) => {
      const known = storageError(err, ctx.dbPath);
      if (known) logger.error(`procedure ${name} failed: ${known.code}`, err instanceof Error ? err.stack : err);
      return known;
    },
  });
  // Nothing reads or writes project data while the file is damaged: mangled values would be shown
  // as real, and writes would bury the damage deeper.
  // A read-only workspace answers every question and refuses every change, saying why; so does
  // one whose file was made read-only since it was opened (until it is writable again).
  const dispatch: Dispatch = (name, input) => {
    if (ctx.health.status === 'damaged' && !PROCEDURES_WHILE_DAMAGED.has(name)) return Promise.resolve(fail({ code: 'DB_DAMAGED', message: damagedMessage(ctx) }));
    if (isProcedureName(name) && contract[name].kind === 'mutation' && name !== 'system.checkDatabase') {
      if (ctx.readOnly) {
        return Promise.resolve(fail({ code: 'READ_ONLY', message: `This workspace is read-only: ${ctx.readOnly}. Tally can show it but not change it; make ${ctx.dbPath} writable to make changes.` }));
      }
      const now = writeProblemNow(ctx.dbPath);
      if (now) return Promise.resolve(fail({ code: 'READ_ONLY', message: `${now}. Nothing was changed; Tally can still show everything. Make the file writable again to make changes.` }));
    }
    return dispatchAny(name, input);
  };
  if (!readOnly && (opts.host === 'electron' || opts.host === 'browser')) {
    const copy = dailyBackup(ctx);
    if (copy) logger.info(`wrote the daily backup: ${copy}`);
  }
  let closed = false;
  const backend: Backend = {
    dispatch,
    subscribe: (l) => hub.subscribe(l),
    setListeners: (l) => {
      ctx.listeners = l;
    },
    context: ctx,
    close() {
      if (closed) return;
      closed = true;
      // Running analyses are child processes reading user files: stop them before the database
      // goes, so none of them tries to store a result into a closed file.
      // Tracking writes waiting for their group commit run now: none is left unwritten.
      flushGroupWrites(ctx);
      stopTrackEvents(ctx);
      stopBackgroundTasks(ctx);
      ctx.db.close();
      session.close();
    },
  };
  if (opts.trackingControl) ctx.trackingControl = opts.trackingControl(backend);
  return backend;
}
