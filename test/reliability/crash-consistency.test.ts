import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { bundleChildScript } from '../support/node-bundle';
import { memoryLogger, tempDir } from '../support/temp';
import type { WriterEvent } from './children/crash-protocol';
import { sqliteVerdict, verifyAcknowledged, verifyNothingPartial } from './support/acknowledged-writes';

/**
 * Crash consistency: a writer process (projects, scenarios, a check run stored by the analysis
 * worker, runs with metric batches through the group commit, ledger entries) is killed with
 * SIGKILL at a seeded point, again and again on the same workspace. After each kill the file must
 * pass integrity_check and foreign_key_check, hold every acknowledged write with its content and
 * no half-written one, and the next start must run the full integrity check.
 */
const FULL = process.env.TALLY_RELIABILITY_FULL === '1';
const ITERATIONS = Number(process.env.TALLY_CRASH_ITERATIONS ?? (FULL ? 200 : 20));
const SEED = Number(process.env.TALLY_RELIABILITY_SEED ?? 20261205);
const CSV_ROWS = 3000;

/** Where a kill lands: on the n-th event of a kind the child announces. */
interface KillPoint {
  t: 'ack' | 'begin' | 'phase';
  kind: string;
  phase?: string;
  occurrence: number;
}

const KILL_POINTS: fc.Arbitrary<KillPoint> = fc.oneof(
  // Mid-check: the worker is reading, or the result is being stored.
  fc.record({ t: fc.constant<'phase'>('phase'), kind: fc.constant('check'), phase: fc.constantFrom('reading', 'saving'), occurrence: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ t: fc.constant<'begin'>('begin'), kind: fc.constant('check'), occurrence: fc.integer({ min: 1, max: 2 }) }),
  // Mid-batch: batches in flight in a group commit.
  fc.record({ t: fc.constantFrom<'begin' | 'ack'>('begin', 'ack'), kind: fc.constant('batch'), occurrence: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ t: fc.constant<'ack'>('ack'), kind: fc.constantFrom('project', 'scenario', 'dataset', 'experiment', 'run', 'ledger'), occurrence: fc.integer({ min: 1, max: 3 }) }),
);

const matches = (e: WriterEvent, k: KillPoint): boolean => e.t === k.t && e.kind === k.kind && (k.phase === undefined || (e.t === 'phase' && e.phase === k.phase));

interface Killed {
  events: WriterEvent[];
  stderr: string;
}

/** Runs the writer until the kill point's event, then SIGKILLs it at once. */
function runUntilKilled(bundle: string, args: string[], kill: KillPoint): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const events: WriterEvent[] = [];
    let stderr = '';
    let seen = 0;
    let killed = false;
    let buffer = '';
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer never reached ${JSON.stringify(kill)} in 60 s; it printed ${events.length} events. ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (killed) return;
        const e = JSON.parse(line) as WriterEvent;
        events.push(e);
        if (matches(e, kill) && ++seen === kill.occurrence) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      if (signal === 'SIGKILL' && killed) resolve({ events, stderr });
      else reject(new Error(`the writer ended by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

describe(`crash consistency: SIGKILL of a writer at seeded points, ${ITERATIONS} times on one workspace`, () => {
  const t = tempDir();
  let bundle: string;
  beforeAll(() => {
    bundle = bundleChildScript(join(import.meta.dirname, 'children/crash-writer.ts'), 'reliability-crash-writer');
  });
  afterAll(() => t.cleanup());

  it('every acknowledged write survives whole, nothing survives in part, and the next start runs the full check', async () => {
    const dataDir = join(t.dir, 'workspace');
    const csv = join(t.dir, 'data.csv');
    writeFileSync(csv, `id,age,region,income,label\n${Array.from({ length: CSV_ROWS }, (_, i) => `${i},${20 + (i % 50)},${['north', 'south', 'east'][i % 3]},${1000 + ((i * 37) % 900)},${i % 2}`).join('\n')}\n`);
    const file = join(dataDir, 'tally.db');
    const plans = fc.sample(KILL_POINTS, { seed: SEED, numRuns: ITERATIONS });
    const all: Array<Extract<WriterEvent, { t: 'ack' }>> = [];
    const figures = { kills: 0, midCheck: 0, midBatch: 0, acknowledged: 0, verified: 0, batchesBegun: 0, unacknowledgedWhole: 0, unacknowledgedAbsent: 0 };
    const started = Date.now();

    for (const [i, kill] of plans.entries()) {
      const where = `iteration ${i} (seed ${SEED}, kill at ${JSON.stringify(kill)})`;
      const { events } = await runUntilKilled(bundle, [dataDir, csv, String(i)], kill);
      figures.kills++;
      const acks = events.filter((e): e is Extract<WriterEvent, { t: 'ack' }> => e.t === 'ack');
      const begun = events.filter((e): e is Extract<WriterEvent, { kind: 'batch' }> => e.t === 'begin' && e.kind === 'batch');
      const checkBegun = events.filter((e) => e.t === 'begin' && e.kind === 'check').length;
      const checkAcked = acks.filter((e) => e.kind === 'check').length;
      if (checkBegun > checkAcked) figures.midCheck++;
      if (begun.length > acks.filter((e) => e.kind === 'batch').length) figures.midBatch++;
      all.push(...acks);
      figures.acknowledged += acks.length;
      figures.batchesBegun += begun.length;

      const verdict = sqliteVerdict(file);
      expect(verdict.integrity, where).toEqual(['ok']);
      expect(verdict.foreignKeys, where).toEqual([]);
      // The killed process left its marker: the next start must notice.
      expect(readdirSync(join(dataDir, 'sessions')), where).toHaveLength(1);

      const backend = createBackend({ dataDir, host: 'test', logger: memoryLogger(), validateOutput: true });
      try {
        const health = await backend.dispatch('system.health', {});
        expect(health, where).toMatchObject({ ok: true, value: { status: 'ok', check: { mode: 'full', reason: 'unclean-shutdown' } } });
        figures.verified += await verifyAcknowledged(backend, acks, CSV_ROWS).catch((e: Error) => {
          throw new Error(`${where}: ${e.message}`);
        });
        const partial = await verifyNothingPartial(backend, file, begun).catch((e: Error) => {
          throw new Error(`${where}: ${e.message}`);
        });
        const ackedBatches = acks.filter((e) => e.kind === 'batch').length;
        figures.unacknowledgedWhole += partial.whole - ackedBatches;
        figures.unacknowledgedAbsent += partial.absent;
      } finally {
        backend.close();
      }
      expect(existsSync(join(dataDir, 'sessions')) ? readdirSync(join(dataDir, 'sessions')) : [], where).toEqual([]);
    }

    // Once more at the end: every write acknowledged in any iteration is still there.
    const last = createBackend({ dataDir, host: 'test', logger: memoryLogger(), validateOutput: true });
    let verifiedAtEnd: number;
    try {
      verifiedAtEnd = await verifyAcknowledged(last, all, CSV_ROWS);
    } finally {
      last.close();
    }
    expect(verifiedAtEnd).toBe(figures.acknowledged);
    expect(figures.verified).toBe(figures.acknowledged);
    expect(figures.kills).toBe(ITERATIONS);
    const byKind = Object.fromEntries(['project', 'scenario', 'dataset', 'check', 'experiment', 'run', 'batch', 'ledger'].map((k) => [k, all.filter((a) => a.kind === k).length]));
    console.log(
      `[reliability] crash consistency (${FULL ? 'full' : 'default'} run, seed ${SEED}): ${figures.kills} SIGKILLs (${figures.midCheck} with a check in flight, ${figures.midBatch} with a metric batch in flight); ` +
        `${figures.acknowledged} writes acknowledged, ${figures.verified} verified after their kill and ${verifiedAtEnd} again at the end (${JSON.stringify(byKind)}); ` +
        `${figures.batchesBegun} batches sent, of which unacknowledged ${figures.unacknowledgedWhole} stored whole and ${figures.unacknowledgedAbsent} absent, none in part; ` +
        `integrity_check ok and foreign_key_check empty after every kill; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 3_600_000);
});
