/**
 * A quick look at a data file when it is registered: its format and column names, with types
 * guessed from the first rows. Reads only the head (64 KiB; Parquet: its footer). The full,
 * authoritative schema comes from the analysis, which replaces this one.
 */
import type { DatasetFormat, DatasetSchema } from '../../../shared/contract/datasets';
import { checkHeader, firstRow, generatedNames, headerText } from '../analysis/read/csv-header';
import { sniffCsv } from '../analysis/read/csv-sniffer';
import { detectFormat, type DetectedFormat } from '../analysis/read/format-detector';
import { parseError } from '../analysis/read/parse-error';
import { sniffedType } from '../analysis/read/parquet-cells';
import { openParquet } from '../analysis/read/parquet-file';

export interface SniffedDataset {
  format: DatasetFormat;
  schema: DatasetSchema;
}

type SniffType = DatasetSchema['columns'][number]['type'];

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|yes|no)$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function kindOf(v: unknown): Exclude<SniffType, null> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'float';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date) return 'datetime';
  const s = String(v).trim();
  if (s === '') return null;
  if (INTEGER.test(s)) return 'integer';
  if (FLOAT.test(s)) return 'float';
  if (BOOLEAN.test(s)) return 'boolean';
  if (DATETIME.test(s)) return 'datetime';
  return 'text';
}

/** One type per column from sample values: integer widens to float; any disagreement is text. */
function typeFromValues(values: unknown[]): SniffType {
  let t: SniffType = null;
  for (const v of values) {
    const k = kindOf(v);
    if (k === null || k === t) continue;
    if (t === null) t = k;
    else if ((t === 'integer' && k === 'float') || (t === 'float' && k === 'integer')) t = 'float';
    else return 'text';
  }
  return t;
}

/** Splits one line on the delimiter honouring quotes (a guess only; the analysis is exact). */
function splitLine(line: string, delimiter: string, quote: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === quote) {
      if (inQuote && line[i + 1] === quote) {
        cur += c;
        i++;
      } else inQuote = !inQuote;
    } else if (c === delimiter && !inQuote) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const SAMPLE_ROWS = 200;

function sniffDelimited(file: string, d: DetectedFormat): SniffedDataset {
  const dialect = sniffCsv(d.headText, d.headIsWholeFile, d.extension);
  const head = firstRow(file, Buffer.from(headerText(file, d, dialect.quote), 'utf8'), { delimiter: dialect.delimiter.charCodeAt(0), quote: dialect.quote.charCodeAt(0) });
  if (head === null) throw parseError(file, 'the file is empty; expected a header line and at least one data row.');
  const names = dialect.hasHeader ? head.cells.map((c) => c.trim()) : generatedNames(head.cells.length);
  if (dialect.hasHeader) checkHeader(file, head.cells, head.columns);
  const lines = d.headText.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (!d.headIsWholeFile) lines.pop(); // probably cut short
  const rows = lines.slice(dialect.hasHeader ? 1 : 0, SAMPLE_ROWS + 1).map((l) => splitLine(l, dialect.delimiter, dialect.quote));
  return {
    format: dialect.delimiter === '\t' ? 'tsv' : 'csv',
    schema: {
      source: 'sniffed',
      columns: names.map((name, i) => ({ name, type: typeFromValues(rows.map((r) => r[i])) })),
      encoding: d.encoding.encoding,
      delimiter: dialect.delimiter,
      hasHeader: dialect.hasHeader,
    },
  };
}

/** Column names in first-seen order and their values, over the records found in the head. */
function schemaOfRecords(records: unknown[], encoding: string): DatasetSchema {
  const values = new Map<string, unknown[]>();
  for (const r of records) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    for (const [k, v] of Object.entries(r)) {
      if (!values.has(k)) values.set(k, []);
      values.get(k)!.push(v);
    }
  }
  return {
    source: 'sniffed',
    columns: [...values].map(([name, vs]) => ({ name, type: typeFromValues(vs) })),
    encoding,
    delimiter: null,
    hasHeader: null,
  };
}

function parseOrSkip(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sniffJsonLines(d: DetectedFormat): SniffedDataset {
  const lines = d.headText.split(/\r\n|\n/).filter((l) => l.trim() !== '');
  if (!d.headIsWholeFile) lines.pop();
  const records = lines.slice(0, SAMPLE_ROWS).map(parseOrSkip);
  return { format: 'jsonl', schema: schemaOfRecords(records, d.encoding.encoding) };
}

/** The complete top-level objects at the start of a JSON array (string-aware brace matching). */
function leadingArrayObjects(text: string, max: number): unknown[] {
  const out: unknown[] = [];
  const start = text.indexOf('[');
  let depth = 0;
  let inString = false;
  let objStart = -1;
  for (let i = start + 1; i < text.length && out.length < max; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth === 0) objStart = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0 && objStart >= 0) out.push(parseOrSkip(text.slice(objStart, i + 1)));
    }
  }
  return out;
}

async function sniffParquet(file: string, size: number): Promise<SniffedDataset> {
  const parquet = await openParquet(file, size);
  try {
    const columns = parquet.columns.map((c) => ({ name: c.element.name, type: sniffedType(c) as SniffType }));
    return { format: 'parquet', schema: { source: 'sniffed', columns, encoding: null, delimiter: null, hasHeader: null } };
  } finally {
    await parquet.close();
  }
}

/** Throws the engine's PARSE_ERROR (file, line, column) or FILE_NOT_FOUND for unusable files. */
export async function sniffDataset(file: string): Promise<SniffedDataset> {
  const d = detectFormat(file);
  if (d.format === 'parquet') return sniffParquet(file, d.size);
  if (d.format === 'jsonl') return sniffJsonLines(d);
  if (d.format === 'json') {
    const records = d.headIsWholeFile ? parseOrSkip(d.headText) : undefined;
    const list = Array.isArray(records) ? records.slice(0, SAMPLE_ROWS) : leadingArrayObjects(d.headText, SAMPLE_ROWS);
    return { format: 'json', schema: schemaOfRecords(list, d.encoding.encoding) };
  }
  return sniffDelimited(file, d);
}
