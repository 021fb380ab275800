/**
 * The scanner's fast lane (RowSink.plainRows) in WebAssembly, for a sink that takes pre-parsed
 * rows: the quote-free region is copied, a slice of rows at a time, into the kernel's memory
 * (wasm/csv-lane.ts) and split there 16 bytes at a time; every cell that is a plain decimal
 * number (at most 15 digits, no sign but '-', no exponent, no leading zero) is parsed into a
 * double and every cell that is no number at all is marked, a batch of rows per call. The sink
 * then reads offsets and numbers from typed arrays; a cell the kernel did not settle it reads the
 * old way from the bytes. The kernel stops before exactly the rows read/plain-rows.ts stops before
 * (a blank line, a wrong field count, a lone CR), so the scanner's general path sees the same rows.
 */
import { CSV_LANE_WASM_BASE64 } from './csv-lane-bytes';
import type { RowSink } from './csv-scanner';

export interface ParsedRowSink extends RowSink {
  /**
   * One row of n cells, indices [at, at + n) of the arrays: cell bytes buf[starts[i], ends[i]).
   * syntax[i] is INTEGER_SYNTAX or FLOAT_SYNTAX (number-bytes.ts) for a plain number whose value
   * is values[i] (the same double scanNumberBytes gives), TEXT_SYNTAX for bytes that are no number
   * by scanNumberBytes' grammar, or NOT_A_NUMBER for any other cell (empty, or a number the
   * kernel leaves to the JavaScript parse).
   */
  parsedRow(buf: Uint8Array, starts: Int32Array, ends: Int32Array, syntax: Uint8Array, values: Float64Array, at: number, n: number): void;
}

/** The slice of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface LaneExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  splitRows(input: number, length: number, origin: number, delimiter: number, fields: number, maxRows: number, starts: number, ends: number, values: number, kinds: number, endOut: number): number;
}

/** Cells per kernel call: big enough that the call costs nothing per row, small enough to stay in cache. */
const BATCH_CELLS = 1 << 13;
/** Bytes copied into the kernel's memory at a time (rounded to whole rows): well inside L2. */
const SLICE_BYTES = 1 << 18;
/** The kernel reads up to 15 bytes past a region's end, 16 at a time. */
const PADDING = 16;
const PAGE = 65536;

let compiled: object | null = null;

/** The kernel, compiled once per thread (a few microseconds for its 1 KB). */
function laneModule(): object {
  compiled ??= new wasm.Module(Buffer.from(CSV_LANE_WASM_BASE64, 'base64'));
  return compiled;
}

export class WasmRowSplitter implements RowSink {
  private readonly lane: LaneExports;
  private readonly heap: number;
  private inputCapacity = 0;
  private fields = 0;
  private batchRows = 0;
  private startsAt = 0;
  private endsAt = 0;
  private valuesAt = 0;
  private syntaxAt = 0;
  private endOut = 0;
  private bytes = new Uint8Array(0);
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private values = new Float64Array(0);
  private syntax = new Uint8Array(0);
  private end = new Int32Array(0);

  constructor(
    private readonly sink: ParsedRowSink,
    private readonly delimiter: number,
  ) {
    this.lane = new wasm.Instance(laneModule(), {}).exports as unknown as LaneExports;
    this.heap = (this.lane.heapBase() + 15) & ~15;
  }

  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, line: number): void {
    this.sink.row(buf, starts, ends, n, line);
  }

  plainRows(buf: Uint8Array, from: number, to: number, _line: number, fields: number, done: Int32Array): void {
    const lane = this.lane;
    const sink = this.sink;
    let slice = from;
    let taken = 0;
    while (slice < to) {
      // A slice of whole rows at a time: the copy stays small (no second chunk-sized buffer per
      // thread) and the kernel and the sink read bytes the copy has just brought into cache.
      let sliceEnd = to;
      if (to - slice > SLICE_BYTES) {
        sliceEnd = buf.lastIndexOf(10, slice + SLICE_BYTES - 1) + 1;
        if (sliceEnd <= slice) sliceEnd = buf.indexOf(10, slice + SLICE_BYTES) + 1; // a row longer than a slice
      }
      const length = sliceEnd - slice;
      this.reserve(length, fields);
      const { bytes, starts, ends, values, syntax } = this;
      bytes.set(buf.subarray(slice, sliceEnd), this.heap);
      let offset = 0;
      while (offset < length) {
        const rows = lane.splitRows(this.heap + offset, length - offset, this.heap + offset, this.delimiter, fields, this.batchRows, this.startsAt, this.endsAt, this.valuesAt, this.syntaxAt, this.endOut);
        for (let r = 0, at = 0; r < rows; r++, at += fields) sink.parsedRow(bytes, starts, ends, syntax, values, at, fields);
        taken += rows;
        offset += this.end[0]!;
        if (rows < this.batchRows && offset < length) {
          // Stopped before a row the general path must read.
          done[0] = slice + offset;
          done[1] = taken;
          return;
        }
      }
      slice = sliceEnd;
    }
    done[0] = to;
    done[1] = taken;
  }

  /**
   * Lay out the kernel's memory for a region of `length` bytes and rows of `fields` cells: the
   * input, then starts, ends, values, syntax and the end word. Grows only when a region or a row is
   * larger than any before (the scanner's chunk, so once per file in practice).
   */
  private reserve(length: number, fields: number): void {
    if (length + PADDING <= this.inputCapacity && fields === this.fields) return;
    const capacity = Math.max(length + PADDING, this.inputCapacity);
    const rows = Math.max(1, Math.floor(BATCH_CELLS / fields));
    const cells = rows * fields;
    const startsAt = this.heap + ((capacity + 7) & ~7);
    const endsAt = startsAt + 4 * cells;
    const valuesAt = (endsAt + 4 * cells + 7) & ~7;
    const syntaxAt = valuesAt + 8 * cells;
    const endOut = (syntaxAt + cells + 3) & ~3;
    const memory = this.lane.memory;
    const need = endOut + 4;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    const b = memory.buffer;
    this.inputCapacity = capacity;
    this.fields = fields;
    this.batchRows = rows;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.valuesAt = valuesAt;
    this.syntaxAt = syntaxAt;
    this.endOut = endOut;
    this.bytes = new Uint8Array(b);
    this.starts = new Int32Array(b, startsAt, cells);
    this.ends = new Int32Array(b, endsAt, cells);
    this.values = new Float64Array(b, valuesAt, cells);
    this.syntax = new Uint8Array(b, syntaxAt, cells);
    this.end = new Int32Array(b, endOut, 1);
  }
}
