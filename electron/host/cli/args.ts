import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs, with its errors turned into one-line usage errors naming the flag. */
export function parseFlags(args: string[], options: Options, usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const msg = (e as Error).message.replace(/\s*To specify a positional argument.*$/s, '');
    throw new CliError(`${msg}\nusage: ${usage}`);
  }
}

export function stringFlag(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireFlag(p: Parsed, name: string, usage: string): string {
  const v = stringFlag(p, name);
  if (v === undefined || v === '') throw new CliError(`missing --${name}\nusage: ${usage}`);
  return v;
}
