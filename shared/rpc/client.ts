import { AppError } from '../domain/errors';
import type { Input, Output, ProcedureName } from '../contract';
import type { AppEvent } from '../contract/events';
import type { RpcResult } from './result';

/** A transport moves one call and its result; it never throws for application errors. */
export interface Transport {
  call(name: string, input: unknown): Promise<RpcResult<unknown>>;
  /** `onGap` is called when events may have been missed (the stream dropped and reconnected). */
  subscribe(listener: (event: AppEvent) => void, onGap?: () => void): () => void;
}

export interface Client {
  /** Returns the result value, or rejects with an AppError carrying the stable code. */
  call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>>;
  /** The raw result, for callers that branch on codes without try/catch. */
  result<N extends ProcedureName>(name: N, input: Input<N>): Promise<RpcResult<Output<N>>>;
  subscribe(listener: (event: AppEvent) => void, onGap?: () => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async result(name, input) {
      return (await transport.call(name, input)) as RpcResult<never>;
    },
    async call(name, input) {
      const r = await transport.call(name, input);
      if (r.ok) return r.value as never;
      throw new AppError(r.error.code, r.error.message, {
        ...(r.error.issues ? { issues: r.error.issues } : {}),
        ...(r.error.location ? { location: r.error.location } : {}),
      });
    },
    subscribe: (l, onGap) => transport.subscribe(l, onGap),
  };
}
