/**
 * Bad predictions files: every file in test/fixtures/eval-malformed yields exactly its golden
 * error (code, and a message naming the file, the line or row, the column and what was expected),
 * read in this process as the worker reads it, and the file is left unchanged. One file also goes
 * through `tally eval` (exit code 2, the same message as file:line:column) and through
 * evaluations.start (the task fails and nothing is stored).
 */
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../electron/backend/analysis/evaluate/evaluate-request';
import type { EvaluationOptions, EvaluationTaskState, PredictionRoles } from '../../shared/contract/evaluations';
import { AppError } from '../../shared/domain/errors';
import { runCli } from '../support/cli';
import { tempDir, testBackend } from '../support/temp';
import { newProject } from './check-support';
import { runEvaluationTask } from './eval-support';

interface Golden {
  roles: PredictionRoles;
  options?: EvaluationOptions;
  code: string;
  message: string;
}

const corpusDir = join(__dirname, '../fixtures/eval-malformed');
const golden = JSON.parse(readFileSync(join(corpusDir, 'golden.json'), 'utf8')) as Record<string, Golden>;
const files = Object.keys(golden).sort();

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('tally-eval-malformed-');
});
afterEach(() => t.cleanup());

async function errorOf(path: string, g: Golden): Promise<AppError> {
  try {
    await evaluateRequest({ kind: 'evaluate', file: path, roles: g.roles, options: { bootstrapSamples: 0, ...g.options } }, () => {});
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${path} was evaluated without an error`);
}

describe('malformed predictions files', () => {
  it('has a golden error for every file in the corpus', () => {
    expect(readdirSync(corpusDir).filter((f) => f !== 'golden.json').sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s yields its golden error and is left unchanged', async (name) => {
    const g = golden[name]!;
    const path = join(t.dir, name);
    copyFileSync(join(corpusDir, name), path);
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const error = await errorOf(path, g);
    expect({ code: error.code, message: error.message }).toEqual({ code: g.code, message: g.message });
    expect(error.location?.file).toBe(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('tally eval exits 2 with file:line:column and the same explanation', async () => {
    const path = join(t.dir, 'probability-above-one.csv');
    copyFileSync(join(corpusDir, 'probability-above-one.csv'), path);
    const r = await runCli(['eval', path, '--label', 'label', '--scores', 'p_']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tally eval: ${path}:3:9: column "p_dog" holds 1.2, outside [0, 1]; expected a probability between 0 and 1.\n`);
  });

  it('evaluations.start on a bad file fails its task with the golden error and stores nothing', async () => {
    const b = testBackend();
    try {
      const projectId = await newProject(b.backend);
      const path = join(b.dir, 'rows-not-summing-to-one.csv');
      copyFileSync(join(corpusDir, 'rows-not-summing-to-one.csv'), path);
      const task = await runEvaluationTask<EvaluationTaskState>(b.backend, { projectId, path, roles: golden['rows-not-summing-to-one.csv']!.roles });
      expect(task.error).toMatchObject({ code: 'PARSE_ERROR', message: golden['rows-not-summing-to-one.csv']!.message, location: { file: path, line: 3 } });
      expect((b.backend.context.db.prepare('SELECT COUNT(*) AS n FROM evaluations').get() as { n: number }).n).toBe(0);
    } finally {
      b.cleanup();
    }
  });
});

describe('inputs that are usable but limit what can be computed', () => {
  it('a single class gives a result with ROC AUC null and the reason, not an error', async () => {
    const path = join(t.dir, 'one-class.csv');
    writeFileSync(path, 'label,score\n1,0.9\n1,0.4\n1,0.7\n');
    const r = await runCli(['eval', path, '--label', 'label', '--score', 'score', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { metrics: Record<string, number | null>; reasons: Record<string, string>; positiveLabel: string; confusionMatrix: { labels: string[] } };
    expect(out.metrics.rocAuc).toBeNull();
    expect(out.reasons.rocAuc).toBe('ROC AUC needs rows of both classes with weight; only one class is present.');
    expect(out.metrics.recall).toBeCloseTo(2 / 3, 12);
    expect(out.positiveLabel).toBe('1');
    expect(out.confusionMatrix.labels).toEqual(['0', '1']);
  });

  it('raw scores (margins) give ranking metrics, and probability metrics are null with the reason', async () => {
    const path = join(t.dir, 'margins.csv');
    writeFileSync(path, 'label,margin\n1,2.5\n0,-1.2\n1,0.3\n0,0.8\n');
    const r = await runCli(['eval', path, '--label', 'label', '--score', 'margin', '--raw-scores', '--threshold', '0', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { metrics: Record<string, number | null>; reasons: Record<string, string> };
    expect(out.metrics.rocAuc).toBe(0.75);
    expect(out.metrics.accuracy).toBe(0.75);
    expect(out.metrics.logLoss).toBeNull();
    expect(out.reasons.logLoss).toBe('Scores outside [0, 1] are not probabilities, so log loss, Brier score and calibration do not apply.');
  });
});
