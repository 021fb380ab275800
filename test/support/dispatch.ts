import type { Backend } from '../../electron/backend/create-backend';
import type { Output, ProcedureName } from '../../shared/contract';
import type { AppErrorData } from '../../shared/domain/errors';

/** Calls a procedure and returns its value, failing the test with the error code when it is refused. */
export async function dispatchOk<N extends ProcedureName>(backend: Backend, name: N, input: unknown): Promise<Output<N>> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as Output<N>;
}

/** Calls a procedure that must be refused and returns the error it carried. */
export async function dispatchErr(backend: Backend, name: ProcedureName, input: unknown): Promise<AppErrorData> {
  const r = await backend.dispatch(name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
  return r.error;
}
