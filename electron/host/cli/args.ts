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
    const { values, positionals } = parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
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

/**
 * `--budget -5` (or `--amount -€20`) would read as two options; join it to `--budget=-5` so the
 * flag's own validation explains what is wrong with the value.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d|^-\.\d|^-[€£$¥₹]|^-(inf|nan)/i.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
