import type { CliIo } from '../io';

/** One top-level CLI command. `run` returns the exit code; throw CliError for a one-line failure. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The usage of a subcommand (`tally estimate training --help`); absent: `usage`. */
  usageFor?(args: string[]): string;
  run(args: string[], io: CliIo): Promise<number>;
}
