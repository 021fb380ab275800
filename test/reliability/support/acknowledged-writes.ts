/**
 * Checks a workspace after its writer was killed: every write the writer acknowledged is there
 * with its content, and nothing is half there (a check run without its dataset marked analysed, a
 * metric batch with some of its points). Reads go through a real backend's dispatcher, so they
 * also prove the stored rows still satisfy the contract.
 */
import Database from 'better-sqlite3';
import type { Backend } from '../../../electron/backend/create-backend';
import { METRIC_KEY, POINTS_PER_BATCH, pointValue, type WriterEvent } from '../children/crash-protocol';

type Ack = Extract<WriterEvent, { t: 'ack' }>;
type BatchEvent = Extract<WriterEvent, { kind: 'batch' }>;

async function get<T>(backend: Backend, name: string, input: unknown, what: string): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw new Error(`${what} is lost: ${name} answered ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function same(what: string, field: string, stored: unknown, acked: unknown): void {
  if (stored !== acked) throw new Error(`${what}: ${field} is ${JSON.stringify(stored)}, acknowledged ${JSON.stringify(acked)}`);
}

/** SQLite's own verdict on the file, through a plain connection (as the next opener would see it). */
export function sqliteVerdict(file: string): { integrity: string[]; foreignKeys: unknown[] } {
  const db = new Database(file);
  try {
    return { integrity: db.prepare('PRAGMA integrity_check').pluck().all() as string[], foreignKeys: db.prepare('PRAGMA foreign_key_check').all() };
  } finally {
    db.close();
  }
}

/** Verifies each acknowledged write, returning how many were checked. */
export async function verifyAcknowledged(backend: Backend, acks: readonly Ack[], expectedRows: number): Promise<number> {
  let verified = 0;
  const batchesByRun = new Map<string, number[]>();
  for (const a of acks) {
    const what = `acknowledged ${a.kind} ${'id' in a ? a.id : ''}`;
    switch (a.kind) {
      case 'project': {
        const p = await get<{ name: string; budgetCents: number | null }>(backend, 'projects.get', { id: a.id }, what);
        same(what, 'name', p.name, a.name);
        same(what, 'budgetCents', p.budgetCents, a.budgetCents);
        break;
      }
      case 'scenario': {
        const s = await get<{ name: string; projectId: string; p50CostCents: number | null }>(backend, 'scenarios.get', { id: a.id }, what);
        same(what, 'name', s.name, a.name);
        same(what, 'projectId', s.projectId, a.projectId);
        same(what, 'p50CostCents', s.p50CostCents, a.p50CostCents);
        break;
      }
      case 'dataset': {
        const d = await get<{ projectId: string; hash: string }>(backend, 'datasets.get', { id: a.id }, what);
        same(what, 'projectId', d.projectId, a.projectId);
        same(what, 'hash', d.hash, a.hash);
        break;
      }
      case 'check': {
        const c = await get<{ projectId: string; datasetId: string | null; datasetHash: string; rows: number; profile: { rows: number } }>(backend, 'checks.get', { runId: a.id }, what);
        same(what, 'projectId', c.projectId, a.projectId);
        same(what, 'datasetId', c.datasetId, a.datasetId);
        same(what, 'datasetHash', c.datasetHash, a.hash);
        same(what, 'rows', c.rows, expectedRows);
        same(what, 'profile.rows', c.profile.rows, expectedRows);
        break;
      }
      case 'experiment': {
        const e = await get<{ name: string; projectId: string }>(backend, 'experiments.get', { id: a.id }, what);
        same(what, 'name', e.name, a.name);
        same(what, 'projectId', e.projectId, a.projectId);
        break;
      }
      case 'run': {
        const r = await get<{ experimentId: string }>(backend, 'runs.get', { id: a.id }, what);
        same(what, 'experimentId', r.experimentId, a.experimentId);
        break;
      }
      case 'ledger': {
        const l = await get<{ entries: Array<{ id: string; amountCents: number; description: string }> }>(backend, 'ledger.list', { projectId: a.projectId, includeRuns: false }, what);
        const entry = l.entries.find((e) => e.id === a.id);
        if (!entry) throw new Error(`${what} is lost: not in its project's ledger`);
        same(what, 'amountCents', entry.amountCents, a.amountCents);
        same(what, 'description', entry.description, a.description);
        break;
      }
      case 'batch':
        batchesByRun.set(a.runId, [...(batchesByRun.get(a.runId) ?? []), a.batch]);
        continue;
    }
    verified++;
  }
  for (const [runId, batches] of batchesByRun) {
    const points = await storedPoints(backend, runId);
    for (const batch of batches) {
      for (let i = 0; i < POINTS_PER_BATCH; i++) {
        const step = batch * POINTS_PER_BATCH + i;
        if (points.get(step) !== pointValue(step)) throw new Error(`acknowledged batch ${batch} of run ${runId}: step ${step} is ${points.get(step)}, logged ${pointValue(step)}`);
      }
      verified++;
    }
  }
  return verified;
}

async function storedPoints(backend: Backend, runId: string): Promise<Map<number, number | string>> {
  const h = await get<{ points: Array<{ step: number; value: number | string }> }>(backend, 'runs.metricHistory', { runId, key: METRIC_KEY, maxResults: 1_000_000 }, `run ${runId}'s metric history`);
  return new Map(h.points.map((p) => [p.step, p.value]));
}

/**
 * Nothing half-written: every metric batch that was sent (acknowledged or not) is stored whole or
 * not at all, and every stored check run came with the rest of its transaction (its dataset
 * marked analysed) and reads back whole through the contract. Returns the batches found whole and
 * those found absent.
 */
export async function verifyNothingPartial(backend: Backend, file: string, begun: readonly BatchEvent[]): Promise<{ whole: number; absent: number; checkRuns: number }> {
  const db = new Database(file, { readonly: true });
  let checkIds: string[];
  try {
    const orphans = db.prepare('SELECT c.id FROM check_runs c JOIN datasets d ON d.id = c.dataset_id WHERE d.analysed_at IS NULL').pluck().all();
    if (orphans.length > 0) throw new Error(`check runs stored without the rest of their transaction: ${orphans.join(', ')}`);
    const ragged = db.prepare('SELECT run_id, point_count FROM latest_metrics WHERE point_count % ? != 0').all(POINTS_PER_BATCH);
    if (ragged.length > 0) throw new Error(`runs holding part of a batch: ${JSON.stringify(ragged)}`);
    checkIds = db.prepare('SELECT id FROM check_runs').pluck().all() as string[];
  } finally {
    db.close();
  }
  for (const id of checkIds) await get(backend, 'checks.get', { runId: id }, `stored check run ${id}`);
  let whole = 0;
  let absent = 0;
  const runs = new Set(begun.map((b) => b.runId));
  for (const runId of runs) {
    const points = await storedPoints(backend, runId);
    for (const b of begun.filter((x) => x.runId === runId)) {
      let present = 0;
      for (let i = 0; i < POINTS_PER_BATCH; i++) if (points.has(b.batch * POINTS_PER_BATCH + i)) present++;
      if (present === POINTS_PER_BATCH) whole++;
      else if (present === 0) absent++;
      else throw new Error(`batch ${b.batch} of run ${runId} is stored in part: ${present} of ${POINTS_PER_BATCH} points`);
    }
  }
  return { whole, absent, checkRuns: checkIds.length };
}
