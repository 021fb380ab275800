import { AppError } from '../domain/errors';
import { plainIssue } from '../domain/field-labels';

/**
 * Input guards shared by the estimators. They throw AppError('INVALID_INPUT') naming the field,
 * so the CLI can say which flag was wrong and the UI which box; the contract's zod schemas
 * should catch these first, this is the second line.
 */
export function invalid(field: string, message: string): AppError {
  // A predicate on a planner's own field ("must be ...", "is required ...") reads after the
  // field's plain name, so the contract's name never reaches the Plan screens; a sentence of its
  // own ("owned excludes ...") and a path into a list ("items[2].date", whose index says which
  // line) keep theirs.
  const text = /^(must|is|are) /.test(message) && /^[A-Za-z0-9]+$/.test(field) ? plainIssue(field, message) : `${field} ${message}`;
  return new AppError('INVALID_INPUT', text, { issues: [{ path: field, message }] });
}

export function requirePositive(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw invalid(field, `must be a positive number, got ${String(value)}`);
  return value;
}

export function requireNonNegative(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(field, `must be zero or a positive number, got ${String(value)}`);
  return value;
}

export function requirePositiveInteger(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(field, `must be a whole number of at least 1, got ${String(value)}`);
  return value;
}

export function requireFraction(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) throw invalid(field, `must be in (0, 1], got ${String(value)}`);
  return value;
}
