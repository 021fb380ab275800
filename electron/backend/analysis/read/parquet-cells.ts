/**
 * Parquet values as cells the engine and the evaluation readers take: null, a number, a string, a
 * boolean or a valid Date, never a BigInt, a byte array or a nested object (JSON.stringify throws
 * on a BigInt and the contract carries none). What hyparquet returns for the types writers such as
 * DuckDB and pyarrow use, and what each becomes:
 *
 * - 64-bit integers (BigInt): a number while exact (|v| <= 2^53 - 1), else its digits as text, so
 *   the cell is read exactly as the same digits in a CSV file.
 * - DECIMAL: hyparquet multiplies by 10^-scale (0.3 came out 0.30000000000000004); the unscaled
 *   integer is recovered and divided by 10^scale instead, which is the double nearest the decimal
 *   (as a CSV's "0.3" reads). Values with more digits than a double holds are counted in a note.
 * - INTERVAL (hyparquet refuses it): seconds, a month counted as 30 days as DuckDB's epoch() does,
 *   with a note saying so.
 * - TIME: the time of day as text ("13:45:00.25").
 * - DATE: "YYYY-MM-DD" as a CSV holds it; TIMESTAMP (any unit, INT96): a Date to the millisecond.
 *   Values no JavaScript Date holds (DuckDB's infinity) are text, counted in a note.
 * - JSON: its text as stored (hyparquet parsed it and failed on invalid JSON).
 * - Lists, maps and structs: one JSON text per cell, as JSON Lines nested values are read.
 * - Bytes without a text annotation (FIXED_LEN_BYTE_ARRAY): base64.
 * - BSON, which nothing here decodes: the column is left out of the read, with a note.
 */
import type { FileMetaData, ParquetParsers, SchemaElement, SchemaTree } from 'hyparquet';
import { parquetModules } from './parquet-modules';

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
/** JavaScript Dates hold +-8.64e15 ms around 1970. */
const MAX_DATE_MS = 8.64e15;
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;
const SECONDS_PER_MONTH = 30 * 86_400;
const textDecoder = new TextDecoder();

/** A date or time no JavaScript Date holds, as the text its cell becomes. */
class OutOfRange {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

function exactOrDigits(v: bigint): number | string {
  return v <= MAX_EXACT && v >= -MAX_EXACT ? Number(v) : v.toString();
}

function floorDiv(v: bigint, by: bigint): bigint {
  const q = v / by;
  return v % by < 0n ? q - 1n : q;
}

function instant(ms: bigint, raw: bigint, unit: string): Date | OutOfRange {
  // DuckDB writes infinity and -infinity as the extreme 64-bit values.
  if (raw >= INT64_MAX - 1n) return new OutOfRange('infinity');
  if (raw <= -(INT64_MAX - 1n)) return new OutOfRange('-infinity');
  if (ms >= -BigInt(MAX_DATE_MS) && ms <= BigInt(MAX_DATE_MS)) return new Date(Number(ms));
  return new OutOfRange(`${raw} ${unit} from 1970-01-01`);
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** JSON text of a nested value, with the leaves made JSON-safe as above. */
function nestedJson(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) => {
    if (typeof x === 'bigint') return exactOrDigits(x);
    if (x instanceof Uint8Array) return base64(x);
    return x;
  });
}

/** What hyparquet's parsers return instead of its defaults: no Date that is invalid, no parsed JSON. */
export const PARQUET_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => instant(BigInt(ms), BigInt(ms), 'milliseconds'),
  timestampFromMicroseconds: (us: bigint) => instant(floorDiv(BigInt(us), 1000n), BigInt(us), 'microseconds'),
  timestampFromNanoseconds: (ns: bigint) => instant(floorDiv(BigInt(ns), 1_000_000n), BigInt(ns), 'nanoseconds'),
  dateFromDays: (days: number) => {
    const ms = days * 86_400_000;
    if (Math.abs(ms) <= MAX_DATE_MS) {
      const iso = new Date(ms).toISOString();
      return iso.slice(0, iso.indexOf('T'));
    }
    if (days >= INT32_MAX - 1) return new OutOfRange('infinity');
    if (days <= -(INT32_MAX - 1)) return new OutOfRange('-infinity');
    return new OutOfRange(`${days} days from 1970-01-01`);
  },
  jsonFromBytes: (bytes: Uint8Array) => bytes && textDecoder.decode(bytes),
  geometryFromBytes: (bytes: Uint8Array) => geoJson(bytes),
  geographyFromBytes: (bytes: Uint8Array) => geoJson(bytes),
};

function geoJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return bytes;
  try {
    return parquetModules().wkb.wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  } catch {
    return base64(bytes);
  }
}

/** A top-level column's cells, and what is worth telling about them afterwards. */
export class ColumnCells {
  /** Values that changed on the way (digits kept as text, decimals beyond a double, dates out of range). */
  private odd = 0;
  constructor(
    readonly name: string,
    private readonly kind: CellKind,
    private readonly scale: number,
    private readonly unit: number,
  ) {}

  cell(v: unknown): unknown {
    if (v === null || v === undefined) return null;
    switch (this.kind) {
      case 'plain':
        return plainCell(v);
      case 'integer':
        if (typeof v === 'bigint') {
          const c = exactOrDigits(v);
          if (typeof c === 'string') this.odd++;
          return c;
        }
        return v;
      case 'decimal':
        return this.decimal(v);
      case 'interval':
        return v instanceof Uint8Array && v.length === 12 ? intervalSeconds(v) : plainCell(v);
      case 'time':
        return typeof v === 'number' || typeof v === 'bigint' ? timeOfDay(BigInt(v), this.unit) : plainCell(v);
      case 'temporal':
        if (v instanceof OutOfRange) {
          this.odd++;
          return v.text;
        }
        return v;
      case 'nested':
        return typeof v === 'object' && !(v instanceof Date) ? nestedJson(v) : plainCell(v);
    }
  }

  private decimal(v: unknown): unknown {
    if (typeof v !== 'number' || !Number.isFinite(v) || this.scale <= 0 || this.scale > 22) return plainCell(v);
    const f = 10 ** this.scale;
    const unscaled = v * f;
    // Below 2^50 the unscaled integer is recovered exactly from hyparquet's product.
    if (Math.abs(unscaled) < 2 ** 50) return Math.round(unscaled) / f;
    this.odd++;
    return v;
  }

  /** A sentence for the report's notes, or null when nothing is worth saying. */
  note(file: string): string | null {
    const n = this.odd.toLocaleString('en-US');
    const where = `Column "${this.name}" of ${file}`;
    switch (this.kind) {
      case 'interval':
        return `${where} holds Parquet INTERVAL values; they are read as seconds, a month counted as 30 days (as DuckDB's epoch() does).`;
      case 'integer':
        return this.odd ? `${where}: ${n} whole numbers are beyond 2^53, where a double cannot hold every integer; they are read as their digits, as a CSV file's would be.` : null;
      case 'decimal':
        return this.odd ? `${where}: ${n} DECIMAL values have more digits than a double holds (about 15); they are read as the nearest double.` : null;
      case 'temporal':
        return this.odd ? `${where}: ${n} dates or times lie beyond the years a date can hold here (about 270,000 BC to AD 275,000; DuckDB's infinity among them) and are kept as text.` : null;
      default:
        return null;
    }
  }
}

type CellKind = 'plain' | 'integer' | 'decimal' | 'interval' | 'time' | 'temporal' | 'nested';

function plainCell(v: unknown): unknown {
  if (typeof v === 'bigint') return exactOrDigits(v);
  if (v instanceof Uint8Array) return base64(v);
  if (v instanceof OutOfRange) return v.text;
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) return nestedJson(v);
  return v;
}

function intervalSeconds(b: Uint8Array): number {
  const u32 = (i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  return u32(0) * SECONDS_PER_MONTH + u32(4) * 86_400 + u32(8) / 1000;
}

/** A time of day from units since midnight (`perSecond` units a second): "13:45:00" or "13:45:00.25". */
export function timeOfDay(units: bigint, perSecond: number): string {
  const per = BigInt(perSecond);
  const whole = floorDiv(units, per);
  const fraction = units - whole * per;
  const s = Number(whole);
  const two = (x: number): string => String(x).padStart(2, '0');
  const text = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  if (fraction === 0n) return text;
  const digits = String(perSecond).length - 1;
  return `${text}.${fraction.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

function timeUnit(e: SchemaElement): number {
  if (e.converted_type === 'TIME_MILLIS') return 1000;
  if (e.converted_type === 'TIME_MICROS') return 1_000_000;
  const lt = e.logical_type;
  if (lt?.type === 'TIME') return lt.unit === 'MILLIS' ? 1000 : lt.unit === 'MICROS' ? 1_000_000 : 1_000_000_000;
  return 0;
}

function kindOf(tree: SchemaTree): CellKind {
  const e = tree.element;
  if (tree.children.length > 0) return 'nested';
  const lt = e.logical_type?.type;
  if (e.converted_type === 'DECIMAL' || lt === 'DECIMAL') return 'decimal';
  if (e.converted_type === 'INTERVAL' || lt === 'INTERVAL') return 'interval';
  if (timeUnit(e) > 0) return 'time';
  if (e.converted_type === 'DATE' || lt === 'DATE' || e.converted_type === 'TIMESTAMP_MILLIS' || e.converted_type === 'TIMESTAMP_MICROS' || lt === 'TIMESTAMP' || e.type === 'INT96') return 'temporal';
  if (e.type === 'INT64') return 'integer';
  return 'plain';
}

/** Why a column is left out of the read (a type nothing here decodes), or null. */
export function unreadableType(tree: SchemaTree): string | null {
  if (tree.element.converted_type === 'BSON' || tree.element.logical_type?.type === 'BSON') return 'BSON';
  for (const child of tree.children) {
    const why = unreadableType(child);
    if (why) return why;
  }
  return null;
}

/**
 * The metadata hyparquet is given to read with. INTERVAL elements lose their annotation, so that
 * hyparquet returns their 12 bytes instead of refusing them; DATE and DECIMAL stated only as
 * logical types (hyparquet converts by the older converted type alone, and returned their raw
 * integers) get the converted type too.
 */
export function readingMetadata(metadata: FileMetaData): FileMetaData {
  const adjusted = (e: SchemaElement): SchemaElement => {
    if (e.converted_type === 'INTERVAL' || e.logical_type?.type === 'INTERVAL') return { ...e, converted_type: undefined, logical_type: undefined };
    if (e.converted_type) return e;
    if (e.logical_type?.type === 'DATE') return { ...e, converted_type: 'DATE' };
    if (e.logical_type?.type === 'DECIMAL') return { ...e, converted_type: 'DECIMAL', scale: e.logical_type.scale, precision: e.logical_type.precision };
    return e;
  };
  if (!metadata.schema.some((e) => adjusted(e) !== e)) return metadata;
  return { ...metadata, schema: metadata.schema.map(adjusted) };
}

export function columnCells(tree: SchemaTree): ColumnCells {
  const e = tree.element;
  const scale = e.scale ?? (e.logical_type?.type === 'DECIMAL' ? e.logical_type.scale : 0);
  return new ColumnCells(e.name, kindOf(tree), scale, timeUnit(e));
}

/** The type the dataset sniffer shows for a column, from its schema alone. */
export function sniffedType(tree: SchemaTree): 'boolean' | 'integer' | 'float' | 'datetime' | 'text' {
  const kind = kindOf(tree);
  const e = tree.element;
  if (kind === 'temporal') return 'datetime';
  if (kind === 'decimal' || kind === 'interval') return 'float';
  if (kind === 'integer') return 'integer';
  if (kind !== 'plain') return 'text';
  if (e.type === 'BOOLEAN') return 'boolean';
  if (e.type === 'INT32') return 'integer';
  if (e.type === 'FLOAT' || e.type === 'DOUBLE' || e.logical_type?.type === 'FLOAT16') return 'float';
  return 'text';
}
