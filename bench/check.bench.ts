/**
 * Bench for `tally check` (issue 4): a 5,000,000-row x 12-column CSV (~650 MB), measured in ONE
 * run next to its references, each as a whole process under GNU time when available:
 *   - the raw read of the file (Node, 4 MB positioned reads: the floor no engine can beat),
 *   - Tally: profile + every single-dataset check, the analysis worker's code in one process,
 *   - Tally through runAnalysis (fork of the real worker process), as the app runs it,
 *   - pandas 1.5 (read_csv + describe + nunique + isna + duplicated + quantile), if importable,
 *   - Tally: train vs test drift + overlap on two 5M-row files.
 * Targets: <= 6 s, >= 10x faster than pandas, peak RSS <= 512 MB; drift run within 2x.
 * Usage: npx tsx bench/check.bench.ts [rows]   (files are generated once into bench/.data/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runAnalysis } from '../electron/backend/analysis/run-analysis';
import { generateCsv } from './generate-csv';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data');
const rows = Number(process.argv[2] ?? 5_000_000);
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
  const r = hasGnuTime ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
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

const PANDAS = `
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
d = df.describe(include='all')
u = df.nunique()
m = df.isna().sum()
dup = int(df.duplicated().sum())
q = df.select_dtypes('number').quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
print(len(df), dup)
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

const analyzeOnce = join(here, 'analyze-once.ts');
const tally = measure(node, [...tsx, analyzeOnce, JSON.stringify({ file: current })]);
const tallyOut = JSON.parse(tally.out) as { ms: number; timings: Record<string, number>; threads: number; fallback: string | null; duplicateRows: number; findings: string[] };
console.log(`tally check (one process) ....... ${fmt(tally)}  [${tallyOut.threads} threads, in-process ${tallyOut.ms} ms: ${JSON.stringify(tallyOut.timings)}; findings: ${tallyOut.findings.join(', ')}]`);

const viaWorker = performance.now();
const result = await runAnalysis({ file: current });
const workerSeconds = (performance.now() - viaWorker) / 1000;
console.log(`tally via runAnalysis (fork) .... ${workerSeconds.toFixed(2)} s, ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MB (worker's own peak RSS)`);

const drift = measure(node, [...tsx, analyzeOnce, JSON.stringify({ file: test, reference: current, id: 'id', time: 'ts', target: 'label' })]);
const driftOut = JSON.parse(drift.out) as { timings: Record<string, number>; overlapRows: number; findings: string[] };
console.log(`tally train vs test (2 x 5M) .... ${fmt(drift)}  [${JSON.stringify(driftOut.timings)}; overlap rows ${driftOut.overlapRows}; findings: ${driftOut.findings.join(', ')}]`);

const py = pandasPython();
let pandas: Measured | null = null;
if (py) {
  pandas = measure(py, ['-c', PANDAS, current]);
  console.log(`pandas .......................... ${fmt(pandas)}`);
} else console.log('pandas .......................... not installed (apt-get install python3-pandas), skipped');

console.log('\n| engine | wall s | cpu s | peak RSS | wall vs Tally |');
console.log('| --- | --- | --- | --- | --- |');
const row = (name: string, m: Measured | null): void => {
  if (m) console.log(`| ${name} | ${m.seconds.toFixed(2)} | ${m.cpuSeconds === null ? '?' : m.cpuSeconds.toFixed(2)} | ${m.rssMb === null ? '?' : `${m.rssMb.toFixed(0)} MB`} | ${(m.seconds / tally.seconds).toFixed(2)}x |`);
};
row('raw read (Node)', raw);
row('Tally profile + checks', tally);
row('Tally train vs test drift + overlap', drift);
row('pandas 1.5', pandas);
console.log('\ntargets:');
console.log(`  profile + checks <= 6 s ........ ${tally.seconds.toFixed(2)} s ${tally.seconds <= 6 ? 'MET' : 'NOT MET'}`);
if (pandas) console.log(`  >= 10x faster than pandas ....... ${(pandas.seconds / tally.seconds).toFixed(1)}x ${pandas.seconds / tally.seconds >= 10 ? 'MET' : 'NOT MET'}`);
if (tally.rssMb !== null) console.log(`  peak RSS <= 512 MB .............. ${tally.rssMb.toFixed(0)} MB ${tally.rssMb <= 512 ? 'MET' : 'NOT MET'}`);
console.log(`  drift run within 2x ............. ${(drift.seconds / tally.seconds).toFixed(2)}x wall${drift.cpuSeconds !== null && tally.cpuSeconds !== null ? `, ${(drift.cpuSeconds / tally.cpuSeconds).toFixed(2)}x cpu` : ''} ${drift.seconds <= 2 * tally.seconds ? 'MET' : 'NOT MET'}`);
console.log(`  (load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}: wall times on a shared machine vary; compare ratios from one run)`);
