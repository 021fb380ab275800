import { randomBytes } from 'node:crypto';
import type { TrackingSetEnabledInput, TrackingStatus } from '../../shared/contract/tracking';
import { AppError } from '../../shared/domain/errors';
import type { Backend } from '../backend/create-backend';
import type { TrackingControl } from '../backend/tracking/tracking-control';
import type { TrackingStore } from '../backend/tracking/tracking-store';
import { startTrackingServer, type TrackingServer } from './tracking-server';

export interface HostTrackingOptions {
  /** How the MLflow routes reach this backend's runs store. */
  storeFor: (backend: Backend) => TrackingStore;
  /** The token clients must send; one per launch unless given (TALLY_TOKEN). */
  token?: string;
  /** The port to use when setEnabled names none; 0 or absent: a free one. */
  port?: number;
}

const LISTENER_NOTE = '(MLflow tracking API, token required)';

/**
 * The tracking API switch a listening host gives its backend: setEnabled starts or stops the
 * loopback listener (one at a time, calls queued), status tells the Settings page what to show.
 */
export function hostTrackingControl(opts: HostTrackingOptions): (backend: Backend) => TrackingControl {
  return (backend) => {
    const token = opts.token ?? randomBytes(24).toString('base64url');
    let server: TrackingServer | null = null;
    let lastPort = opts.port ?? 0;
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
      announce();
      return status();
    }

    const serialized = <T>(work: () => Promise<T>): Promise<T> => {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    };

    return {
      status,
      setEnabled: (input) => serialized(() => apply(input)),
      stop: () => serialized(stopNow),
    };
  };
}
