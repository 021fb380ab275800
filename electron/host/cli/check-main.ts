/**
 * `tally check` on its own: the same command as main.ts runs, loading only the modules it needs.
 * bin/tally.js loads this bundle when the first argument is `check`: importing every command (the
 * projects database, the servers, every contract schema) cost about 0.1 CPU-s of each check's
 * start-up, a share that counts against the CPU seconds of a 5M-row check.
 */
import { checkCommand } from './commands/check.command';
import { processIo, type CliIo } from './io';
import { runCommand } from './run-command';

/** argv as main() takes it, starting with `check`. */
export function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runCommand(checkCommand, argv.slice(1), io);
}
