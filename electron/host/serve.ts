import type { TrackingStatus } from '../../shared/contract/tracking';
import { createBackend } from '../backend/create-backend';
import { mlflowStoreFor } from '../backend/tracking/mlflow-store';
import type { HttpHost } from './http-host';
import { startOnStablePort } from './host-port';
import { RENDERER_DIST } from './paths';
import { hostTrackingControl } from './tracking-control';

export interface ServeOptions {
  dataDir: string;
  /** 0: any free port for this launch; N: that port (kept for next time); absent: the port this data folder used last time. */
  port?: number;
  token?: string;
  staticRoot?: string;
  /** Also serve the MLflow tracking API on this port (0: a free one); absent: off until Settings turns it on. */
  trackingPort?: number;
}

export interface Served extends HttpHost {
  /** The tracking API's status once started (null when it was not asked for). */
  tracking: TrackingStatus | null;
  /** Why the address is not the one this data folder used last time; null when it is. */
  portNote: string | null;
}

/** Opens the workspace and serves it over the browser host (and the tracking API). Closing closes all. */
export async function serve(opts: ServeOptions): Promise<Served> {
  const backend = createBackend({
    dataDir: opts.dataDir,
    host: 'browser',
    trackingControl: hostTrackingControl({
      storeFor: mlflowStoreFor,
      ...(opts.token ? { token: opts.token } : {}),
      ...(opts.trackingPort !== undefined ? { port: opts.trackingPort } : {}),
    }),
  });
  const tracking = backend.context.trackingControl!;
  try {
    const { host, note } = await startOnStablePort({
      backend,
      staticRoot: opts.staticRoot ?? RENDERER_DIST,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.token ? { token: opts.token } : {}),
    });
    let status: TrackingStatus | null = null;
    try {
      if (opts.trackingPort !== undefined) status = await tracking.setEnabled({ enabled: true, port: opts.trackingPort });
      else status = (await tracking.resume()).enabled ? tracking.status() : null;
    } catch (e) {
      await host.close();
      throw e;
    }
    return {
      ...host,
      tracking: status,
      portNote: note,
      close: async () => {
        await tracking.stop();
        await host.close();
        backend.close();
      },
    };
  } catch (e) {
    await tracking.stop();
    backend.close();
    throw e;
  }
}
