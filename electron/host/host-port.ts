import type { Backend } from '../backend/create-backend';
import { getSetting, setSetting } from '../backend/db/repositories/settings.repository';
import { startHttpHost, type HttpHost, type HttpHostOptions } from './http-host';

/**
 * The browser host's port, kept per data folder. A browser keeps a page's drafts (wizard answers)
 * per address, and the address includes the port: a host on a new random port each launch would
 * show none of the drafts of the last one. So the first launch takes a free port and remembers
 * it, later launches reuse it, and when it is taken (another Tally on this folder, another
 * program) a free one is used for this launch only, with a note saying why the address changed.
 * The token is still new each launch: the stable address opens nothing without it.
 */
const SETTING = 'host.port';

function rememberedPort(backend: Backend): number | null {
  try {
    const raw = getSetting(backend.context.db, SETTING);
    const n = raw === null ? NaN : Number(raw);
    return Number.isInteger(n) && n > 0 && n <= 65535 ? n : null;
  } catch {
    return null;
  }
}

function remember(backend: Backend, port: number): void {
  try {
    setSetting(backend.context.db, SETTING, String(port));
  } catch (e) {
    // A read-only (damaged) workspace cannot remember the port; this launch still serves.
    backend.context.logger.warn('could not save the browser host port', (e as Error).message);
  }
}

export interface HostOnPort {
  host: HttpHost;
  /** Why the address differs from last time, in plain words; null when it does not. */
  note: string | null;
}

/**
 * Starts the host on `port` when one is given (0: any free port, not remembered; N: that port,
 * remembered for next time), else on the folder's remembered port, falling back to a free one.
 */
export async function startOnStablePort(opts: Omit<HttpHostOptions, 'port'> & { port?: number }): Promise<HostOnPort> {
  const { backend } = opts;
  if (opts.port !== undefined) {
    const host = await startHttpHost(opts);
    if (opts.port !== 0) remember(backend, host.port);
    return { host, note: null };
  }
  const last = rememberedPort(backend);
  if (last === null) {
    const host = await startHttpHost({ ...opts, port: 0 });
    remember(backend, host.port);
    return { host, note: null };
  }
  try {
    return { host: await startHttpHost({ ...opts, port: last }), note: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
  }
  const host = await startHttpHost({ ...opts, port: 0 });
  return {
    host,
    note: `Port ${last}, which this data folder used last time, is taken (another Tally serving it, or another program), so Tally is on port ${host.port} for now. Drafts your browser kept at the old address show only there; the next start tries port ${last} again.`,
  };
}
