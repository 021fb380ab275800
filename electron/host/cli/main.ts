import { APP_VERSION } from '../../backend/version';
import { commands } from './commands';
import { EXIT, processIo, type CliIo } from './io';
import { runCommand } from './run-command';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `tally ${APP_VERSION}: plan, track, evaluate and check machine-learning compute spend, offline.`,
    '',
    'usage: tally <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "tally <command> --help" for its options. Every command that reads data takes --data-dir DIR',
    '(or TALLY_DATA_DIR); --json prints one JSON object for scripts. Exit codes: 0 ok, 1 failed, 2 bad input.',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. Never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`tally: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    return EXIT.usage;
  }
  return runCommand(command, rest, io);
}
