/**
 * The in-app file picker's keyboard model, pure: which entry is highlighted after a key, and what
 * Enter does with it. Browsers never reveal a chosen file's path, so Tally lists folders itself.
 */
import type { BrowseEntry } from '../../../../shared/contract/files';

export type PickerAction = { kind: 'move'; index: number } | { kind: 'open'; path: string } | { kind: 'choose'; path: string } | { kind: 'up' } | { kind: 'none' };

export function pickerKey(key: string, index: number, entries: readonly BrowseEntry[]): PickerAction {
  const last = entries.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: Math.min(last, index + 1) };
    case 'ArrowUp':
      return { kind: 'move', index: Math.max(0, index - 1) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: Math.max(0, last) };
    case 'Backspace':
      return { kind: 'up' };
    case 'Enter': {
      const e = entries[index];
      if (!e) return { kind: 'none' };
      return e.kind === 'folder' ? { kind: 'open', path: e.path } : { kind: 'choose', path: e.path };
    }
    default:
      return { kind: 'none' };
  }
}

/** The path box accepts a folder (list it) or a file (choose it); decided by the listing. */
export function looksLikeFile(path: string): boolean {
  return /\.(csv|tsv|txt|jsonl|ndjson|json|parquet)$/i.test(path.trim());
}
