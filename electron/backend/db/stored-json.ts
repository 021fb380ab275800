import type { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';

/**
 * A value read back from a row, checked against the contract schema it was written with: one
 * that no longer fits (a damaged row, a file written by another version) is refused with what
 * and where, instead of travelling on as a wrong type. `what` names the value for the message,
 * e.g. "options of check run 7f3c".
 */
export function checkStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new AppError('DB_UNREADABLE', `The stored ${what} does not match this version of Tally (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}).`);
  }
  return r.data;
}

/** JSON text of a row, parsed and then checked as `checkStored` does. */
export function parseStored<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  return checkStored(schema, readJson(text, what), what);
}

/** JSON text of a row; text that is not JSON is a damaged row, said as such. */
export function readJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('DB_UNREADABLE', `The stored ${what} is not readable JSON; the row is damaged.`);
  }
}
