import type { Points } from '../metric-store';

/**
 * The lines of an MLflow file-store metric file: `timestamp value step` (MLflow 1.0 on), or
 * `timestamp value` (older files; the step is 0), fields separated by one space, as MLflow's
 * FileStore writes them (`f"{timestamp} {value} {step}\n"`) and reads them back (int, float,
 * int). The value is Python's float text: `0.1`, `1e-05`, `nan`, `inf`, `-inf`. Blank lines are
 * ignored. Pure and streaming: text arrives in pieces and points leave as typed arrays in chunks,
 * so a file of millions of points never becomes millions of objects.
 */
export interface MetricPoint {
  timestamp: number;
  value: number;
  step: number;
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Record<string, number> = { nan: Number.NaN, '+nan': Number.NaN, '-nan': Number.NaN, inf: Infinity, '+inf': Infinity, infinity: Infinity, '+infinity': Infinity, '-inf': -Infinity, '-infinity': -Infinity };

function pyFloat(s: string): number | null {
  if (FLOAT.test(s)) return Number(s);
  const special = SPECIAL[s.toLowerCase()];
  return special === undefined ? null : special;
}

/** One line, or why it is not a metric line. */
export function parseMetricLine(line: string): MetricPoint | string {
  const parts = line.trim().split(' ');
  if (parts.length !== 2 && parts.length !== 3) return `expected "timestamp value step" (3 fields) or "timestamp value" (2), found ${parts.length} field${parts.length === 1 ? '' : 's'}`;
  const [ts, val, st] = parts as [string, string, string | undefined];
  if (!INT.test(ts)) return `the timestamp "${ts.slice(0, 40)}" is not a whole number`;
  const timestamp = Number(ts);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) return `the timestamp ${ts.slice(0, 40)} is not whole epoch milliseconds`;
  const value = pyFloat(val);
  if (value === null) return `the value "${val.slice(0, 40)}" is not a number`;
  let step = 0;
  if (st !== undefined) {
    if (!INT.test(st)) return `the step "${st.slice(0, 40)}" is not a whole number`;
    step = Number(st);
    if (!Number.isSafeInteger(step)) return `the step ${st.slice(0, 40)} is too large`;
  }
  return { timestamp, value, step };
}

export class MetricLineError extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'MetricLineError';
  }
}

/**
 * Feeds text pieces in, hands full chunks of `chunkSize` points to `onChunk` (the arrays are
 * fresh for every chunk). Throws MetricLineError at the first bad line.
 */
export class MetricLineParser {
  private rest = '';
  private lineNo = 0;
  private n = 0;
  private steps: Float64Array;
  private timestamps: Float64Array;
  private values: Float64Array;
  points = 0;

  constructor(
    private readonly onChunk: (p: Points) => void,
    private readonly chunkSize = 65_536,
  ) {
    this.steps = new Float64Array(chunkSize);
    this.timestamps = new Float64Array(chunkSize);
    this.values = new Float64Array(chunkSize);
  }

  push(text: string): void {
    const data = this.rest + text;
    let start = 0;
    for (let nl = data.indexOf('\n', start); nl !== -1; nl = data.indexOf('\n', start)) {
      this.line(data.slice(start, nl));
      start = nl + 1;
    }
    this.rest = data.slice(start);
  }

  end(): void {
    if (this.rest !== '') this.line(this.rest);
    this.rest = '';
    this.flush();
  }

  private line(raw: string): void {
    this.lineNo += 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const p = parseMetricLine(text);
    if (typeof p === 'string') throw new MetricLineError(this.lineNo, text.slice(0, 80), p);
    this.steps[this.n] = p.step;
    this.timestamps[this.n] = p.timestamp;
    this.values[this.n] = p.value;
    this.n += 1;
    this.points += 1;
    if (this.n === this.chunkSize) this.flush();
  }

  private flush(): void {
    if (this.n === 0) return;
    const full = this.n === this.chunkSize;
    this.onChunk({
      steps: full ? this.steps : this.steps.slice(0, this.n),
      timestamps: full ? this.timestamps : this.timestamps.slice(0, this.n),
      values: full ? this.values : this.values.slice(0, this.n),
    });
    if (full) {
      this.steps = new Float64Array(this.chunkSize);
      this.timestamps = new Float64Array(this.chunkSize);
      this.values = new Float64Array(this.chunkSize);
    }
    this.n = 0;
  }
}
