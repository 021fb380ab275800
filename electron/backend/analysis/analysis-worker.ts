/**
 * Entry of the analysis worker PROCESS, started by run-analysis.ts with child_process.fork (its
 * messages arrive through process.send / 'message') or, in the desktop app, as an Electron utility
 * process (through process.parentPort, whose message events carry the data in `.data`).
 * It receives one request, streams progress (at most ~10 messages a second), sends the result
 * or an error, and exits. Anything thrown that is not an AppError is reported as INTERNAL with a
 * generic message; a hard crash (exit, signal, out of memory) is seen by the parent.
 *
 * Test hooks (read only here): TALLY_ANALYSIS_TEST_CRASH=exit makes the process exit with code
 * 137 after its first progress message, =throw throws an uncaught error before any work.
 */
import { isAppError } from '../../../shared/domain/errors';
import { analyzeRequest } from './analyze-request';
import type { AnalysisProgress, WorkerMessage } from './analysis-types';
import type { WorkerRequest } from './worker-request';
import { evaluateRequest } from './evaluate/evaluate-request';

const crashMode = process.env.TALLY_ANALYSIS_TEST_CRASH;

/** Electron's utility-process side of the channel (absent under plain Node). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function send(message: WorkerMessage<unknown>): Promise<void> {
  return new Promise((resolve) => {
    if (parentPort) {
      parentPort.postMessage(message);
      return resolve();
    }
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function run(request: WorkerRequest): Promise<void> {
  if (crashMode === 'throw') throw new Error('test crash requested');
  let lastSent = 0;
  let lastPhase = '';
  const onProgress = (progress: AnalysisProgress): void => {
    const now = Date.now();
    if (progress.phase === lastPhase && now - lastSent < 100) return;
    lastSent = now;
    lastPhase = progress.phase;
    void send({ type: 'progress', progress });
    if (crashMode === 'exit') process.exit(137);
  };
  try {
    const result = request.kind === 'evaluate' ? await evaluateRequest(request, onProgress) : await analyzeRequest(request, onProgress);
    await send({ type: 'result', result });
  } catch (e) {
    if (isAppError(e)) await send({ type: 'error', error: e.toJSON() });
    else {
      console.error(e);
      await send({ type: 'error', error: { code: 'INTERNAL', message: 'The analysis failed unexpectedly. The file was not changed; please report this problem.' } });
    }
  }
  // A forked worker ends by closing its channel (send() waited for each message to be written).
  // A utility process is stopped by its parent once the answer is in (WorkerChannel.release):
  // postMessage has no completion callback, so closing here could drop the answer.
  if (!parentPort) process.disconnect?.();
}

let started = false;
function onRequest(message: { type: 'run'; request: WorkerRequest }): void {
  if (started || message.type !== 'run') return;
  started = true;
  void run(message.request).catch((e: unknown) => {
    // Deliberately uncaught for the crash test; otherwise unreachable.
    setImmediate(() => {
      throw e;
    });
  });
}

if (parentPort) parentPort.on('message', (event) => onRequest(event.data as { type: 'run'; request: WorkerRequest }));
else process.once('message', onRequest);
