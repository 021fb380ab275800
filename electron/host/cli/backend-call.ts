import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { AppError } from '../../../shared/domain/errors';
import { createBackend, type Backend } from '../../backend/create-backend';
import { resolveDataDir } from '../data-dir';
import { CliError, EXIT, type CliIo } from './io';

/** Opens the workspace for one command and always closes it, even when the command fails. */
export async function withBackend<T>(io: CliIo, dataDirFlag: string | undefined, fn: (b: Backend) => Promise<T>): Promise<T> {
  let backend: Backend;
  try {
    backend = createBackend({ dataDir: resolveDataDir(dataDirFlag, io.env, io.cwd), host: 'cli', logger: quietLogger(io) });
  } catch (e) {
    // What the user pointed at is unusable (an empty --data-dir, a folder that cannot hold a database): exit 2.
    const unusable = e instanceof AppError && (e.code === 'INVALID_INPUT' || e.code === 'READ_ONLY');
    throw new CliError((e as Error).message, unusable ? EXIT.usage : EXIT.failed);
  }
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

function quietLogger(io: CliIo) {
  return {
    info: () => undefined,
    warn: (m: string) => io.err(`warning: ${m}`),
    error: (m: string, d?: unknown) => io.err(`error: ${m}${io.env.TALLY_DEBUG && d ? ` ${String(d)}` : ''}`),
  };
}

/** Calls a procedure; an error result becomes a one-line CliError (bad input exits 2, else 1). */
export async function call<N extends ProcedureName>(backend: Backend, name: N, input: Input<N>): Promise<Output<N>> {
  const r = await backend.dispatch(name, input);
  if (r.ok) return r.value as Output<N>;
  throw new CliError(r.error.message, r.error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.failed);
}
