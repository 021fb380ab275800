/**
 * Bench for `tally check` (issue 4): a 5,000,000-row x 12-column CSV (~650 MB), measured in ONE
 * run next to its references, each as a whole process under GNU time when available:
 *   - the raw read of the file (Node, 4 MB positioned reads: the floor no engine can beat),
 *   - `tally check FILE` (bin/tally.js, as a user runs it): profile + every single-dataset check,
 *   - DuckDB's SUMMARIZE of the same file (@duckdb/node-api, a Node process as the Tally run is):
 *     what a user might run instead; it computes fewer statistics, several approximate,
 *   - a lean pandas 1.5 profile (read_csv, describe, nunique, isna, duplicated, quantiles,
 *     histograms, top-10 values per column), if importable,
 *   - Tally: train vs test drift + overlap on two 5M-row files (`--reference`), against the
 *     single-file run; and the same with --id --time --target, against the single-file run
 *     with --target (the same single-dataset work, so the ratio is what the comparison adds).
 * The ratios come from runs alternated ROUNDS times (medians of per-round ratios): one run each
 * moved by up to 20% with the load other tenants put on the shared machine.
 * Targets: <= 6 s; >= 1.5x DuckDB SUMMARIZE in CPU time (both use two threads; CPU seconds move
 * less with other tenants' load than wall time); >= 10x the lean pandas profile; peak RSS <= 512 MB;
 * drift run within 2x.
 * Usage: npx tsx bench/check.bench.ts [rows] [rounds]   (files are generated once into bench/.data/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateCsv } from './generate-csv';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data');
const rows = Number(process.argv[2] ?? 5_000_000);
const ROUNDS = Math.max(1, Number(process.argv[3] ?? 3));
const suffix = rows === 5_000_000 ? '5m' : String(rows);
const current = join(dataDir, `check-${suffix}.csv`);
const test = join(dataDir, `test-${suffix}.csv`);

interface Measured {
  seconds: number;
  rssMb: number | null;
  /** User + system CPU seconds (GNU time): steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  out: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/** Run a command as its own process; wall time from here, peak RSS from GNU time. */
function measure(cmd: string, args: string[]): Measured {
  const started = performance.now();
  const options = { encoding: 'utf8' as const, maxBuffer: 1 << 26, cwd: join(here, '..') };
  const r = hasGnuTime ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], options) : spawnSync(cmd, args, options);
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ').slice(0, 200)} failed: ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, cpuSeconds, out: r.stdout };
}

function pandasPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

/** The lean profile a pandas user would write: the statistics Tally reports, computed the pandas way. */
const PANDAS = `
import sys, numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1])
d = df.describe(include='all')
u = df.nunique()
m = df.isna().sum()
dup = int(df.duplicated().sum())
num = df.select_dtypes('number')
q = num.quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
h = {c: np.histogram(num[c].dropna().to_numpy(), bins=20) for c in num.columns}
top = {c: df[c].value_counts().head(10) for c in df.columns}
print(len(df), dup)
`;

/** DuckDB's SUMMARIZE of the CSV (read_csv sniffs it as Tally does), in a plain Node process. */
const DUCKDB = `
import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const started = performance.now();
const reader = await connection.runAndReadAll("SUMMARIZE SELECT * FROM read_csv(" + JSON.stringify(process.argv[1]).replace(/"/g, "'") + ")");
console.log(JSON.stringify({ columns: reader.getRowObjectsJS().length, queryMs: Math.round(performance.now() - started) }));
`;

function fmt(m: Measured | null): string {
  if (!m) return 'n/a';
  return `${m.seconds.toFixed(2)} s (cpu ${m.cpuSeconds === null ? '?' : m.cpuSeconds.toFixed(2)} s), ${m.rssMb === null ? '?' : m.rssMb.toFixed(0)} MB`;
}

mkdirSync(dataDir, { recursive: true });
for (const [path, seed, offset] of [[current, 42, 0], [test, 43, Math.floor(rows * 0.9)]] as const) {
  if (!existsSync(path)) {
    console.log(`generating ${path} (${rows} rows, seed ${seed}) ...`);
    generateCsv(path, rows, seed, offset);
  }
}
const sizeMb = statSync(current).size / 2 ** 20;
console.log(`file: ${current} (${rows.toLocaleString('en-US')} rows x 12 columns, ${sizeMb.toFixed(0)} MiB); ${cpus().length} cores; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const node = process.execPath;
const tsx = ['--import', import.meta.resolve('tsx')];
const readOnly = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.alloc(1<<22);let n,p=0;while((n=fs.readSync(fd,b,0,b.length,p))>0)p+=n;console.log(p)`;
const raw = measure(node, ['-e', readOnly, current]);
console.log(`raw read ........................ ${fmt(raw)}`);

// Every Tally figure is the `tally check` command as a user runs it (bin/tally.js: the CLI
// bundle, which forks the bundled analysis worker), output as JSON to a pipe.
const tallyBin = join(here, '..', 'bin', 'tally.js');
const runCli = (args: string[]): Measured => measure(node, [tallyBin, 'check', ...args, '--fail-on', 'never', '--json']);
/** The run with the median wall time (its CPU and RSS with it). */
const median = (runs: Measured[]): Measured => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
const median2 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const kinds = {
  single: [current],
  pair: [test, '--reference', current],
  singleTarget: [current, '--target', 'label'],
  pairRoles: [test, '--reference', current, '--id', 'id', '--time', 'ts', '--target', 'label'],
};
type Kind = keyof typeof kinds;
runCli([join(here, '..', 'electron', 'backend', 'analysis', 'testdata', 'simple.parquet')]); // builds the bundles if stale, outside the timings
const runDuckDb = (): Measured => measure(node, ['--input-type=module', '-e', DUCKDB, current]);
const runs: Record<Kind, Measured[]> = { single: [], pair: [], singleTarget: [], pairRoles: [] };
const duckdb: Measured[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const k of Object.keys(kinds) as Kind[]) {
    runs[k].push(runCli(kinds[k]));
    // DuckDB right after the single run it is compared with, so both see the same load.
    if (k === 'single') duckdb.push(runDuckDb());
  }
}
const findings = (m: Measured): string => {
  const out = JSON.parse(m.out) as { rows: number; findings: Array<{ id: string }>; verdict: string };
  return `[${out.rows.toLocaleString('en-US')} rows; ${out.verdict}: ${[...new Set(out.findings.map((f) => f.id))].join(', ')}]`;
};
const tally = median(runs.single);
console.log(`tally check FILE ................ ${fmt(tally)}  ${findings(tally)}`);
const duck = median(duckdb);
console.log(`duckdb SUMMARIZE ................ ${fmt(duck)}  [query alone ${(JSON.parse(duck.out) as { queryMs: number }).queryMs} ms]`);
const drift = median(runs.pair);
console.log(`  --reference (2 x 5M) .......... ${fmt(drift)}  ${findings(drift)}`);
const target = median(runs.singleTarget);
console.log(`  --target ...................... ${fmt(target)}  ${findings(target)}`);
const driftRoles = median(runs.pairRoles);
console.log(`  --reference --id --time --target ${fmt(driftRoles)}  ${findings(driftRoles)}`);

// Where the time goes: the worker's code in this process once, with its phase timings.
const once = measure(node, [...tsx, join(here, 'analyze-once.ts'), JSON.stringify({ file: test, reference: current, id: 'id', time: 'ts', target: 'label' })]);
const onceOut = JSON.parse(once.out) as { ms: number; timings: Record<string, number>; threads: number };
console.log(`phases of a --reference --id --time --target run, in one process (${onceOut.threads} threads): ${JSON.stringify(onceOut.timings)} ms`);

/** Per-round ratios (each run against the run of the same round it is compared with), then their median. */
const ratio = (num: Measured[], den: Measured[], key: 'seconds' | 'cpuSeconds'): number => median2(num.map((n, i) => (n[key] ?? NaN) / (den[i]![key] ?? NaN)));
const pairWall = ratio(runs.pair, runs.single, 'seconds');
const pairCpu = ratio(runs.pair, runs.single, 'cpuSeconds');
const rolesWall = ratio(runs.pairRoles, runs.singleTarget, 'seconds');
const rolesCpu = ratio(runs.pairRoles, runs.singleTarget, 'cpuSeconds');
const rolesVsPlain = ratio(runs.pairRoles, runs.single, 'seconds');
const duckWall = ratio(duckdb, runs.single, 'seconds');
const duckCpu = ratio(duckdb, runs.single, 'cpuSeconds');
const perRound = (num: Measured[], den: Measured[], key: 'seconds' | 'cpuSeconds' = 'seconds'): string => num.map((p, i) => ((p[key] ?? NaN) / (den[i]![key] ?? NaN)).toFixed(2)).join(' ');
console.log(`per-round wall ratios: --reference / single ${perRound(runs.pair, runs.single)}; with --id --time --target / --target ${perRound(runs.pairRoles, runs.singleTarget)}; DuckDB SUMMARIZE / single ${perRound(duckdb, runs.single)}`);
console.log(`per-round CPU ratios: DuckDB SUMMARIZE / single ${perRound(duckdb, runs.single, 'cpuSeconds')} (Tally ${runs.single.map((m) => m.cpuSeconds?.toFixed(2)).join(' ')} CPU-s; DuckDB ${duckdb.map((m) => m.cpuSeconds?.toFixed(2)).join(' ')})`);

const py = pandasPython();
let pandas: Measured | null = null;
if (py) {
  pandas = measure(py, ['-c', PANDAS, current]);
  console.log(`lean pandas profile ............. ${fmt(pandas)}`);
} else console.log('lean pandas profile ............. not installed (apt-get install python3-pandas), skipped');

console.log(`\n(medians of ${ROUNDS} alternated rounds for the Tally and DuckDB rows; raw read and pandas once)`);
console.log('| engine | wall s | cpu s | peak RSS | wall vs Tally |');
console.log('| --- | --- | --- | --- | --- |');
const row = (name: string, m: Measured | null): void => {
  if (m) console.log(`| ${name} | ${m.seconds.toFixed(2)} | ${m.cpuSeconds === null ? '?' : m.cpuSeconds.toFixed(2)} | ${m.rssMb === null ? '?' : `${m.rssMb.toFixed(0)} MB`} | ${(m.seconds / tally.seconds).toFixed(2)}x |`);
};
row('raw read (Node)', raw);
row('tally check (profile + all single-dataset checks)', tally);
row('tally check --reference (train vs test drift + overlap)', drift);
row('tally check --target', target);
row('tally check --reference --id --time --target', driftRoles);
row('DuckDB SUMMARIZE', duck);
row('lean pandas 1.5 profile', pandas);
console.log('\ntargets:');
console.log(`  profile + checks <= 6 s ........ ${tally.seconds.toFixed(2)} s ${tally.seconds <= 6 ? 'MET' : 'NOT MET'}`);
console.log(`  >= 1.5x DuckDB SUMMARIZE (CPU) .. ${duckCpu.toFixed(2)}x cpu, ${duckWall.toFixed(2)}x wall (median of per-round ratios) ${duckCpu >= 1.5 ? 'MET' : 'NOT MET'}`);
if (pandas) console.log(`  >= 10x the lean pandas profile .. ${(pandas.seconds / tally.seconds).toFixed(1)}x wall, ${((pandas.cpuSeconds ?? NaN) / (tally.cpuSeconds ?? NaN)).toFixed(1)}x cpu ${pandas.seconds / tally.seconds >= 10 ? 'MET' : 'NOT MET'}`);
if (tally.rssMb !== null) console.log(`  peak RSS <= 512 MB .............. ${tally.rssMb.toFixed(0)} MB ${tally.rssMb <= 512 ? 'MET' : 'NOT MET'}`);
console.log(`  drift + overlap within 2x ....... ${pairWall.toFixed(2)}x wall, ${pairCpu.toFixed(2)}x cpu (median of per-round ratios) ${pairWall <= 2 ? 'MET' : 'NOT MET'}; peak RSS ${drift.rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  with --id --time --target ....... ${rolesWall.toFixed(2)}x wall, ${rolesCpu.toFixed(2)}x cpu against check --target ${rolesWall <= 2 ? 'MET' : 'NOT MET'} (${rolesVsPlain.toFixed(2)}x the plain single run); peak RSS ${driftRoles.rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  (load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}: wall times on a shared machine vary; compare ratios from one run)`);
