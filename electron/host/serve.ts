import { createBackend } from '../backend/create-backend';
import { startHttpHost, type HttpHost } from './http-host';
import { RENDERER_DIST } from './paths';

export interface ServeOptions {
  dataDir: string;
  port?: number;
  token?: string;
  staticRoot?: string;
}

/** Opens the workspace and serves it over the browser host. Closing closes both. */
export async function serve(opts: ServeOptions): Promise<HttpHost> {
  const backend = createBackend({ dataDir: opts.dataDir, host: 'browser' });
  try {
    const host = await startHttpHost({
      backend,
      staticRoot: opts.staticRoot ?? RENDERER_DIST,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.token ? { token: opts.token } : {}),
    });
    return {
      ...host,
      close: async () => {
        await host.close();
        backend.close();
      },
    };
  } catch (e) {
    backend.close();
    throw e;
  }
}
