/**
 * The desktop app's way to start the analysis worker: an Electron utility process. fork() from
 * Electron main needs ELECTRON_RUN_AS_NODE, which the packaged app's RunAsNode fuse turns off
 * (electron-builder.yml), so Electron's docs point to utilityProcess for a standalone Node
 * process. The worker itself talks through process.parentPort there (analysis-worker.ts).
 * `fork` is electron's utilityProcess.fork; it is a parameter so the adapter can be tested
 * without an Electron binary.
 */
import type { ForkOptions } from 'electron';
import type { WorkerLauncher } from '../backend/analysis/worker-launcher';

/** The part of Electron's UtilityProcess this adapter uses. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: string, location: string, report: string) => void): unknown;
  stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
}

export type UtilityFork = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcessLike;

export function utilityLauncher(fork: UtilityFork): WorkerLauncher {
  return (entry, options) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
    const child = fork(entry, [], { execArgv: options.execArgv, env, stdio: ['ignore', 'ignore', 'pipe'], serviceName: 'Tally analysis' });
    let exited = false;
    const exitListeners: Array<(code: number | null, signal: NodeJS.Signals | null) => void> = [];
    child.on('exit', (code) => {
      exited = true;
      for (const l of exitListeners) l(code, null);
    });
    return {
      send: (m) => child.postMessage(m),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => exitListeners.push(l),
      // A fatal V8 error (e.g. out of memory) in the utility process; its exit follows.
      onError: (l) => child.on('error', (type, location) => l(new Error(`${type} at ${location}`))),
      onStderr: (l) => child.stderr?.on('data', (chunk: Buffer | string) => l(chunk.toString())),
      kill: () => {
        if (!exited) child.kill();
      },
      // A utility process does not end when its parent stops listening: stop it once its answer is in.
      release: () => {
        if (!exited) child.kill();
      },
    };
  };
}
