/**
 * How the analysis worker process is started. The browser host, the CLI and the tests use
 * child_process.fork (forkLauncher). Electron's main process cannot: the packaged app flips the
 * RunAsNode fuse off, and fork() from Electron main depends on ELECTRON_RUN_AS_NODE, so the
 * desktop app passes a launcher built on utilityProcess (electron/main/analysis-launcher.ts).
 * The backend never imports 'electron'; it only sees this interface.
 */
import { fork } from 'node:child_process';

export interface WorkerChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The process ended (by itself, by kill, or crashed). */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** It could not be started or reached. */
  onError(listener: (error: Error) => void): void;
  onStderr(listener: (chunk: string) => void): void;
  /** Stop it now (cancel). */
  kill(): void;
  /** The result or error has arrived: let the process go (a forked worker exits by itself). */
  release(): void;
}

export interface LaunchOptions {
  execArgv: string[];
  env: Record<string, string | undefined>;
}

export type WorkerLauncher = (entry: string, options: LaunchOptions) => WorkerChannel;

export const forkLauncher: WorkerLauncher = (entry, options) => {
  const child = fork(entry, [], {
    execArgv: options.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: options.env,
  });
  return {
    send: (m) => child.send(m as never),
    onMessage: (l) => child.on('message', l),
    // 'close', not 'exit': it comes after the child's stderr is fully read, so a crash report is whole.
    onExit: (l) => child.on('close', l),
    onError: (l) => child.on('error', l),
    onStderr: (l) => child.stderr?.on('data', (chunk: Buffer) => l(chunk.toString('utf8'))),
    kill: () => child.kill('SIGKILL'),
    release: () => {},
  };
};
