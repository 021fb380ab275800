import { z } from 'zod';
import { query } from './define';

/**
 * An in-app file picker. Browsers never reveal a chosen file's path, and Tally needs the path (it
 * reads datasets where the user keeps them), so the UI lists folders through the backend in the
 * Electron window and the browser host alike. Read-only: listing never opens a file's content.
 */

/** File kinds the data-quality checks can read, by extension. */
export const DATA_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'jsonl', 'ndjson', 'json', 'parquet'] as const;

export const BrowseEntry = z.object({
  name: z.string(),
  /** Absolute path, ready for datasets.register or the next files.browse. */
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  /** Files only: size in bytes. */
  sizeBytes: z.number().int().min(0).nullable(),
  /** Files only: lower-case extension without the dot ("csv"); null for folders. */
  extension: z.string().nullable(),
  modifiedAt: z.string().nullable(),
});
export type BrowseEntry = z.infer<typeof BrowseEntry>;

export const BrowseInput = z
  .object({
    /** Absolute folder path; default: the user's home folder. */
    dir: z.string().min(1, 'Choose a folder').max(4096, 'That path is too long').optional(),
    /** Also list names starting with a dot. */
    showHidden: z.boolean().optional(),
  })
  .strict();

export const BrowseResult = z.object({
  /** The folder listed, absolute and normalised. */
  dir: z.string(),
  /** Its parent folder; null at a filesystem root. */
  parent: z.string().nullable(),
  home: z.string(),
  /** Folders first, then data files (csv/tsv/txt/jsonl/ndjson/json/parquet), each sorted by name. */
  entries: z.array(BrowseEntry),
  /** True when the folder held more entries than the listing returns (the first 2,000 are shown). */
  truncated: z.boolean(),
});
export type BrowseResult = z.infer<typeof BrowseResult>;

export const filesContract = {
  'files.browse': query(BrowseInput, BrowseResult),
} as const;
