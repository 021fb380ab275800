import type { AppErrorData } from '../domain/errors';

/** What every procedure call returns, over every transport. Errors are values, never throws. */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorData): RpcResult<never> {
  return { ok: false, error };
}
