import { parseQuantity, type QuantityOptions } from '../../../../shared/domain/quantity';
import { fieldLabel, fieldOfPath } from '../../../../shared/domain/field-labels';
import type { Input, Output, ProcedureName } from '../../../../shared/contract';
import type { Backend } from '../../../backend/create-backend';
import { stringFlag, type Parsed } from '../args';
import { CliError, EXIT } from '../io';

/**
 * Flag reading shared by `tally estimate` and `tally catalog`: quantities in any spelling
 * shared/domain/quantity.ts accepts, choices from a fixed list, and backend errors rewritten so
 * they name the flag the user typed rather than the contract field.
 */
export function quantity(p: Parsed, flag: string, options: QuantityOptions = {}): number | undefined {
  const raw = stringFlag(p, flag);
  if (raw === undefined) return undefined;
  const r = parseQuantity(raw, `--${flag}`, options);
  if (!r.ok) throw new CliError(r.message);
  return r.value;
}

export function requiredQuantity(p: Parsed, flag: string, usage: string, options: QuantityOptions = {}): number {
  const v = quantity(p, flag, options);
  if (v === undefined) throw new CliError(`missing --${flag}\nusage: ${usage}`);
  return v;
}

export const count = (p: Parsed, flag: string) => quantity(p, flag, { integer: true });

export function choice<T extends string>(p: Parsed, flag: string, allowed: readonly T[]): T | undefined {
  const raw = stringFlag(p, flag);
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)})`);
  return raw as T;
}

/** Drops undefined values so optional flags stay absent from the request. */
export function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Calls a procedure; on INVALID_INPUT the field the first issue names becomes its flag:
 * "Price per GPU-hour: must be ..." prints as "--price-per-gpu-hour: must be ...". `flags` maps
 * paths whose flag is not simply the kebab-case field name.
 */
export async function callWithFlags<N extends ProcedureName>(backend: Backend, name: N, input: Input<N>, flags: Record<string, string> = {}): Promise<Output<N>> {
  const r = await backend.dispatch(name, input);
  if (r.ok) return r.value as Output<N>;
  if (r.error.code !== 'INVALID_INPUT') throw new CliError(r.error.message, EXIT.failed);
  const path = r.error.issues?.[0]?.path;
  if (!path) throw new CliError(r.error.message);
  const flag = flags[path] ?? `--${kebab(fieldOfPath(path))}`;
  // The flag replaces the field's name at the head of the message: its plain name from a schema
  // error ("Price per GPU-hour: ..."), or the contract path from the estimator ("pue must be ...").
  const label = `${fieldLabel(path)}: `;
  const field = fieldOfPath(path);
  let detail = r.error.message;
  if (detail.startsWith(label)) detail = detail.slice(label.length);
  else if (detail.startsWith(path)) detail = detail.slice(path.length).replace(/^:?\s*/, '');
  else if (detail.startsWith(`${field} `)) detail = detail.slice(field.length + 1);
  throw new CliError(`${flag}: ${detail}`);
}
