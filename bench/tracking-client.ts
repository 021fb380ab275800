/**
 * One load client of bench/tracking-api.bench.ts, in its own process so the server's event loop
 * is what the bench measures. It builds its request bodies before the start signal, then sends
 * them one after another over one keep-alive connection and reports when it started and ended.
 */
import { Agent, request } from 'node:http';

export interface ClientJob {
  url: string;
  token: string;
  mode: 'log-batch' | 'round-trip';
  runId: string;
  batches: number;
  pointsPerBatch: number;
  /** Offsets the steps so repeated rounds log new points. */
  firstStep: number;
}

export interface ClientReport {
  startedAt: number;
  endedAt: number;
  requests: number;
  points: number;
  failures: number;
}

const T0 = Date.parse('2026-11-30T08:00:00.000Z');

function bodies(job: ClientJob): string[] {
  return Array.from({ length: job.batches }, (_, b) => {
    const metrics = Array.from({ length: job.pointsPerBatch }, (_, i) => {
      const step = job.firstStep + b * job.pointsPerBatch + i;
      return { key: `m${i % 10}`, value: Math.sin(step) * 100, timestamp: T0 + step, step };
    });
    return JSON.stringify({ run_id: job.runId, metrics });
  });
}

function send(agent: Agent, job: ClientJob, method: string, path: string, body?: string): Promise<number> {
  const u = new URL(job.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: u.hostname,
        port: u.port,
        method,
        path,
        headers: { Authorization: `Bearer ${job.token}`, ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: ClientJob): Promise<ClientReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const prepared = job.mode === 'log-batch' ? bodies(job) : [];
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const startedAt = Date.now();
  let failures = 0;
  for (let b = 0; b < job.batches; b++) {
    const status =
      job.mode === 'log-batch'
        ? await send(agent, job, 'POST', '/api/2.0/mlflow/runs/log-batch', prepared[b])
        : await send(agent, job, 'GET', '/api/2.0/mlflow/experiments/get-by-name?experiment_name=none');
    if (status !== (job.mode === 'log-batch' ? 200 : 404)) failures++;
  }
  const endedAt = Date.now();
  agent.destroy();
  return { startedAt, endedAt, requests: job.batches, points: job.mode === 'log-batch' ? job.batches * job.pointsPerBatch : 0, failures };
}

const job = JSON.parse(process.argv[2]!) as ClientJob;
run(job).then(
  (report) => process.send!({ report }, () => process.exit(0)),
  (e: Error) => process.send!({ error: e.message }, () => process.exit(1)),
);
process.send!({ ready: true });
