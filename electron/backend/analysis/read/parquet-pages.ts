/**
 * A check of every page of a Parquet column chunk before hyparquet decodes it. hyparquet trusts
 * what the file says: a damaged page header left its reader at offset NaN (a missing
 * repetition_levels_byte_length) spinning for ever on one byte, and a damaged run length in a
 * run-length/bit-packed stream (levels, dictionary indices, booleans) made it write that many
 * values into a plain array, growing it to billions of elements until V8 aborted the process. So
 * each page must be of a known type, carry the header its type needs with whole counts and level
 * lengths that fit the page, lie inside the chunk, hold at most MAX_PAGE_VALUES values in at most
 * MAX_PAGE_BYTES, and no run of its streams may claim more values than the page holds.
 */
import type { ColumnChunk, Compressors, FileMetaData, PageHeader, SchemaTree } from 'hyparquet';
import { parquetCompressors } from './parquet-codecs';
import { parquetModules } from './parquet-modules';

/** Far above the page sizes writers use (1 MiB is the usual target). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/** Far above what writers put in one page (parquet-mr: 20,000 rows); keeps one page's arrays small. */
export const MAX_PAGE_VALUES = 4 * 1024 * 1024;

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const offset = (v: unknown): number => (typeof v === 'bigint' || typeof v === 'number' ? Number(v) : NaN);
const bitWidth = (max: number): number => 32 - Math.clz32(max);

/** What hyparquet needs to know to decode a chunk's pages, and so what the check needs. */
export interface ChunkLayout {
  codec: string;
  type: string;
  maxRepetition: number;
  maxDefinition: number;
}

export function chunkLayout(chunk: ColumnChunk, schema: SchemaTree): ChunkLayout | null {
  const m = chunk.meta_data;
  if (!m) return null;
  try {
    const { getMaxDefinitionLevel, getMaxRepetitionLevel, getTreePath } = parquetModules().schema;
    const path = getTreePath(schema, m.path_in_schema);
    return { codec: m.codec, type: m.type, maxRepetition: getMaxRepetitionLevel(path), maxDefinition: getMaxDefinitionLevel(path) };
  } catch {
    // A column the schema does not name: hyparquet refuses it itself, before decoding anything.
    return null;
  }
}

/** Why the header cannot be decoded safely, or null. */
function headerProblem(h: PageHeader): string | null {
  if (!count(h.compressed_page_size) || !count(h.uncompressed_page_size)) return 'its page sizes are missing or negative';
  if (h.uncompressed_page_size > MAX_PAGE_BYTES) return `a page claims ${h.uncompressed_page_size.toLocaleString('en-US')} bytes, more than the ${MAX_PAGE_BYTES / 1024 / 1024} MiB Tally reads in one page`;
  const values = h.data_page_header?.num_values ?? h.data_page_header_v2?.num_values ?? h.dictionary_page_header?.num_values;
  if (count(values) && values > MAX_PAGE_VALUES) return `a page claims ${values.toLocaleString('en-US')} values, more than the ${MAX_PAGE_VALUES.toLocaleString('en-US')} Tally reads in one page`;
  switch (h.type) {
    case 'DATA_PAGE': {
      const d = h.data_page_header;
      if (!d || !count(d.num_values) || !d.encoding) return 'a data page header is incomplete';
      return null;
    }
    case 'DATA_PAGE_V2': {
      const d = h.data_page_header_v2;
      if (!d || !count(d.num_values) || !count(d.num_nulls) || !count(d.num_rows) || !d.encoding) return 'a data page (v2) header is incomplete';
      if (!count(d.definition_levels_byte_length) || !count(d.repetition_levels_byte_length)) return 'a data page (v2) header lacks the lengths of its levels';
      if (d.definition_levels_byte_length + d.repetition_levels_byte_length > h.compressed_page_size) return 'the levels of a data page (v2) are longer than the page';
      if (d.num_nulls > d.num_values) return 'a data page (v2) has more nulls than values';
      return null;
    }
    case 'DICTIONARY_PAGE': {
      const d = h.dictionary_page_header;
      if (!d || !count(d.num_values)) return 'a dictionary page header is incomplete';
      return null;
    }
    case 'INDEX_PAGE':
      return null;
    default:
      return 'a page is of no known type';
  }
}

/**
 * Walks the runs of a run-length/bit-packed hybrid stream from page[start] as hyparquet reads it,
 * until `values` values are covered or the bytes run out (hyparquet then fails by itself). A
 * run-length run may not claim more values than are left: hyparquet would write them all.
 * Returns the problem, or how many of the values equal `target` (definition levels: the values
 * that are not null).
 */
function walkHybrid(page: Uint8Array, start: number, width: number, values: number, target = -1): { problem: string } | { matches: number } {
  let at = start;
  let seen = 0;
  let matches = 0;
  const valueBytes = (width + 7) >> 3;
  while (seen < values) {
    let header = 0;
    let shift = 0;
    for (;;) {
      if (at >= page.length) return { matches };
      const byte = page[at++]!;
      header |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
      shift += 7;
    }
    if (header & 1) {
      const n = Math.min((header >>> 1) * 8, values - seen);
      if (target >= 0) {
        for (let k = 0; k < n; k++) {
          let v = 0;
          for (let b = 0; b < width; b++) {
            const bit = (at << 3) + k * width + b;
            if ((bit >> 3) < page.length && page[bit >> 3]! & (1 << (bit & 7))) v |= 1 << b;
          }
          if (v === target) matches++;
        }
      }
      seen += n;
      at += (header >>> 1) * width;
    } else {
      const run = header >>> 1;
      if (run > values - seen) return { problem: `a run claims ${run.toLocaleString('en-US')} values where the page has ${(values - seen).toLocaleString('en-US')} left` };
      let v = 0;
      for (let b = 0; b < valueBytes && at + b < page.length; b++) v |= page[at + b]! << (8 * b);
      if (v === target) matches += run;
      seen += run;
      at += valueBytes;
    }
  }
  return { matches };
}

/**
 * The page body as hyparquet decodes it: as stored, or decompressed with the same decompressor
 * hyparquet is given (parquet-codecs.ts); null for a codec Tally does not read (refused by name
 * before any page is decoded).
 */
function body(stored: Uint8Array, size: number, codec: string, compressed: boolean): Uint8Array | null | string {
  if (!compressed || codec === 'UNCOMPRESSED') return stored;
  const decompress = parquetCompressors()[codec as keyof Compressors];
  if (!decompress) return null;
  let out: Uint8Array;
  try {
    out = decompress(stored, size);
  } catch (e) {
    return `a page cannot be decompressed (${e instanceof Error ? e.message : String(e)})`;
  }
  if (out.length !== size) return `a page decompresses to ${out.length.toLocaleString('en-US')} bytes where its header says ${size.toLocaleString('en-US')}`;
  return out;
}

const u32 = (page: Uint8Array, at: number): number => (at + 4 <= page.length ? (page[at]! | (page[at + 1]! << 8) | (page[at + 2]! << 16) | (page[at + 3]! << 24)) >>> 0 : NaN);

/** The run-length streams of one data page, where and as hyparquet reads them (datapage.js). */
function streamsProblem(h: PageHeader, stored: Uint8Array, layout: ChunkLayout): string | null {
  const v1 = h.data_page_header;
  const v2 = h.data_page_header_v2;
  const levels = (v1 ?? v2)!.num_values;
  const encoding = (v1 ?? v2)!.encoding;
  let page: Uint8Array;
  let at = 0;
  let present = levels - (v2?.num_nulls ?? 0);
  /** A stream after its 4-byte length (v1 levels, booleans); hyparquet goes on after the length it states. */
  const lengthPrefixed = (width: number, values: number, target = -1): { problem: string } | { matches: number } => {
    const length = u32(page, at);
    const walked = walkHybrid(page, at + 4, width, values, target);
    at += 4 + length;
    return walked;
  };
  if (v1) {
    const b = body(stored, h.uncompressed_page_size, layout.codec, true);
    if (b === null || typeof b === 'string') return b;
    page = b;
    if (layout.maxRepetition > 0) {
      const r = lengthPrefixed(bitWidth(layout.maxRepetition), levels);
      if ('problem' in r) return r.problem;
    }
    if (layout.maxDefinition > 0) {
      const r = lengthPrefixed(bitWidth(layout.maxDefinition), levels, layout.maxDefinition);
      if ('problem' in r) return r.problem;
      present = r.matches;
    }
  } else {
    const rep = v2!.repetition_levels_byte_length;
    const def = v2!.definition_levels_byte_length;
    if (layout.maxRepetition > 0) {
      const r = walkHybrid(stored.subarray(0, rep), 0, bitWidth(layout.maxRepetition), levels);
      if ('problem' in r) return r.problem;
    }
    if (layout.maxDefinition > 0) {
      const r = walkHybrid(stored.subarray(rep, rep + def), 0, bitWidth(layout.maxDefinition), levels);
      if ('problem' in r) return r.problem;
    }
    const b = body(stored.subarray(rep + def), h.uncompressed_page_size - rep - def, layout.codec, v2!.is_compressed !== false);
    if (b === null || typeof b === 'string') return b;
    page = b;
  }
  const dictionary = encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY';
  let r: { problem: string } | { matches: number } | null = null;
  if (v1 && (dictionary || encoding === 'RLE') && layout.type === 'BOOLEAN') r = lengthPrefixed(1, present);
  else if (v2 && encoding === 'RLE') r = lengthPrefixed(1, present);
  else if (dictionary || (v1 && encoding === 'RLE')) {
    const width = page[at++];
    if (width) r = walkHybrid(page, at, width, present);
  }
  return r && 'problem' in r ? r.problem : null;
}

/** Where a column chunk's bytes start in the file, as hyparquet reads it: its dictionary page when it names one, else its first data page. */
export function chunkStart(chunk: ColumnChunk): number | null {
  const m = chunk.meta_data;
  if (!m) return null;
  return Number(m.dictionary_page_offset || m.data_page_offset);
}

/**
 * What is wrong with the footer's row groups, or null: every row group needs a whole row count,
 * and every column chunk its metadata with a start and a length inside the file (a damaged footer
 * gave hyparquet byte ranges of NaN, and reads of them failed outside any caller's reach).
 */
export function metadataProblem(metadata: FileMetaData, fileSize: number): string | null {
  // A damaged footer can decode a field of the wrong Thrift type: a column "name" that is a
  // number would reach every message and report that shows the column.
  if (!Array.isArray(metadata.schema)) return 'it has no schema';
  for (const [i, element] of metadata.schema.entries()) {
    if (typeof element?.name !== 'string') return `schema element ${i + 1} has no valid name`;
  }
  for (const [g, group] of metadata.row_groups.entries()) {
    if (!count(offset(group.num_rows))) return `row group ${g + 1} has no valid row count`;
    for (const chunk of group.columns) {
      const m = chunk.meta_data;
      if (!m || !Array.isArray(m.path_in_schema) || !m.path_in_schema.every((part) => typeof part === 'string')) return `a column of row group ${g + 1} has no metadata`;
      const name = m.path_in_schema.join('.');
      const start = chunkStart(chunk)!;
      const length = offset(m.total_compressed_size);
      if (!count(start) || !count(length) || !count(offset(m.data_page_offset))) return `column "${name}" of row group ${g + 1} has no valid position in the file`;
      if (start + length > fileSize) return `column "${name}" of row group ${g + 1} runs past the end of the file`;
    }
  }
  return null;
}

/**
 * Walks the pages of the chunk held in bytes [at, at + length) of `bytes`. Returns what is wrong
 * with the first bad one, or null when every page can be decoded safely.
 */
export function chunkPageProblem(bytes: Uint8Array, at: number, length: number, layout: ChunkLayout | null): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = at + length;
  const reader = { view, offset: at };
  const { parquetHeader } = parquetModules().column;
  while (reader.offset < end) {
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch (e) {
      return `a page header cannot be read (${e instanceof Error ? e.message : String(e)})`;
    }
    const problem = headerProblem(header);
    if (problem) return problem;
    const next = reader.offset + header.compressed_page_size;
    if (next > end || next > bytes.byteLength) return 'a page runs past the end of its column';
    if (layout && (header.type === 'DATA_PAGE' || header.type === 'DATA_PAGE_V2')) {
      const streams = streamsProblem(header, bytes.subarray(reader.offset, next), layout);
      if (streams) return streams;
    }
    reader.offset = next;
  }
  return null;
}
