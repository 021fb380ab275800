import { z } from 'zod';
import { invalidParameter, type MlflowError } from './mlflow-error';

/**
 * Proto JSON as MLflow's server reads it: int64 fields arrive as numbers or as strings of
 * digits (a GET query string carries everything as strings), doubles also as "NaN",
 * "Infinity" and "-Infinity", enums by name or number, repeated fields as arrays, null as
 * absent, and unknown fields are ignored (z.object strips them). Messages follow MLflow's
 * ("Missing value for required parameter 'run_id'. See the API docs ...").
 */

/** The issue message that requestError words as MLflow's "Missing value for required parameter". */
export const MISSING_MESSAGE = 'mlflow:missing';

function describe(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  return { string: 'str', number: Number.isInteger(value) ? 'int' : 'float', boolean: 'bool', object: 'dict' }[typeof value as string] ?? typeof value;
}

function invalid(ctx: z.RefinementCtx, value: unknown) {
  let shown: string;
  try {
    shown = JSON.stringify(value)?.slice(0, 100) ?? String(value);
  } catch {
    shown = String(value);
  }
  ctx.addIssue({ code: 'custom', message: `Invalid value ${shown} for parameter '{path}' supplied. Hint: Value was of type '${describe(value)}'.` });
  return z.NEVER;
}

/**
 * A scalar field. Optional: absent or null is undefined. Required: absent, null or "" is
 * MLflow's "Missing value for required parameter" (proto JSON cannot tell "" from unset).
 */
function scalar<T>(parse: (v: unknown) => T | undefined) {
  const build = (isRequired: boolean) =>
    z.unknown().transform((v, ctx): T | undefined => {
      if (v === undefined || v === null || (isRequired && v === '')) {
        if (!isRequired) return undefined;
        ctx.addIssue({ code: 'custom', message: MISSING_MESSAGE });
        return z.NEVER;
      }
      const out = parse(v);
      return out === undefined ? invalid(ctx, v) : out;
    });
  return {
    optional: () => build(false).optional(),
    required: () => build(true) as unknown as z.ZodType<T, unknown>,
  };
}

const stringField = scalar((v) => (typeof v === 'string' ? v : undefined));
/** A string field; `str(true)` when MLflow requires it. */
export function str(): ReturnType<typeof stringField.optional>;
export function str(isRequired: true): z.ZodType<string, unknown>;
export function str(isRequired = false) {
  return isRequired ? stringField.required() : stringField.optional();
}

/** int64: a safe integer as a JSON number or a string of digits. */
const int64Field = scalar((v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
});
export function int64(): ReturnType<typeof int64Field.optional>;
export function int64(isRequired: true): z.ZodType<number, unknown>;
export function int64(isRequired = false) {
  return isRequired ? int64Field.required() : int64Field.optional();
}

const SPECIAL_DOUBLES: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** double: a JSON number, a numeric string, or proto JSON's "NaN" / "Infinity" / "-Infinity". */
const doubleField = scalar((v) => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  if (Object.prototype.hasOwnProperty.call(SPECIAL_DOUBLES, v)) return SPECIAL_DOUBLES[v];
  const s = v.trim();
  return s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : undefined;
});
export function double(): ReturnType<typeof doubleField.optional>;
export function double(isRequired: true): z.ZodType<number, unknown>;
export function double(isRequired = false) {
  return isRequired ? doubleField.required() : doubleField.optional();
}

/** A proto enum: by name, or by number (also as a string of digits, as a query string has it). */
export function protoEnum<const N extends string>(values: Record<N, number>) {
  const byNumber = new Map(Object.entries(values).map(([name, n]) => [n as number, name as N]));
  return scalar((v): N | undefined => {
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(values, v)) return v as N;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    return byNumber.get(n);
  }).optional();
}

/** A repeated field: an array (or absent: empty), each element checked by `item`. */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null ? [] : v), z.array(item, { error: "Invalid value for parameter '{path}' supplied: expected a list." }));
}

/** A required message field (such as a log-inputs dataset): absent or null is "Missing value". */
export function requiredObject<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((v, ctx): z.output<T> => {
    if (v === undefined || v === null) {
      ctx.addIssue({ code: 'custom', message: MISSING_MESSAGE });
      return z.NEVER;
    }
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

/** The first problem of a failed request parse, as MLflow's 400 INVALID_PARAMETER_VALUE. */
export function requestError(error: z.ZodError): MlflowError {
  const issue = error.issues[0];
  const path = issue ? formatPath(issue.path) : '';
  const message =
    !issue || issue.message === MISSING_MESSAGE ? `Missing value for required parameter '${path}'.` : issue.message.replaceAll('{path}', path);
  return invalidParameter(`${message} See the API docs for more information about request parameters.`);
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** `{ key, value }` as in experiment and run tags and params. */
export const keyValue = z.object({ key: str(), value: str() });
