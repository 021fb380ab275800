/**
 * One command run as the `tally` command runs it: `--help` prints its usage, a CliError becomes
 * its message and exit code, anything else an internal error. Shared by main.ts (every command)
 * and the one-command entries eval-main.ts and check-main.ts, so all answer alike.
 */
import type { Command } from './commands/command';
import { CliError, EXIT, type CliIo } from './io';

/** Runs `command` with the arguments after its name and returns the exit code. Never throws. */
export async function runCommand(command: Command, rest: string[], io: CliIo): Promise<number> {
  const name = command.name;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nusage: ${command.usageFor?.(rest) ?? command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`tally ${name}: ${e.message}`);
      return e.exitCode;
    }
    io.err(`tally ${name}: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (io.env.TALLY_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT.failed;
  }
}
