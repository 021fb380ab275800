import type { z } from 'zod';
import { AppError, type AppErrorData } from '../domain/errors';
import { plainIssue } from '../domain/field-labels';
import type { ContractShape, OutputOf, ParsedInputOf } from '../contract/define';
import { plainZodMessage } from './plain-zod';
import { fail, ok, type RpcResult } from './result';

export type Handler<P, Ctx> = (input: ParsedInputOf<P>, ctx: Ctx) => OutputOf<P> | Promise<OutputOf<P>>;
export type Handlers<C extends ContractShape, Ctx> = { [K in keyof C]: Handler<C[K], Ctx> };

export interface DispatcherOptions {
  /** Receives every unexpected error with its stack; the caller gets only a generic message. */
  onInternalError?: (procedure: string, error: unknown) => void;
  /** Check handler outputs against the contract too (tests and development builds). */
  validateOutput?: boolean;
  /**
   * Turns a known failure from below the handlers (e.g. a full disk under the database) into an
   * AppError the caller can act on; null leaves it an INTERNAL error.
   */
  mapError?: (procedure: string, error: unknown) => AppError | null;
}

export type Dispatch = (name: string, input: unknown) => Promise<RpcResult<unknown>>;

export function zodIssues(error: z.ZodError): NonNullable<AppErrorData['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The only place a handler is called. Unknown name -> UNKNOWN_PROCEDURE; bad input ->
 * INVALID_INPUT with issue paths and a message naming the field in plain words; a thrown AppError -> its code and message; an error `mapError`
 * recognises -> the AppError it gives; anything else -> INTERNAL with a generic message (the
 * details go to the log, never to the UI).
 */
export function createDispatcher<C extends ContractShape, Ctx>(
  contract: C,
  handlers: Handlers<C, Ctx>,
  ctx: Ctx,
  options: DispatcherOptions = {},
): Dispatch {
  return async (name, input) => {
    if (!Object.prototype.hasOwnProperty.call(contract, name)) {
      return fail({ code: 'UNKNOWN_PROCEDURE', message: `There is no procedure named "${String(name).slice(0, 80)}".` });
    }
    const procedure = contract[name]!;
    const parsed = procedure.input.safeParse(input === undefined ? {} : input, { error: plainZodMessage });
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      const first = issues[0];
      // The message names the field in plain words; the path stays in `issues` for forms and flags.
      return fail({ code: 'INVALID_INPUT', message: first ? plainIssue(first.path, first.message) : 'The input is not valid.', issues });
    }
    try {
      const handler = handlers[name as keyof C] as Handler<C[keyof C], Ctx>;
      const value = await handler(parsed.data as ParsedInputOf<C[keyof C]>, ctx);
      if (options.validateOutput) {
        const out = procedure.output.safeParse(value);
        if (!out.success) {
          options.onInternalError?.(name, out.error);
          return fail({ code: 'INTERNAL', message: 'Tally hit an internal error. The details are in the log.' });
        }
      }
      return ok(value);
    } catch (error) {
      if (error instanceof AppError) return fail(error.toJSON());
      const known = options.mapError?.(name, error);
      if (known) return fail(known.toJSON());
      options.onInternalError?.(name, error);
      return fail({ code: 'INTERNAL', message: 'Tally hit an internal error. The details are in the log.' });
    }
  };
}
