import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { EvaluationResult } from '../../../../shared/contract/evaluation-result';
import { EvaluationOptions, PredictionRoles } from '../../../../shared/contract/evaluations';
import { AppError } from '../../../../shared/domain/errors';
import { detectFormat } from '../../../backend/analysis/read/format-detector';
import { describeJsonChar, locateJsonError, positionIn } from '../../../backend/analysis/read/json-locate-error';
import { sampleHead } from '../../../backend/analysis/evaluate/head-sample';
import { guessRoles } from '../../../backend/analysis/evaluate/role-guess';
import { runEvaluation } from '../../../backend/analysis/evaluate/run-evaluation';
import { renderEvalHtml } from '../../../backend/reports/eval-html-report';
import { renderEvalJunit } from '../../../backend/reports/eval-junit-report';
import { renderEvalText } from '../../../backend/reports/eval-text-report';
import { checkGates, judgeGates, type GateReference } from '../../../backend/services/evaluation-gates';
import { parseFlags, stringFlag, type Parsed } from '../args';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import { refuseOutputsOverInputs, writeFileAtomic } from '../output-file';
import { positioned } from './check.command';
import { evalJson } from './eval-output';
import type { Command } from './command';

const USAGE = `tally eval FILE --label COL [--score COL | --scores PREFIX | --prediction COL] [--task binary|multiclass|regression]
                  [--positive VALUE] [--threshold X] [--raw-scores] [--weight COL] [--slice COL ...] [--time COL]
                  [--cost-fp X --cost-fn Y] [--train-flag COL] [--bootstrap N] [--seed N] [--no-label-issues]
                  [--gate EXPR ...] [--reference EVAL.json] [--json] [--junit FILE] [--html FILE]
  --scores PREFIX   one probability column per class, named PREFIX + class (p_cat, p_dog: --scores p_)
  --cost-fp/--cost-fn  what one false positive / false negative costs (money), for the threshold tool
  --gate EXPR       e.g. f1>=0.8, "slice_min(recall)>=0.7", rocAuc>=ref-0.02 (ref: --reference, a
                    previous tally eval --json output)
  --bootstrap N     bootstrap draws for the intervals (default 1000; 0: Wilson intervals only)
  Roles you leave out are guessed from the column names and the first rows, and said on stderr.
  Exit codes: 0 evaluated and every gate passed, 1 a gate failed, 2 unusable input.
  Needs no project or database and writes only the files you name.`;

const FLAGS = {
  label: { type: 'string' },
  score: { type: 'string' },
  scores: { type: 'string' },
  prediction: { type: 'string' },
  task: { type: 'string' },
  positive: { type: 'string' },
  threshold: { type: 'string' },
  'raw-scores': { type: 'boolean' },
  weight: { type: 'string' },
  slice: { type: 'string', multiple: true },
  time: { type: 'string' },
  'cost-fp': { type: 'string' },
  'cost-fn': { type: 'string' },
  'train-flag': { type: 'string' },
  'no-label-issues': { type: 'boolean' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  gate: { type: 'string', multiple: true },
  reference: { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  html: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberFlag(p: Parsed, name: string): number | undefined {
  const raw = stringFlag(p, name);
  if (raw === undefined) return undefined;
  if (!DECIMAL.test(raw.trim())) throw new CliError(`--${name} must be a number (got "${raw}")`);
  return Number(raw);
}

function wholeFlag(p: Parsed, name: string, max: number): number | undefined {
  const x = numberFlag(p, name);
  if (x !== undefined && (!Number.isInteger(x) || x < 0 || x > max)) throw new CliError(`--${name} must be a whole number from 0 to ${max} (got ${x})`);
  return x;
}

/** An amount of money per mistake -> integer micro-units. */
function moneyFlag(p: Parsed, name: string): number | undefined {
  const x = numberFlag(p, name);
  if (x === undefined) return undefined;
  if (x < 0) throw new CliError(`--${name} is what one mistake costs: 0 or more (got ${x})`);
  return Math.round(x * 1e6);
}

function list(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v : [];
}

/** Roles from the flags; the ones left out come from the guesses (said on stderr). */
async function rolesOf(p: Parsed, file: string, io: CliIo): Promise<PredictionRoles> {
  const given = {
    label: stringFlag(p, 'label'),
    score: stringFlag(p, 'score'),
    probabilityPrefix: stringFlag(p, 'scores'),
    prediction: stringFlag(p, 'prediction'),
  };
  const outputs = [given.score, given.probabilityPrefix, given.prediction].filter((x) => x !== undefined).length;
  if (given.score !== undefined && given.probabilityPrefix !== undefined) throw new CliError('give --score (one column) or --scores (a prefix of one column per class), not both');
  const draft: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
    ...(stringFlag(p, 'weight') ? { weight: stringFlag(p, 'weight') } : {}),
    ...(list(p, 'slice').length ? { slices: list(p, 'slice') } : {}),
    ...(stringFlag(p, 'time') ? { time: stringFlag(p, 'time') } : {}),
    ...(stringFlag(p, 'train-flag') ? { trainFlag: stringFlag(p, 'train-flag') } : {}),
  };
  if (given.label === undefined || outputs === 0) {
    const detected = detectFormat(file);
    const guesses = guessRoles(file, detected.format, await sampleHead(file, detected));
    if (given.label === undefined) {
      const g = guesses.label[0];
      if (!g) throw new CliError(`--label is missing and no column looks like the true label (columns: ${guesses.columns.join(', ')})\nusage: ${USAGE}`);
      draft.label = g.column;
      io.err(`tally eval: using --label ${g.column} (${g.reason})`);
    }
    if (outputs === 0) {
      const r = guesses.roles;
      if (r?.score) draft.score = r.score;
      else if (r?.probabilityPrefix) draft.probabilityPrefix = r.probabilityPrefix;
      else if (r?.prediction) draft.prediction = r.prediction;
      else throw new CliError(`give the model output: --score COL, --scores PREFIX or --prediction COL (no column looks like one; columns: ${guesses.columns.join(', ')})`);
      const flag = draft.score ? `--score ${String(draft.score)}` : draft.probabilityPrefix ? `--scores ${String(draft.probabilityPrefix)}` : `--prediction ${String(draft.prediction)}`;
      io.err(`tally eval: using ${flag} (guessed from the column names and values)`);
    }
  }
  const r = PredictionRoles.safeParse(draft);
  if (!r.success) throw new CliError(r.error.issues[0]!.message);
  return r.data;
}

function optionsOf(p: Parsed): EvaluationOptions {
  const task = stringFlag(p, 'task');
  const fp = moneyFlag(p, 'cost-fp');
  const fn = moneyFlag(p, 'cost-fn');
  if ((fp === undefined) !== (fn === undefined)) throw new CliError('give both --cost-fp and --cost-fn (what a false positive and a false negative cost), or neither');
  const draft: Record<string, unknown> = {
    ...(task !== undefined ? { task } : {}),
    ...(stringFlag(p, 'positive') !== undefined ? { positiveLabel: stringFlag(p, 'positive') } : {}),
    ...(numberFlag(p, 'threshold') !== undefined ? { threshold: numberFlag(p, 'threshold') } : {}),
    ...(p.values['raw-scores'] === true ? { rawScores: true } : {}),
    ...(p.values['no-label-issues'] === true ? { labelIssues: false } : {}),
    ...(fp !== undefined && fn !== undefined ? { costs: { falsePositiveMicros: fp, falseNegativeMicros: fn } } : {}),
    ...(wholeFlag(p, 'bootstrap', 10000) !== undefined ? { bootstrapSamples: wholeFlag(p, 'bootstrap', 10000) } : {}),
    ...(wholeFlag(p, 'seed', 2 ** 31 - 1) !== undefined ? { seed: wholeFlag(p, 'seed', 2 ** 31 - 1) } : {}),
    ...(list(p, 'gate').length ? { gates: list(p, 'gate') } : {}),
  };
  try {
    checkGates(list(p, 'gate'));
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const r = EvaluationOptions.safeParse(draft);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const flag = i.path[0] === 'task' ? '--task must be binary, multiclass or regression' : `${String(i.path[0] ?? 'option')}: ${i.message}`;
    throw new CliError(flag);
  }
  return r.data;
}

const GateReferenceFile = EvaluationResult.pick({ metrics: true, slices: true }).extend({
  reasons: EvaluationResult.shape.reasons.optional(),
  membershipInference: EvaluationResult.shape.membershipInference.optional(),
});

function readReference(path: string): GateReference {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`--reference: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    const at = positionIn(text, problem.at, 1, 1);
    throw new CliError(`${path}:${at.line}:${at.column}: not valid JSON: found ${describeJsonChar(text, problem.at)}, expected ${problem.expected}. --reference takes the output of tally eval --json`);
  }
  const r = GateReferenceFile.safeParse(value);
  if (!r.success) throw new CliError(`${path}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}; --reference takes the output of tally eval --json`);
  return r.data;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const fileArg = p.positionals[0];
  if (!fileArg) throw new CliError(`missing FILE\nusage: ${USAGE}`);
  if (p.positionals.length > 1) throw new CliError(`one FILE at a time (got ${p.positionals.length})\nusage: ${USAGE}`);
  const at = (x: string | undefined) => (x === undefined ? undefined : resolve(io.cwd, x));
  const file = at(fileArg)!;
  const referencePath = at(stringFlag(p, 'reference'));
  const junitPath = at(stringFlag(p, 'junit'));
  const htmlPath = at(stringFlag(p, 'html'));
  // Before reading anything: a report written over an input would destroy the user's data.
  refuseOutputsOverInputs(
    [{ flag: 'FILE', path: file }, ...(referencePath ? [{ flag: '--reference', path: referencePath }] : [])],
    [...(junitPath ? [{ flag: '--junit', path: junitPath }] : []), ...(htmlPath ? [{ flag: '--html', path: htmlPath }] : [])],
  );
  const options = optionsOf(p);
  const reference = referencePath ? readReference(referencePath) : null;
  const started = Date.now();
  let result: EvaluationResult;
  try {
    const roles = await rolesOf(p, file, io);
    const outcome = await runEvaluation({ file, roles, options });
    result = { ...outcome.result, gates: judgeGates(outcome.result, options.gates ?? [], reference) };
    // For the bench: the worker's own figures (a process timer sees only this process).
    if (io.env.TALLY_EVAL_STATS === '1') io.err(`tally eval stats: ${JSON.stringify({ timings: outcome.timings, workerPeakRssBytes: outcome.peakRssBytes, workerCpuMs: outcome.cpuMs })}`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const unusable = e.code === 'PARSE_ERROR' || e.code === 'FILE_NOT_FOUND' || e.code === 'UNSUPPORTED' || e.code === 'INVALID_INPUT';
    throw new CliError(positioned(e), unusable ? EXIT.usage : EXIT.failed);
  }
  const durationMs = Date.now() - started;
  const name = basename(file);
  if (junitPath) writeFileAtomic(junitPath, renderEvalJunit(name, result, durationMs), '--junit');
  if (htmlPath) writeFileAtomic(htmlPath, renderEvalHtml(name, result, new Date().toISOString()), '--html');
  io.out(p.values.json === true ? json(evalJson(file, result)) : renderEvalText(name, result));
  return result.gates.some((g) => g.passed !== true) ? EXIT.failed : EXIT.ok;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate a model from its predictions file: metrics with intervals, slices, threshold, gates (CI exit codes)',
  usage: USAGE,
  run,
};
