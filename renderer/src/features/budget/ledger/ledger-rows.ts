import type { Output } from '../../../../../shared/contract';
import type { LedgerEntry } from '../../../../../shared/contract/ledger';

/**
 * One list of what the project spent, newest first: the ledger's own entries (editable) and
 * the runs' costs (read-only here; a run's cost comes from the run).
 */
export type LedgerList = Output<'ledger.list'>;

export type LedgerRow =
  | { kind: 'entry'; key: string; date: string; entry: LedgerEntry }
  | { kind: 'run'; key: string; date: string | null; run: LedgerList['runs'][number] };

export function ledgerRows(l: LedgerList): LedgerRow[] {
  const rows: LedgerRow[] = [
    ...l.entries.map((entry): LedgerRow => ({ kind: 'entry', key: entry.id, date: entry.date, entry })),
    ...l.runs.map((run): LedgerRow => ({ kind: 'run', key: run.runId, date: run.date, run })),
  ];
  // Newest first; undated runs last; within a day, entries before runs and then by key for a stable order.
  return rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'entry' ? -1 : 1));
}
