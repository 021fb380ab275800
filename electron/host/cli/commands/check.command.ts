import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CheckRun } from '../../../../shared/contract/checks';
import { AppError } from '../../../../shared/domain/errors';
import type { PopulationShares as Shares } from '../../../../shared/quality/check-context';
import { countBySeverity, isFailOn, reachesFailOn } from '../../../../shared/quality/verdict';
import { renderTextReport } from '../../../backend/reports/text-report';
import { describeJsonChar, locateJsonError, positionIn } from '../../../backend/analysis/read/json-locate-error';
import { analyseAndCheck, type CheckOutcome } from '../../../backend/services/check-analysis';
import { parseFlags, stringFlag } from '../args';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import { refuseOutputsOverInputs, writeFileAtomic } from '../output-file';
import type { Command } from './command';

// The contract's zod schemas (for --population) and the HTML and JUnit renderers load only when
// their flag is given: `tally check` has its own start-up bundle (check-main.ts), and these
// modules were about a third of its start-up time on every run that does not use them.
const USAGE = `tally check FILE [--reference FILE] [--target COL] [--id COL] [--time COL] [--population FILE]
                   [--fail-on error|warning|never] [--json] [--junit FILE] [--html FILE]
  Exit codes: 0 no finding reached --fail-on (default error), 1 one did, 2 unusable input.
  Needs no project or database and writes only the files you name.`;

const FLAGS = {
  reference: { type: 'string' },
  target: { type: 'string' },
  id: { type: 'string' },
  time: { type: 'string' },
  population: { type: 'string' },
  'fail-on': { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  html: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** "file:line:column: what was expected", without the engine's own "name, line N, column M: " lead. */
export function positioned(e: AppError): string {
  const loc = e.location;
  if (!loc?.file) return e.message;
  const where = [loc.file, loc.line, loc.column].filter((x) => x !== undefined).join(':');
  const quote = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lead = new RegExp(`^(${quote(loc.file)}|${quote(basename(loc.file))})(, line \\d+(, column \\d+)?)?: `);
  return `${where}: ${e.message.replace(lead, '')}`;
}

async function readPopulation(path: string): Promise<Shares> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`--population: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    const at = positionIn(text, problem.at, 1, 1);
    throw new CliError(
      `${path}:${at.line}:${at.column}: not valid JSON: found ${describeJsonChar(text, problem.at)}, expected ${problem.expected}. Shares look like {"region": {"north": 0.4, "south": 0.6}}`,
    );
  }
  const { PopulationShares } = await import('../../../../shared/contract/checks');
  const r = PopulationShares.safeParse(parsed);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new CliError(`${path}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}; expected shares like {"region": {"north": 0.4, "south": 0.6}}`);
  }
  return r.data;
}

function writeOutput(path: string, text: string, flag: string): void {
  writeFileAtomic(path, text, `--${flag}`);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const fileArg = p.positionals[0];
  if (!fileArg) throw new CliError(`missing FILE\nusage: ${USAGE}`);
  if (p.positionals.length > 1) throw new CliError(`one FILE at a time (got ${p.positionals.length}); compare two with --reference\nusage: ${USAGE}`);
  const failOnRaw = stringFlag(p, 'fail-on') ?? 'error';
  if (!isFailOn(failOnRaw)) throw new CliError(`--fail-on must be error, warning or never (got "${failOnRaw}")`);
  const failOn = failOnRaw;
  const at = (x: string | undefined) => (x === undefined ? undefined : resolve(io.cwd, x));
  const file = at(fileArg)!;
  const reference = at(stringFlag(p, 'reference'));
  const populationPath = at(stringFlag(p, 'population'));
  const junitPath = at(stringFlag(p, 'junit'));
  const htmlPath = at(stringFlag(p, 'html'));
  // Before reading anything: a report written over an input would destroy the user's data.
  refuseOutputsOverInputs(
    [
      { flag: 'FILE', path: file },
      ...(reference ? [{ flag: '--reference', path: reference }] : []),
      ...(populationPath ? [{ flag: '--population', path: populationPath }] : []),
    ],
    [...(junitPath ? [{ flag: '--junit', path: junitPath }] : []), ...(htmlPath ? [{ flag: '--html', path: htmlPath }] : [])],
  );
  const population = populationPath ? await readPopulation(populationPath) : undefined;
  const [target, id, time] = [stringFlag(p, 'target'), stringFlag(p, 'id'), stringFlag(p, 'time')];
  const started = Date.now();

  let outcome: CheckOutcome;
  try {
    outcome = await analyseAndCheck({
      file,
      ...(reference ? { reference } : {}),
      ...(target ? { target } : {}),
      ...(id ? { id } : {}),
      ...(time ? { time } : {}),
      ...(population ? { population } : {}),
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const unusable = e.code === 'PARSE_ERROR' || e.code === 'FILE_NOT_FOUND' || e.code === 'UNSUPPORTED' || e.code === 'INVALID_INPUT';
    throw new CliError(positioned(e), unusable ? EXIT.usage : EXIT.failed);
  }
  const { report, profile, referenceProfile } = outcome;
  const gateFailed = reachesFailOn(report.findings, failOn);
  const durationMs = Date.now() - started;

  if (junitPath) {
    const { renderJunit } = await import('../../../backend/reports/junit-report');
    writeOutput(
      junitPath,
      renderJunit({ file: basename(file), findings: report.findings, failOn, applies: { target: !!target, reference: !!reference, population: !!population }, durationMs }),
      'junit',
    );
  }
  if (htmlPath) {
    const { renderHtmlReport } = await import('../../../backend/reports/html-report');
    const html: Parameters<typeof renderHtmlReport>[0] = {
      datasetName: basename(file),
      referenceName: reference ? basename(reference) : null,
      createdAt: new Date().toISOString(),
      verdict: report.verdict,
      summary: report.summary,
      findings: report.findings,
      profile,
      referenceProfile,
      drift: (report.drift ?? null) as CheckRun['drift'],
      options: { target: target ?? null, id: id ?? null, time: time ?? null, population: population ?? null, thresholds: {}, failOn },
      counts: countBySeverity(report.findings),
      gateFailed,
      notes: report.notes,
      overlap: outcome.overlap,
    };
    writeOutput(htmlPath, renderHtmlReport(html), 'html');
  }

  if (p.values.json === true) {
    io.out(
      json({
        file,
        rows: profile.rows,
        columns: profile.columns,
        findings: report.findings,
        verdict: report.verdict,
        summary: report.summary,
        duplicateRows: profile.duplicateRows,
        format: profile.format,
        reference: referenceProfile ? { file: reference, rows: referenceProfile.rows, columns: referenceProfile.columns } : null,
        drift: report.drift ?? null,
        notes: report.notes,
        failOn,
        gateFailed,
      }),
    );
  } else {
    io.out(
      renderTextReport({
        file: basename(file),
        reference: reference ? basename(reference) : null,
        rows: profile.rows,
        columns: profile.columns.length,
        verdict: report.verdict,
        summary: report.summary,
        findings: report.findings,
        notes: report.notes,
        failOn,
        gateFailed,
      }),
    );
  }
  return gateFailed ? EXIT.failed : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a data file for quality, leakage, drift and personal data (CI-friendly exit codes)',
  usage: USAGE,
  run,
};
