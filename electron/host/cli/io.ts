/** What a command may touch, so tests run commands in-process and read what they printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the user asks a long-running command (serve, start) to stop. */
  untilStopped(): Promise<void>;
}

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * What reaches a terminal or a CI log never carries a control sequence: ESC, CR and the other
 * controls (line breaks and tabs aside) and bidi overrides are shown as escapes, whatever text
 * from a data file or a tracking client a message quotes.
 */
export function terminalSafe(t: string): string {
  // \uXXXX (not \e or \u{...}) so a --json document stays valid JSON: these characters only ever
  // occur inside its strings, where the escape reads back as the same character.
  return t.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A closed pipe (tally check ... | head -1) ends the command quietly; a full disk or another
 * write error says so in one line instead of a stack trace.
 */
function guardStream(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (name !== 'stderr') process.stderr.write(`tally: cannot write to ${name} (${e.code ?? e.message}).\n`);
    process.exit(1);
  });
}

export function processIo(): CliIo {
  guardStream(process.stdout, 'stdout');
  guardStream(process.stderr, 'stderr');
  return {
    out: (t) => process.stdout.write(terminalSafe(t.endsWith('\n') ? t : `${t}\n`)),
    err: (t) => process.stderr.write(terminalSafe(t.endsWith('\n') ? t : `${t}\n`)),
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

/** Exit codes every command keeps: scripts and CI rely on them. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A problem with what the user typed or pointed at; printed as one line, exit code 2 by default. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
