/**
 * The child process of the input fuzz suite (bundled with esbuild, started with plain node): it
 * rebuilds mutated files case after case and runs each through the readers of the app's own
 * process (the dataset sniffer, the predictions head sample) and through the real engine in this
 * process, as the analysis worker does (read, profile, checks), then what the app does with the result
 * (the stored profile checked against the contract, the JSON it is stored as, the HTML report).
 * One stdout line per event: {"t":"start","case":n} before a case, {"t":"case","case":n,
 * "outcome":"ok"|"app"|"crash",...} after it (with "peakKb" when the case raised the process's
 * peak RSS), {"t":"end","cases":n,"peakRssKb":n} at the end (VmHWM).
 * A hang shows as a start without its case line; a hard crash as an exit without the end line.
 * Arguments: format, seed, first case, last case (exclusive), deadline (epoch ms), work folder,
 * seeds folder (the seed files the parent wrote, <format>-<k>.bin).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetProfile } from '../../../shared/contract/datasets';
import { Finding } from '../../../shared/contract/checks';
import { isAppError } from '../../../shared/domain/errors';
import { analyzeRequest } from '../../../electron/backend/analysis/analyze-request';
import { sampleHead } from '../../../electron/backend/analysis/evaluate/head-sample';
import { detectFormat } from '../../../electron/backend/analysis/read/format-detector';
import { sniffDataset } from '../../../electron/backend/services/dataset-sniff';
import { renderHtmlReport } from '../../../electron/backend/reports/html-report';
import { datasetProfile, piiColumns } from '../../../electron/backend/services/check-profile';
import { fuzzCase, type FuzzFormat } from '../support/byte-mutation';

const [format, seedArg, firstArg, endArg, deadlineArg, workDir, seedsDir] = process.argv.slice(2) as [FuzzFormat, string, string, string, string, string, string];
const seed = Number(seedArg);
const deadline = Number(deadlineArg);

/** The process's peak RSS so far (getrusage), added to a case's line when that case raised it. */
let peakKb = 0;
const emit = (event: Record<string, unknown>): void => {
  const peak = process.resourceUsage().maxRSS;
  const raised = event.t === 'case' && peak > peakKb;
  if (raised) peakKb = peak;
  process.stdout.write(`${JSON.stringify(raised ? { ...event, peakKb } : event)}\n`);
};

let current = -1;
const crash = (how: string, e: unknown) => {
  const err = e instanceof Error ? e : new Error(String(e));
  emit({ t: 'case', case: current, outcome: 'crash', how, name: err.name, message: err.message.slice(0, 500), at: (err.stack ?? '').split('\n')[1]?.trim() ?? '' });
  process.exit(70);
};
process.on('uncaughtException', (e) => crash('uncaught exception', e));
process.on('unhandledRejection', (e) => crash('unhandled rejection', e));

const seedNames = readdirSync(seedsDir).filter((n) => n.startsWith(`${format}-`)).sort((a, b) => Number(a.slice(format.length + 1, -4)) - Number(b.slice(format.length + 1, -4)));
const seeds = seedNames.map((n) => new Uint8Array(readFileSync(join(seedsDir, n))));
const file = join(workDir, `case.${format}`);

/** What the app does after the worker answers: the contract's view of the profile, its JSON, the report. */
function useResult(result: Awaited<ReturnType<typeof analyzeRequest>>): string | null {
  const sensitive = piiColumns(result.report.findings);
  const profile = datasetProfile(result.current, result.checkInput.columns, sensitive);
  const referenceProfile = result.reference && result.checkInput.reference ? datasetProfile(result.reference, result.checkInput.reference.columns, sensitive) : null;
  for (const [what, p] of [['profile', profile], ['reference profile', referenceProfile]] as const) {
    if (!p) continue;
    const parsed = DatasetProfile.safeParse(p);
    if (!parsed.success) return `the ${what} breaks the contract: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
  }
  for (const f of result.report.findings) {
    const parsed = Finding.safeParse(f);
    if (!parsed.success) return `finding ${f.id} breaks the contract: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
  }
  JSON.stringify({ profile, referenceProfile, findings: result.report.findings, drift: result.report.drift ?? null });
  renderHtmlReport({
    datasetName: `case.${format}`,
    referenceName: referenceProfile ? `seed.${format}` : null,
    createdAt: '2026-12-05T00:00:00.000Z',
    verdict: result.report.verdict,
    summary: result.report.summary,
    findings: result.report.findings,
    profile,
    referenceProfile,
    drift: result.report.drift ?? null,
    options: { target: null, id: null, time: null, population: null, thresholds: {}, failOn: 'error' },
    counts: result.report.counts,
    gateFailed: false,
    notes: result.report.notes,
  });
  return null;
}

/** Runs a reader that may refuse the file with an AppError; anything else is thrown on. */
async function settles(read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
}

let cases = 0;
for (let i = Number(firstArg); i < Number(endArg) && Date.now() < deadline; i++) {
  current = i;
  const { plan, bytes } = fuzzCase(format, seed, i, seeds);
  writeFileSync(file, bytes);
  // Every third case is compared with the seed it came from: drift, overlap and new categories.
  const reference = i % 3 === 1 ? join(seedsDir, seedNames[plan.seedIndex]!) : undefined;
  emit({ t: 'start', case: i });
  try {
    // What the app's own process reads of a file (registering a dataset, guessing the roles of a
    // predictions file) must end as well as what the worker reads.
    await settles(() => sniffDataset(file));
    await settles(() => sampleHead(file, detectFormat(file)));
    const result = await analyzeRequest({ file, ...(reference ? { reference } : {}), threads: 1 }, () => undefined);
    const broken = useResult(result);
    emit(broken ? { t: 'case', case: i, outcome: 'crash', how: 'contract', name: 'ContractViolation', message: broken, at: '' } : { t: 'case', case: i, outcome: 'ok' });
  } catch (e) {
    if (isAppError(e)) emit({ t: 'case', case: i, outcome: 'app', code: e.code });
    else {
      const err = e instanceof Error ? e : new Error(String(e));
      emit({ t: 'case', case: i, outcome: 'crash', how: 'thrown', name: err.name, message: err.message.slice(0, 500), at: (err.stack ?? '').split('\n')[1]?.trim() ?? '' });
    }
  }
  cases++;
}
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
emit({ t: 'end', cases, peakRssKb: hwm ? Number(hwm[1]) : null });
