/**
 * Entry of the analysis worker PROCESS, started by run-analysis.ts with child_process.fork (its
 * messages arrive through process.send / 'message') or, in the desktop app, as an Electron utility
 * process (through process.parentPort, whose message events carry the data in `.data`).
 * It receives one request, streams progress (at most ~10 messages a second), sends the result
 * or an error, and exits. Anything thrown that is not an AppError is reported as INTERNAL with a
 * generic message; a hard crash (exit, signal, out of memory) is seen by the parent.
 *
 * Test hooks (read only here): TALLY_ANALYSIS_TEST_CRASH=exit makes the process exit with code
 * 137 after its first progress message, =throw throws an uncaught error before any work, =stall
 * sends one progress message and then keeps working forever (a long analysis, for tests of
 * cancelling, queueing and orphaned workers).
 *
 * A worker never outlives its parent: when the parent dies (kill -9 of the CLI or the server) the
 * IPC channel closes ('disconnect') and the process is re-parented (ppid changes); either way it
 * stops, instead of reading a large file at 100% CPU for nobody.
 */
import { isAppError } from '../../../shared/domain/errors';
import { analyzeRequest } from './analyze-request';
import type { AnalysisProgress, WorkerMessage } from './analysis-types';
import type { WorkerRequest } from './worker-request';

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

const parentPid = process.ppid;
function exitOrphaned(): never {
  process.stderr.write('tally analysis worker: the app that started it has gone; stopping.\n');
  process.exit(1);
}
if (!parentPort) process.on('disconnect', () => (finished ? undefined : exitOrphaned()));
// Utility processes have no disconnect event: watch for being re-parented instead.
setInterval(() => {
  if (process.ppid !== parentPid) exitOrphaned();
}, 500).unref();
let finished = false;

/** Busy for ever, yielding to the event loop between slices as a real read does. */
async function stall(request: WorkerRequest): Promise<never> {
  await send({ type: 'progress', progress: { phase: 'reading', file: request.file, rows: 0, bytes: 0, totalBytes: 1 } });
  const keepAlive = setInterval(() => undefined, 1000);
  for (;;) {
    const until = Date.now() + 20;
    while (Date.now() < until) Math.sqrt(Math.random());
    await new Promise((r) => setTimeout(r, 5));
    void keepAlive;
  }
}

async function run(request: WorkerRequest): Promise<void> {
  if (crashMode === 'throw') throw new Error('test crash requested');
  if (crashMode === 'stall') await stall(request);
  let lastSent = 0;
  let lastPhase = '';
  const onProgress = (progress: AnalysisProgress): void => {
    const now = Date.now();
    // At most ~10 a second per phase, but a phase's last word (all bytes read) always goes out.
    const complete = progress.totalBytes > 0 && progress.bytes >= progress.totalBytes;
    if (progress.phase === lastPhase && now - lastSent < 100 && !complete) return;
    lastSent = now;
    lastPhase = progress.phase;
    void send({ type: 'progress', progress });
    if (crashMode === 'exit') process.exit(137);
  };
  try {
    // The evaluation modules load only for an evaluation: building their number formats and
    // tables at start was a few ms of every check's worker.
    const result = request.kind === 'evaluate' ? await (await import('./evaluate/evaluate-request')).evaluateRequest(request, onProgress) : await analyzeRequest(request, onProgress);
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
  finished = true;
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
