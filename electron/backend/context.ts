import type { AppEvent } from '../../shared/contract/events';
import type { Db } from './db/connection';
import type { WorkerLauncher } from './analysis/worker-launcher';
import type { TrackingControl } from './tracking/tracking-control';

export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

export type HostKind = 'electron' | 'browser' | 'cli' | 'test';

/** The last integrity check of the database file; `damaged` means it is open read-only. */
export interface DbHealthState {
  status: 'ok' | 'damaged';
  mode: 'quick' | 'full';
  reason: 'start-up' | 'unclean-shutdown' | 'asked';
  problems: string[];
  checkedAt: string;
}

/** What every service receives. No module-level state: two backends can live in one process. */
export interface BackendContext {
  /** Replaced when a backup is restored; read it at call time, never keep a copy. */
  db: Db;
  health: DbHealthState;
  /** Why the workspace cannot be written (a read-only file or folder); null when it can. */
  readOnly: string | null;
  dataDir: string;
  dbPath: string;
  appVersion: string;
  schemaVersion: number;
  host: HostKind;
  listeners: string[];
  clock: () => Date;
  logger: Logger;
  emit: (event: AppEvent) => void;
  newId: () => string;
  /** How analysis worker processes start; absent: child_process.fork. */
  analysisLauncher?: WorkerLauncher;
  /** Turns the MLflow tracking API on and off; set by a host that can listen (absent: unavailable). */
  trackingControl?: TrackingControl;
}
