import { isScalar, parseDocument, type Document } from 'yaml';
import { RUN_STATUSES, type RunStatus } from '../../../../shared/contract/runs';

/**
 * The meta.yaml files of MLflow's file store, read as MLflow writes them (PyYAML safe_dump, so
 * YAML 1.1 scalars: `yes` is a boolean there, and PyYAML quotes any string that would read as
 * something else). Pure: text in, a record or the problem (with its line) out.
 *
 * Experiment: experiment_id (a string, or an int in files from before MLflow 1.0), name,
 * artifact_location, lifecycle_stage, creation_time and last_update_time (absent before 2.0).
 * Run: run_id / run_uuid, run_name (absent before 2.0: the tag mlflow.runName names it), name
 * (very old files), experiment_id, user_id, status (an int: 1 RUNNING ... 5 KILLED; or its
 * name), start_time, end_time, lifecycle_stage (absent: active), deleted_time, artifact_uri.
 */
export interface MetaProblem {
  line: number | null;
  field: string | null;
  reason: string;
}

export interface ExperimentMeta {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: 'active' | 'deleted';
  creationTime: number | null;
  lastUpdateTime: number | null;
}

export interface RunMeta {
  runId: string;
  runName: string | null;
  experimentId: string;
  userId: string;
  status: RunStatus;
  startTime: number | null;
  endTime: number | null;
  lifecycleStage: 'active' | 'deleted';
  deletedTime: number | null;
  artifactUri: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MetaProblem };

/** MLflow's RunStatus enum (mlflow/protos/service.proto). */
const STATUS_BY_NUMBER: Record<number, RunStatus> = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };

class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly line: number | null,
  ) {
    super(reason);
  }
}

/** A mapping read from YAML text, with the line of each top-level key. */
class Meta {
  constructor(
    private readonly doc: Document,
    private readonly lineOf: (offset: number) => number,
  ) {}

  private node(key: string) {
    return this.doc.get(key, true);
  }

  line(key: string): number | null {
    const n = this.node(key);
    const range = n && typeof n === 'object' && 'range' in n ? (n.range as [number, number, number] | undefined) : undefined;
    return range ? this.lineOf(range[0]) : null;
  }

  has(key: string): boolean {
    const v = this.doc.get(key);
    return v !== undefined && v !== null;
  }

  /** A string field; a scalar that YAML read as a number or boolean keeps the text it was written as. */
  text(key: string, required: boolean): string | null {
    const n = this.node(key);
    if (n === undefined || n === null || (isScalar(n) && n.value === null)) {
      if (required) throw new FieldError(key, `${key} is missing`, null);
      return null;
    }
    if (!isScalar(n)) throw new FieldError(key, `${key} should be text`, this.line(key));
    if (typeof n.value === 'string') return n.value;
    return n.source ?? String(n.value);
  }

  /** Epoch milliseconds, or null when absent. */
  millis(key: string): number | null {
    const v = this.doc.get(key);
    if (v === undefined || v === null) return null;
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new FieldError(key, `${key} should be whole epoch milliseconds, not ${JSON.stringify(v)}`, this.line(key));
    return n;
  }

  lifecycle(): 'active' | 'deleted' {
    const v = this.text('lifecycle_stage', false);
    if (v === null) return 'active';
    if (v === 'active' || v === 'deleted') return v;
    throw new FieldError('lifecycle_stage', `lifecycle_stage is "${v}"; MLflow writes active or deleted`, this.line('lifecycle_stage'));
  }
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Parses YAML text into a top-level mapping, or says where it went wrong. */
export function readMeta(text: string): Parsed<Meta> {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const lineOf = lineIndex(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lineOf(e.pos[0]);
    return { ok: false, problem: { line, field: null, reason: `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` } };
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { ok: false, problem: { line: null, field: null, reason: 'the file is empty' } };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: { line: 1, field: null, reason: 'expected key: value lines, found a single value or a list' } };
  return { ok: true, value: new Meta(doc, lineOf) };
}

function guarded<T>(text: string, read: (m: Meta) => T): Parsed<T> {
  const meta = readMeta(text);
  if (!meta.ok) return meta;
  try {
    return { ok: true, value: read(meta.value) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, problem: { line: e.line, field: e.field, reason: e.reason } };
    throw e;
  }
}

export function parseExperimentMeta(text: string): Parsed<ExperimentMeta> {
  return guarded(text, (m) => {
    const name = m.text('name', true)!;
    if (name.trim() === '') throw new FieldError('name', 'name is empty', m.line('name'));
    return {
      experimentId: m.text('experiment_id', true)!,
      name,
      artifactLocation: m.text('artifact_location', false) ?? '',
      lifecycleStage: m.lifecycle(),
      creationTime: m.millis('creation_time'),
      lastUpdateTime: m.millis('last_update_time'),
    };
  });
}

/** A status written as MLflow's enum number (what the file store writes) or its name. */
export function parseRunStatus(v: unknown): RunStatus | null {
  if (v === undefined || v === null) return 'RUNNING';
  if (typeof v === 'number') return STATUS_BY_NUMBER[v] ?? null;
  if (typeof v === 'string') {
    const t = v.trim().toUpperCase();
    if (/^\d+$/.test(t)) return STATUS_BY_NUMBER[Number(t)] ?? null;
    return (RUN_STATUSES as readonly string[]).includes(t) ? (t as RunStatus) : null;
  }
  return null;
}

export function parseRunMeta(text: string): Parsed<RunMeta> {
  return guarded(text, (m) => {
    const runId = m.text('run_id', false) ?? m.text('run_uuid', false);
    if (runId === null) throw new FieldError('run_id', 'run_id (or run_uuid) is missing', null);
    const raw = m.has('status') ? (m.text('status', false) ?? null) : null;
    const status = parseRunStatus(raw === null ? null : /^\d+$/.test(raw) ? Number(raw) : raw);
    if (status === null) throw new FieldError('status', `status ${JSON.stringify(raw)} is not one of MLflow's run statuses (1-5 or ${RUN_STATUSES.join(', ')})`, m.line('status'));
    const lifecycleStage = m.lifecycle();
    return {
      runId,
      runName: m.text('run_name', false) ?? m.text('name', false),
      experimentId: m.text('experiment_id', true)!,
      userId: m.text('user_id', false) ?? '',
      status,
      startTime: m.millis('start_time'),
      endTime: m.millis('end_time'),
      lifecycleStage,
      deletedTime: m.millis('deleted_time'),
      artifactUri: m.text('artifact_uri', false) ?? '',
    };
  });
}
