import type { z } from 'zod';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a set of named values',
  record: 'a set of named values',
  date: 'a date',
  nan: 'a number',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: 'must be a date like 2026-12-31',
  datetime: 'must be a date and time like 2026-12-31T09:30:00Z',
  time: 'must be a time like 09:30',
  email: 'must be an email address',
  url: 'must be a web address',
  uuid: 'must be an id like 123e4567-e89b-12d3-a456-426614174000',
};

const num = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

function tooSmall(origin: string, min: number | bigint, inclusive: boolean): string | undefined {
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    if (inclusive) return `must be at least ${num(min)}`;
    return Number(min) === 0 ? 'must be a positive number' : `must be greater than ${num(min)}`;
  }
  if (origin === 'string') return Number(min) === 1 ? 'cannot be empty' : `must be at least ${num(min)} characters long`;
  if (origin === 'array' || origin === 'set') return `needs at least ${num(min)} ${Number(min) === 1 ? 'item' : 'items'}`;
  if (origin === 'date') return 'is too early';
  return undefined;
}

function tooBig(origin: string, max: number | bigint, inclusive: boolean): string | undefined {
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return inclusive ? `must be at most ${num(max)}` : `must be less than ${num(max)}`;
  if (origin === 'string') return `must be at most ${num(max)} characters long`;
  if (origin === 'array' || origin === 'set') return `takes at most ${num(max)} ${Number(max) === 1 ? 'item' : 'items'}`;
  if (origin === 'date') return 'is too late';
  return undefined;
}

/**
 * zod's default texts ("Too small: expected number to be >0", "Invalid input: expected number,
 * received string") in words a person reads ("must be a positive number", "must be a number").
 * Passed as the parse's error map, it fills in only where a schema set no message of its own.
 * The field's plain name is put in front by plainIssue (shared/domain/field-labels.ts).
 */
export function plainZodMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const words = TYPE_WORDS[issue.expected];
      return words ? `must be ${words}` : undefined;
    }
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive === true);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive === true);
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? 'is not in the expected form';
    case 'not_multiple_of':
      return `must be a multiple of ${num(issue.divisor)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values[0])}` : `must be one of ${issue.values.map(quoted).join(', ')}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'unknown field' : 'unknown fields'} ${issue.keys.map(quoted).join(', ')}`;
    case 'invalid_union':
      return 'is not one of the accepted forms';
    case 'custom':
      return 'is not valid';
    default:
      return undefined;
  }
}
