import { plainIssue } from './field-labels';

/**
 * Stable error codes that cross every boundary (IPC, HTTP, CLI). The UI and scripts branch on the
 * code, never on the message text. Add codes; never rename or reuse one.
 */
export const ERROR_CODES = [
  'UNKNOWN_PROCEDURE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'DB_NEWER_THAN_APP',
  'MIGRATION_EDITED',
  'DB_UNREADABLE',
  'FILE_NOT_FOUND',
  'FILE_CHANGED',
  'PARSE_ERROR',
  'UNSUPPORTED',
  'CANCELLED',
  'WORKER_CRASHED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'DB_DAMAGED',
  'READ_ONLY',
  /** The disk (or the database's own size limit) is full: the change was not saved. */
  'DISK_FULL',
  /** The operating system reported a read or write error on the database file. */
  'IO_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in a user's input a problem sits: a field path, or a file position. */
export interface ErrorLocation {
  field?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The JSON-safe error that crosses the boundary. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Field-level problems (from zod) or a file position, when known. */
  issues?: Array<{ path: string; message: string }>;
  location?: ErrorLocation;
}

/**
 * The one error type our code throws on purpose. Its message is written for the user: it says
 * what went wrong and where, and is shown as is.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: AppErrorData['issues'];
  readonly location?: ErrorLocation;

  constructor(code: ErrorCode, message: string, extra: { issues?: AppErrorData['issues']; location?: ErrorLocation } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.issues) this.issues = extra.issues;
    if (extra.location) this.location = extra.location;
  }

  toJSON(): AppErrorData {
    const out: AppErrorData = { code: this.code, message: this.message };
    if (this.issues) out.issues = this.issues;
    if (this.location) out.location = this.location;
    return out;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Bad input at `path` (a field path such as "patch.endDate"), in the shape the dispatcher gives
 * schema errors: the message names the field in plain words ("End date: ...", field-labels.ts),
 * and the path travels in `issues` and `location.field`, so a form puts the message next to its
 * own field and the CLI names its flag. `issue` is a shorter text for that field when the message
 * says more.
 */
export function invalidInput(path: string, message: string, extra: { issue?: string; location?: Omit<ErrorLocation, 'field'> } = {}): AppError {
  return new AppError('INVALID_INPUT', plainIssue(path, message), { issues: [{ path, message: extra.issue ?? message }], location: { ...extra.location, field: path } });
}

/**
 * "No <entity> with id <id>." plus a hint on why (e.g. "It may have been deleted."); `field` is the
 * input field that named it.
 */
export function notFound(entity: string, id: string, extra: { field?: string; hint?: string } = {}): AppError {
  return new AppError('NOT_FOUND', `No ${entity} with id ${id}.${extra.hint ? ` ${extra.hint}` : ''}`, extra.field ? { location: { field: extra.field } } : {});
}

/** Any thrown value as the JSON-safe error a screen shows: an AppError keeps its code, anything else is INTERNAL. */
export function asErrorData(e: unknown): AppErrorData {
  if (e instanceof AppError) return e.toJSON();
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
