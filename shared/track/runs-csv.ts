import { parseCsv, serializeCsv } from '../catalog/csv';
import { neutraliseCell, unneutraliseCell } from './csv-injection';

/**
 * The runs CSV: one row per run, the fixed columns below, then `param.<key>`, `metric.<key>`
 * (the latest value) and `tag.<key>` columns for every key any run has (sorted; a blank cell
 * means the run has no such key). Every cell is neutralised against CSV injection on the way out
 * and restored on the way in. Pure: text in and out; the backend reads and writes the files.
 */
export const RUN_CSV_COLUMNS = [
  'id',
  'name',
  'experiment',
  'status',
  'start_time',
  'end_time',
  'duration_hours',
  'hardware',
  'devices',
  'cost',
  'currency',
  'cost_basis',
  'energy_kwh',
  'energy_basis',
  'co2_kg',
] as const;

const PREFIXES = ['param.', 'metric.', 'tag.'] as const;
const STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
const COST_BASES = ['manual', 'per-run-price', 'project-rate', 'catalog', 'unknown'] as const;
const ENERGY_BASES = ['measured-kwh', 'system-metrics', 'estimated', 'unknown'] as const;

export interface CsvRunOut {
  id: string;
  name: string;
  experiment: string;
  status: string;
  startTime: string | null;
  endTime: string | null;
  hours: number | null;
  hardware: string | null;
  devices: number | null;
  costCents: number | null;
  currency: string;
  costBasis: string;
  energyKwh: number | null;
  energyBasis: string;
  co2Kg: number | null;
  params: Record<string, string>;
  /** Latest value per key; NaN and infinities as "NaN", "Infinity", "-Infinity". */
  metrics: Record<string, number | string>;
  tags: Record<string, string>;
}

const num = (n: number | null) => (n == null ? '' : String(n));

function keysOf(runs: readonly CsvRunOut[], pick: (r: CsvRunOut) => Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const r of runs) for (const k of Object.keys(pick(r))) keys.add(k);
  return [...keys].sort();
}

export function runsToCsv(runs: readonly CsvRunOut[]): string {
  const params = keysOf(runs, (r) => r.params);
  const metrics = keysOf(runs, (r) => r.metrics);
  const tags = keysOf(runs, (r) => r.tags);
  const header = [...RUN_CSV_COLUMNS, ...params.map((k) => `param.${k}`), ...metrics.map((k) => `metric.${k}`), ...tags.map((k) => `tag.${k}`)];
  const rows = runs.map((r) => [
    r.id,
    r.name,
    r.experiment,
    r.status,
    r.startTime ?? '',
    r.endTime ?? '',
    num(r.hours),
    r.hardware ?? '',
    num(r.devices),
    r.costCents == null ? '' : (r.costCents / 100).toFixed(2),
    r.currency,
    r.costBasis,
    num(r.energyKwh),
    r.energyBasis,
    num(r.co2Kg),
    ...params.map((k) => r.params[k] ?? ''),
    ...metrics.map((k) => (r.metrics[k] === undefined ? '' : String(r.metrics[k]))),
    ...tags.map((k) => r.tags[k] ?? ''),
  ]);
  return serializeCsv([header, ...rows].map((row) => row.map(neutraliseCell)));
}

export interface CsvRunIn {
  id: string;
  name: string | null;
  experiment: string;
  status: (typeof STATUSES)[number] | null;
  /** Epoch ms. */
  startTime: number | null;
  endTime: number | null;
  durationHours: number | null;
  hardware: string | null;
  devices: number | null;
  costCents: number | null;
  currency: string | null;
  costBasis: (typeof COST_BASES)[number] | null;
  energyKwh: number | null;
  energyBasis: (typeof ENERGY_BASES)[number] | null;
  params: Record<string, string>;
  metrics: Record<string, number>;
  tags: Record<string, string>;
}

export interface CsvFieldProblem {
  line: number;
  field: string;
  reason: string;
}

/** The file cannot be read as a runs CSV at all. */
export class RunsCsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'RunsCsvError';
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Record<string, number> = { nan: Number.NaN, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity, inf: Infinity, '-inf': -Infinity };

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (NUMBER.test(t)) return Number(t);
  const v = SPECIAL[t.toLowerCase()];
  return v === undefined ? null : v;
}

function parseTime(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number.isSafeInteger(Number(t)) ? Number(t) : undefined;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return undefined;
  const ms = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function oneOf<T extends string>(list: readonly T[], s: string, lower: boolean): T | null | undefined {
  const t = lower ? s.trim().toLowerCase() : s.trim().toUpperCase();
  if (t === '') return null;
  return (list as readonly string[]).includes(t) ? (t as T) : undefined;
}

interface Column {
  index: number;
  name: string;
  kind: 'base' | 'param' | 'metric' | 'tag';
  key: string;
}

function readHeader(fields: string[]): { columns: Column[]; ignored: string[] } {
  const columns: Column[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  fields.forEach((raw, index) => {
    const name = unneutraliseCell(raw).trim();
    if (seen.has(name)) throw new RunsCsvError(`line 1: the column "${name}" appears twice`, 1);
    seen.add(name);
    if ((RUN_CSV_COLUMNS as readonly string[]).includes(name)) columns.push({ index, name, kind: 'base', key: name });
    else {
      const prefix = PREFIXES.find((p) => name.startsWith(p) && name.length > p.length);
      if (prefix) columns.push({ index, name, kind: prefix.slice(0, -1) as Column['kind'], key: name.slice(prefix.length) });
      else ignored.push(name);
    }
  });
  for (const required of ['id', 'experiment']) {
    if (!columns.some((c) => c.name === required)) throw new RunsCsvError(`line 1: no "${required}" column; the header needs at least id and experiment (then ${RUN_CSV_COLUMNS.slice(3).join(', ')}, param.<key>, metric.<key>, tag.<key>)`, 1);
  }
  return { columns, ignored };
}

/** Reads one data row; returns the run or every problem with it. */
function readRow(line: number, fields: string[], columns: Column[]): CsvRunIn | CsvFieldProblem[] {
  const problems: CsvFieldProblem[] = [];
  const bad = (field: string, reason: string) => problems.push({ line, field, reason });
  const run: CsvRunIn = {
    id: '',
    name: null,
    experiment: '',
    status: null,
    startTime: null,
    endTime: null,
    durationHours: null,
    hardware: null,
    devices: null,
    costCents: null,
    currency: null,
    costBasis: null,
    energyKwh: null,
    energyBasis: null,
    params: {},
    metrics: {},
    tags: {},
  };
  const positive = (c: Column, v: string, set: (n: number) => void, opts: { whole?: boolean; min?: number } = {}) => {
    if (v.trim() === '') return;
    const n = parseNumber(v);
    if (n === null || !Number.isFinite(n) || n < (opts.min ?? 0) || (opts.whole && !Number.isInteger(n))) bad(c.name, `"${v.slice(0, 40)}" is not ${opts.whole ? 'a whole number' : 'a number'} of at least ${opts.min ?? 0}`);
    else set(n);
  };
  for (const c of columns) {
    const v = unneutraliseCell(fields[c.index] ?? '');
    if (c.kind === 'param') {
      if (v !== '') run.params[c.key] = v;
    } else if (c.kind === 'tag') {
      if (v !== '') run.tags[c.key] = v;
    } else if (c.kind === 'metric') {
      if (v.trim() === '') continue;
      const n = parseNumber(v);
      if (n === null) bad(c.name, `"${v.slice(0, 40)}" is not a number (NaN, Infinity and -Infinity are allowed)`);
      else run.metrics[c.key] = n;
    } else {
      switch (c.name) {
        case 'id': {
          const id = v.trim().toLowerCase();
          if (!/^[0-9a-f]{32}$/.test(id)) bad('id', id === '' ? 'missing; every run needs its 32-hex id (exports have it)' : `"${v.slice(0, 40)}" is not a 32-hex run id`);
          run.id = id;
          break;
        }
        case 'name':
          run.name = v.trim() === '' ? null : v.slice(0, 500);
          break;
        case 'experiment':
          if (v.trim() === '') bad('experiment', 'missing; every run needs its experiment name');
          run.experiment = v.trim();
          break;
        case 'status': {
          const s = oneOf(STATUSES, v, false);
          if (s === undefined) bad('status', `"${v.slice(0, 40)}" is not one of ${STATUSES.join(', ')}`);
          else run.status = s;
          break;
        }
        case 'start_time':
        case 'end_time': {
          const t = parseTime(v);
          if (t === undefined) bad(c.name, `"${v.slice(0, 40)}" is not a date-time (use ISO 8601 like 2026-11-30T08:00:00Z, or epoch milliseconds)`);
          else if (c.name === 'start_time') run.startTime = t;
          else run.endTime = t;
          break;
        }
        case 'duration_hours':
          positive(c, v, (n) => (run.durationHours = n));
          break;
        case 'hardware':
          run.hardware = v.trim() === '' ? null : v.trim();
          break;
        case 'devices':
          positive(c, v, (n) => (run.devices = n), { whole: true, min: 1 });
          break;
        case 'cost':
          positive(c, v, (n) => (run.costCents = Math.round(n * 100)));
          break;
        case 'currency':
          if (v.trim() !== '' && !/^[A-Za-z]{3}$/.test(v.trim())) bad('currency', `"${v.slice(0, 40)}" is not a 3-letter currency code`);
          else run.currency = v.trim() === '' ? null : v.trim().toUpperCase();
          break;
        case 'cost_basis': {
          const b = oneOf(COST_BASES, v, true);
          if (b === undefined) bad('cost_basis', `"${v.slice(0, 40)}" is not one of ${COST_BASES.join(', ')}`);
          else run.costBasis = b;
          break;
        }
        case 'energy_kwh':
          positive(c, v, (n) => (run.energyKwh = n));
          break;
        case 'energy_basis': {
          const b = oneOf(ENERGY_BASES, v, true);
          if (b === undefined) bad('energy_basis', `"${v.slice(0, 40)}" is not one of ${ENERGY_BASES.join(', ')}`);
          else run.energyBasis = b;
          break;
        }
        default:
          break; // co2_kg: derived, recomputed on import
      }
    }
  }
  if (run.startTime !== null && run.endTime !== null && run.endTime < run.startTime) bad('end_time', 'the run ends before it starts');
  if (run.costBasis === 'manual' && run.costCents !== null && run.currency === null) bad('currency', 'a manual cost needs its currency');
  return problems.length ? problems : run;
}

export interface RunsCsvParse {
  rows: Array<{ line: number; run: CsvRunIn }>;
  problems: CsvFieldProblem[];
  /** Header names that are neither a known column nor param./metric./tag.<key>. */
  ignoredColumns: string[];
}

/** Parses the file; throws RunsCsvError when it cannot be a runs CSV (no header, broken quoting). */
export function parseRunsCsv(text: string): RunsCsvParse {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    throw new RunsCsvError((e as Error).message, (e as { line?: number }).line ?? 1);
  }
  if (records.length === 0) throw new RunsCsvError('line 1: the file is empty; expected a header line (id,name,experiment,...)', 1);
  const { columns, ignored } = readHeader(records[0]!.fields);
  const width = records[0]!.fields.length;
  const rows: RunsCsvParse['rows'] = [];
  const problems: CsvFieldProblem[] = [];
  const seen = new Map<string, number>();
  for (const r of records.slice(1)) {
    if (r.fields.length !== width) {
      problems.push({ line: r.line, field: '(row)', reason: `has ${r.fields.length} fields; the header has ${width}` });
      continue;
    }
    const got = readRow(r.line, r.fields, columns);
    if (Array.isArray(got)) {
      problems.push(...got);
      continue;
    }
    const first = seen.get(got.id);
    if (first !== undefined) {
      problems.push({ line: r.line, field: 'id', reason: `run ${got.id} already appears on line ${first}` });
      continue;
    }
    seen.set(got.id, r.line);
    rows.push({ line: r.line, run: got });
  }
  return { rows, problems, ignoredColumns: ignored };
}
