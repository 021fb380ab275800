/**
 * The request a caller sends to the analysis worker process and what comes back. JSON-safe: it
 * crosses a process boundary.
 */
import type { AppErrorData } from '../../../shared/domain/errors';
import type { CheckInput } from '../../../shared/quality/check-input';
import type { CheckReport } from '../../../shared/quality/run-checks';
import type { DatasetFormat } from './read/format-detector';
import type { TextEncodingName } from './read/encoding';
import type { ColumnEstimates } from './profile/column-summary';

export interface ReadOptions {
  format?: DatasetFormat | 'auto';
  encoding?: TextEncodingName | 'auto';
  /** CSV/TSV only: one character; default sniffed. */
  delimiter?: string;
  /** CSV/TSV only: default sniffed. */
  hasHeader?: boolean;
}

export interface AnalysisRequest {
  file: string;
  /** The file to compare with (e.g. training data when `file` is the test split). */
  reference?: string;
  target?: string;
  id?: string;
  time?: string;
  read?: ReadOptions;
  referenceRead?: ReadOptions;
  /** Worker threads for splittable files; default 2 (the target machine has two cores). */
  threads?: number;
  /** Split files from this size on (default 32 MiB); tests lower it to exercise the split. */
  parallelMinBytes?: number;
  /** Fixed seed for every sample, so a re-run reports the same figures. */
  seed?: number;
  /**
   * Leave the row sample out of the result's checkInput: for a caller that uses the worker's
   * report as it is and never runs the checks again (`tally check` without --population). The
   * sample is most of the result (1.3 of 2.3 MB on 5M rows x 12 columns, 120,000 values) that
   * the worker would serialize and the caller parse and collect.
   */
  omitRowSample?: boolean;
}

export type AnalysisPhase = 'reading-reference' | 'reading' | 'summarising' | 'comparing' | 'checking' | 'evaluating';

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** Which file the figures are about. */
  file: string;
  rows: number;
  bytes: number;
  totalBytes: number;
}

/** How one file was read, and which figures are estimates. */
export interface FileReadInfo {
  file: string;
  size: number;
  format: DatasetFormat;
  encoding: TextEncodingName;
  dialect?: { delimiter: string; quote: string; hasHeader: boolean };
  rows: number;
  columns: number;
  duplicateRows: number;
  /** Estimated in-memory size of the table as typed columns. */
  memoryBytes: number;
  threadsUsed: number;
  parallelFallback?: string;
  /** How the reader took columns it could not read as they are (Parquet types), one sentence each. */
  readNotes?: string[];
  estimates: Record<string, ColumnEstimates>;
  elapsedMs: number;
}

export interface AnalysisResult {
  checkInput: CheckInput;
  current: FileReadInfo;
  reference?: FileReadInfo;
  /** What the checks in shared/quality concluded: findings, verdict, summary, drift. */
  report: CheckReport;
  /** Timing of the phases, for the bench and the logs. */
  timings: Record<string, number>;
  /** Peak resident memory of the worker process. */
  peakRssBytes: number;
}

/** Messages from the worker process to its parent. */
export type WorkerMessage<R = AnalysisResult> =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'result'; result: R }
  | { type: 'error'; error: AppErrorData };
