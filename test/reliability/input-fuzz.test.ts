import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildScript, REPO_ROOT } from '../support/node-bundle';
import { tempDir } from '../support/temp';
import { FUZZ_FORMATS, fuzzCase, seedFiles, type FuzzFormat } from './support/byte-mutation';

/**
 * Seeded byte-mutation fuzz of CSV, JSON Lines and Parquet inputs through the real engine, in
 * child processes so that a hang or a hard crash is seen from outside. Every case must end as a
 * result or an AppError (a message for the user); anything else is a crash. No case may run 20 s
 * without progress, and no child may pass the engine's stated memory bound.
 */
const FULL = process.env.TALLY_RELIABILITY_FULL === '1';
const BUDGET_MS = Number(process.env.TALLY_FUZZ_SECONDS ?? (FULL ? 300 : 45)) * 1000;
const SEED = Number(process.env.TALLY_RELIABILITY_SEED ?? 20261205);
/** One child runs at most this long (then the next one carries on from the next case). */
const BATCH_MS = FULL ? 30_000 : 15_000;
const STALL_MS = 20_000;
const PEAK_RSS_BOUND_MB = 512;

interface CaseLine {
  t: 'case';
  case: number;
  outcome: 'ok' | 'app' | 'crash';
  code?: string;
  how?: string;
  name?: string;
  message?: string;
  at?: string;
  peakKb?: number;
}
type RunnerLine = { t: 'start'; case: number } | CaseLine | { t: 'end'; cases: number; peakRssKb: number | null };

interface Failure {
  format: FuzzFormat;
  case: number;
  what: string;
}

interface BatchResult {
  outcomes: CaseLine[];
  peakRssKb: number;
  failure: Failure | null;
  next: number;
}

function runBatch(bundle: string, format: FuzzFormat, first: number, deadline: number, workDir: string, seedsDir: string): Promise<BatchResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, format, String(SEED), String(first), String(Number.MAX_SAFE_INTEGER), String(deadline), workDir, seedsDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const outcomes: CaseLine[] = [];
    let started = first;
    let ended: { peakRssKb: number | null } | null = null;
    let failure: Failure | null = null;
    let stderr = '';
    let buffer = '';
    let stall: NodeJS.Timeout;
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        failure = { format, case: started, what: `no progress for ${STALL_MS / 1000} s (a hang); the child was killed` };
        child.kill('SIGKILL');
      }, STALL_MS);
    };
    watch();
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const e = JSON.parse(line) as RunnerLine;
        watch();
        if (e.t === 'start') started = e.case;
        else if (e.t === 'end') ended = e;
        else {
          outcomes.push(e);
          if (e.outcome === 'crash' && !failure) failure = { format, case: e.case, what: `${e.how}: ${e.name}: ${e.message} ${e.at}` };
          if (e.peakKb !== undefined && e.peakKb / 1024 > PEAK_RSS_BOUND_MB && !failure) failure = { format, case: e.case, what: `the peak RSS reached ${(e.peakKb / 1024).toFixed(0)} MB, over the ${PEAK_RSS_BOUND_MB} MB bound` };
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(stall);
      if (!ended && !failure) failure = { format, case: started, what: `the child died (code ${code}, signal ${signal}): ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
      const last = outcomes.at(-1)?.case ?? first - 1;
      resolve({ outcomes, peakRssKb: ended?.peakRssKb ?? 0, failure, next: last + 1 });
    });
  });
}

describe(`seeded byte-mutation fuzz of CSV, JSON Lines and Parquet (seed ${SEED}, ${BUDGET_MS / 1000} s)`, () => {
  const t = tempDir();
  let bundle: string;
  beforeAll(() => {
    bundle = bundleChildScript(join(import.meta.dirname, 'children/fuzz-runner.ts'), 'reliability-fuzz-runner');
  });
  afterAll(() => t.cleanup());

  it('every case ends as a result or a user-facing error: no crash, no hang, peak memory within the bound', async () => {
    const seedsDir = join(t.dir, 'seeds');
    mkdirSync(seedsDir);
    for (const format of FUZZ_FORMATS) seedFiles(format).forEach((bytes, k) => writeFileSync(join(seedsDir, `${format}-${k}.bin`), bytes));
    const failures: Failure[] = [];
    const figures = new Map<FuzzFormat, { cases: number; ok: number; app: Record<string, number>; peakRssKb: number; children: number }>();
    const perFormat = BUDGET_MS / FUZZ_FORMATS.length;

    for (const format of FUZZ_FORMATS) {
      const f = { cases: 0, ok: 0, app: {} as Record<string, number>, peakRssKb: 0, children: 0 };
      figures.set(format, f);
      const until = Date.now() + perFormat;
      let next = 0;
      while (Date.now() < until && failures.length === 0) {
        const workDir = join(t.dir, `${format}-${f.children}`);
        mkdirSync(workDir);
        const batch = await runBatch(bundle, format, next, Math.min(until, Date.now() + BATCH_MS), workDir, seedsDir);
        f.children++;
        f.peakRssKb = Math.max(f.peakRssKb, batch.peakRssKb);
        for (const o of batch.outcomes) {
          f.cases++;
          if (o.outcome === 'ok') f.ok++;
          else if (o.outcome === 'app') f.app[o.code!] = (f.app[o.code!] ?? 0) + 1;
        }
        if (batch.failure) failures.push(batch.failure);
        next = batch.next;
      }
    }

    for (const failure of failures) {
      // Keep the case's bytes for replay (and for its regression test).
      const { bytes, plan } = fuzzCase(failure.format, SEED, failure.case, seedFiles(failure.format));
      const dir = join(REPO_ROOT, 'test-results', 'fuzz');
      mkdirSync(dir, { recursive: true });
      const saved = join(dir, `${failure.format}-seed${SEED}-case${failure.case}.${failure.format}`);
      writeFileSync(saved, bytes);
      failure.what += ` [bytes in ${saved}; plan ${JSON.stringify(plan)}]`;
    }
    const lines = [...figures].map(
      ([format, f]) =>
        `${format}: ${f.cases} cases in ${f.children} child process(es), ${f.ok} read, ${Object.entries(f.app)
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => `${n} ${code}`)
          .join(', ') || 'no'} user-facing errors, peak RSS ${(f.peakRssKb / 1024).toFixed(0)} MB`,
    );
    console.log(`[reliability] input fuzz (${FULL ? 'full' : 'default'} run, seed ${SEED}, ${BUDGET_MS / 1000} s): ${lines.join('; ')}; ${failures.length} crashes or hangs`);

    expect(failures.map((f) => `${f.format} case ${f.case} (seed ${SEED}): ${f.what}`)).toEqual([]);
    for (const [format, f] of figures) {
      expect(f.cases, format).toBeGreaterThan(20);
      expect(f.peakRssKb / 1024, `${format} peak RSS in MB`).toBeLessThan(PEAK_RSS_BOUND_MB);
    }
  }, 900_000);
});
