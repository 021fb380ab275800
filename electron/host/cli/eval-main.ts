/**
 * `tally eval` on its own: the same command as main.ts runs, loading only the modules it needs.
 * bin/tally.js loads this bundle when the first argument is `eval`, because importing every
 * command (the projects database, the servers, every contract schema) took about 0.1 CPU-s of
 * each evaluation's start-up, a share that counts on a 10M-row file read in about 2 CPU-s.
 */
import { evalCommand } from './commands/eval.command';
import { processIo, type CliIo } from './io';
import { runCommand } from './run-command';

/** argv as main() takes it, starting with `eval`. */
export function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runCommand(evalCommand, argv.slice(1), io);
}
