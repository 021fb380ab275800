import { randomBytes } from 'node:crypto';
import type { TrackingSetEnabledInput, TrackingStatus } from '../../shared/contract/tracking';
import { AppError } from '../../shared/domain/errors';
import type { Backend } from '../backend/create-backend';
import type { TrackingControl } from '../backend/tracking/tracking-control';
import type { TrackingStore } from '../backend/tracking/tracking-store';
import { getSetting, setSetting } from '../backend/db/repositories/settings.repository';
import { startTrackingServer, type TrackingServer } from './tracking-server';

export interface HostTrackingOptions {
  /** How the MLflow routes reach this backend's runs store. */
  storeFor: (backend: Backend) => TrackingStore;
  /** The token clients must send (TALLY_TOKEN); absent: the workspace's own, made once and kept. */
  token?: string;
  /** The port to use when setEnabled names none; 0 or absent: a free one. */
  port?: number;
}

const LISTENER_NOTE = '(MLflow tracking API, token required)';

/**
 * Kept in the workspace so the two lines a user pasted into their training environment keep
 * working after a restart, and a switch turned on stays on.
 */
const SETTING = { token: 'tracking.token', enabled: 'tracking.enabled', port: 'tracking.port' } as const;

function remembered(backend: Backend, key: string): string | null {
  try {
    return getSetting(backend.context.db, key);
  } catch {
    return null;
  }
}

function remember(backend: Backend, key: string, value: string): void {
  try {
    setSetting(backend.context.db, key, value);
  } catch (e) {
    // A read-only (damaged) workspace cannot remember; the switch still works for this launch.
    backend.context.logger.warn(`could not save the tracking setting ${key}`, (e as Error).message);
  }
}

/** The workspace's token: made on first use with 24 random bytes, then reused. */
function workspaceToken(backend: Backend): string {
  const known = remembered(backend, SETTING.token);
  if (known) return known;
  const token = randomBytes(24).toString('base64url');
  remember(backend, SETTING.token, token);
  return token;
}

/**
 * The tracking API switch a listening host gives its backend: setEnabled starts or stops the
 * loopback listener (one at a time, calls queued), status tells the Settings page what to show.
 */
export function hostTrackingControl(opts: HostTrackingOptions): (backend: Backend) => TrackingControl {
  return (backend) => {
    const token = opts.token ?? workspaceToken(backend);
    let server: TrackingServer | null = null;
    let lastPort = opts.port ?? Number(remembered(backend, SETTING.port) ?? 0);
    let queue: Promise<unknown> = Promise.resolve();

    const announce = () => {
      const others = backend.context.listeners.filter((l) => !l.endsWith(LISTENER_NOTE));
      backend.setListeners(server ? [...others, `${server.url} ${LISTENER_NOTE}`] : others);
    };

    const status = (): TrackingStatus =>
      server
        ? { available: true, enabled: true, url: server.url, port: server.port, envLines: [...server.envLines] }
        : { available: true, enabled: false, url: null, port: null, envLines: [] };

    async function stopNow() {
      const s = server;
      server = null;
      announce();
      if (s) await s.close();
    }

    async function apply(input: TrackingSetEnabledInput): Promise<TrackingStatus> {
      const port = input.port || lastPort;
      if (!input.enabled) {
        await stopNow();
        remember(backend, SETTING.enabled, '0');
        return status();
      }
      if (server && (!input.port || input.port === server.port)) return status();
      await stopNow();
      try {
        server = await startTrackingServer({ store: opts.storeFor(backend), logger: backend.context.logger, token, port });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new AppError('CONFLICT', `Port ${port} is already in use on 127.0.0.1. Pick another port for the tracking API.`, { location: { field: 'port' } });
        }
        throw e;
      }
      lastPort = server.port;
      remember(backend, SETTING.enabled, '1');
      remember(backend, SETTING.port, String(server.port));
      announce();
      return status();
    }

    /** At start: turn the API back on when it was on when the app last closed. */
    async function resume(): Promise<TrackingStatus> {
      if (remembered(backend, SETTING.enabled) !== '1') return status();
      try {
        return await apply({ enabled: true, port: lastPort });
      } catch (e) {
        backend.context.logger.warn('the tracking API was on last time but could not start again', (e as Error).message);
        return status();
      }
    }

    const serialized = <T>(work: () => Promise<T>): Promise<T> => {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    };

    return {
      status,
      setEnabled: (input) => serialized(() => apply(input)),
      resume: () => serialized(resume),
      stop: () => serialized(stopNow),
    };
  };
}
