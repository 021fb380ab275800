import type { CliIo } from '../io';

/** One top-level CLI command. `run` returns the exit code; throw CliError for a one-line failure. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
