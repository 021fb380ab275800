/**
 * A check of every page header of a Parquet column chunk before hyparquet decodes it. hyparquet
 * trusts the headers: a damaged one can leave its reader at offset NaN (a missing
 * repetition_levels_byte_length) and spin for ever on the same byte, or ask for a page buffer of
 * gigabytes. So each page must be of a known type, carry the header its type needs with whole,
 * non-negative counts and level lengths that fit the page, lie inside the chunk, and stay under
 * MAX_PAGE_BYTES uncompressed.
 */
import type { ColumnChunk, PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';

/** Larger than any page a writer makes (1 MiB is the usual target); keeps a page within the memory bound. */
export const MAX_PAGE_BYTES = 256 * 1024 * 1024;

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Why the header cannot be decoded safely, or null. */
function headerProblem(h: PageHeader): string | null {
  if (!count(h.compressed_page_size) || !count(h.uncompressed_page_size)) return 'its page sizes are missing or negative';
  if (h.uncompressed_page_size > MAX_PAGE_BYTES) return `a page claims ${h.uncompressed_page_size.toLocaleString('en-US')} bytes, more than the ${MAX_PAGE_BYTES / 1024 / 1024} MiB Tally reads in one page`;
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

/** Where a column chunk's bytes start in the file: its dictionary page, when it has one, else its first data page. */
export function chunkStart(chunk: ColumnChunk): number | null {
  const m = chunk.meta_data;
  if (!m) return null;
  const dict = m.dictionary_page_offset === undefined ? 0 : Number(m.dictionary_page_offset);
  return dict > 0 ? Math.min(dict, Number(m.data_page_offset)) : Number(m.data_page_offset);
}

/**
 * Walks the page headers of the chunk held in bytes [at, at + length) of `bytes`. Returns what is
 * wrong with the first bad one, or null when every page can be decoded safely.
 */
export function chunkPageProblem(bytes: Uint8Array, at: number, length: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = at + length;
  const reader = { view, offset: at };
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
    reader.offset = next;
  }
  return null;
}
