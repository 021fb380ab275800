/**
 * `tally eval` on real data against scikit-learn itself: test/fixtures/sklearn/make_predictions.py
 * (Debian's python3 with scikit-learn 1.2.1) fits seeded models on scikit-learn's bundled data sets
 * and writes the predictions and sklearn's metrics into a temp dir at test time; every metric here
 * must equal sklearn's to 1e-9. The same rows as CSV, JSON Lines, JSON and Parquet must give
 * identical results.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

interface Case {
  roles: { label: string; score?: string; probabilityPrefix?: string; prediction?: string; weight?: string };
  task: string;
  metrics: Record<string, number>;
  confusionMatrix?: number[][];
  labels?: string[];
}

const script = join(__dirname, '../fixtures/sklearn/make_predictions.py');
let t: ReturnType<typeof tempDir>;
let expected: Record<string, Case>;

beforeAll(() => {
  t = tempDir('tally-eval-sklearn-');
  const r = spawnSync('/usr/bin/python3', [script, t.dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_predictions.py failed (needs Debian's python3-sklearn and python3-pandas): ${r.stderr}`);
  expected = JSON.parse(readFileSync(join(t.dir, 'expected.json'), 'utf8')) as Record<string, Case>;
}, 120_000);
afterAll(() => t?.cleanup());

function flags(c: Case): string[] {
  const r = c.roles;
  return [
    '--label', r.label,
    ...(r.score ? ['--score', r.score] : []),
    ...(r.probabilityPrefix ? ['--scores', r.probabilityPrefix] : []),
    ...(r.prediction ? ['--prediction', r.prediction] : []),
    ...(r.weight ? ['--weight', r.weight] : []),
    '--task', c.task,
    '--bootstrap', '0',
    '--json',
  ];
}

async function evaluate(file: string, c: Case): Promise<Record<string, unknown>> {
  const r = await runCli(['eval', file, ...flags(c)]);
  if (r.code !== 0) throw new Error(`tally eval ${file} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Within 1e-9, relative to the size of the value (absolute below 1). */
function close(actual: number, wanted: number): boolean {
  return Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
}

const CASES = ['breast_cancer', 'breast_cancer_weighted', 'iris', 'digits', 'diabetes'];

describe('tally eval equals scikit-learn on real data', () => {
  it.each(CASES)('%s', async (name) => {
    const c = expected[name]!;
    const out = await evaluate(join(t.dir, `${name}.csv`), c);
    expect(out.task).toBe(c.task);
    const metrics = out.metrics as Record<string, number | null>;
    for (const [k, v] of Object.entries(c.metrics)) {
      const got = metrics[k];
      expect(got, `${name} ${k}`).not.toBeNull();
      expect(close(got!, v), `${name} ${k}: tally ${got}, scikit-learn ${v}`).toBe(true);
    }
    if (c.confusionMatrix) {
      const cm = out.confusionMatrix as { labels: string[]; matrix: number[][] };
      expect(cm.labels).toEqual(c.labels);
      cm.matrix.forEach((row, i) => row.forEach((x, j) => expect(close(x, c.confusionMatrix![i]![j]!), `${name} cm[${i}][${j}]`).toBe(true)));
    }
  });
});

/** The CSV's rows as records: numbers where the text is a number (labels of iris stay text). */
function records(csv: string): Record<string, string | number>[] {
  const [head, ...lines] = csv.trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((cell, i) => [names[i]!, cell !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell])));
}

function writeFormats(name: string): { jsonl: string; json: string; parquet: string } {
  const rows = records(readFileSync(join(t.dir, `${name}.csv`), 'utf8'));
  const base = join(t.dir, name);
  writeFileSync(`${base}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(`${base}.json`, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  const columns = Object.keys(rows[0]!).map((col) => {
    const data = rows.map((r) => r[col]!);
    const text = data.some((v) => typeof v === 'string');
    const ints = !text && data.every((v) => Number.isInteger(v));
    return { name: col, data, type: text ? 'STRING' : ints ? 'INT32' : 'DOUBLE' } as const;
  });
  writeFileSync(`${base}.parquet`, Buffer.from(parquetWriteBuffer({ columnData: columns })));
  return { jsonl: `${base}.jsonl`, json: `${base}.json`, parquet: `${base}.parquet` };
}

function withoutInput(out: Record<string, unknown>): Record<string, unknown> {
  const { file: _file, input, ...rest } = out;
  const { file: _f, format: _fmt, sizeBytes: _s, ...sameInput } = input as Record<string, unknown>;
  return { ...rest, input: sameInput };
}

describe('the same rows in every format give identical results', () => {
  it.each(CASES)('%s as CSV, JSON Lines, JSON and Parquet', async (name) => {
    const c = expected[name]!;
    const csv = withoutInput(await evaluate(join(t.dir, `${name}.csv`), c));
    const files = writeFormats(name);
    for (const [format, file] of Object.entries(files)) {
      const out = await evaluate(file, c);
      expect((out.input as { format: string }).format).toBe(format);
      expect(withoutInput(out), `${name} as ${format}`).toEqual(csv);
    }
  });
});
