import { useState } from 'react';
import { formatCents } from '../../../../../shared/budget/spend/spend-format';
import type { LedgerEntry } from '../../../../../shared/contract/ledger';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { usePopover } from '../../../components/focus';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { BillImport } from './BillImport';
import { CATEGORY_NAMES, LedgerEntryForm } from './LedgerEntryForm';
import { ledgerRows, type LedgerRow } from './ledger-rows';

const FIRST_ROWS = 50;

function Amount({ row, currency }: { row: LedgerRow; currency: string }) {
  if (row.kind === 'run') {
    const r = row.run;
    if (r.costCents === null) return <span className="muted">unknown</span>;
    return <>{formatCents(r.costCents, currency)}{r.running && <span className="muted"> so far</span>}</>;
  }
  const e = row.entry;
  const own = formatCents(e.amountCents, e.currency);
  if (e.currency === currency) return <>{own}</>;
  return e.projectAmountCents === null ? <span title="No exchange rate: not counted">{own} <span className="badge badge--warn">no rate</span></span> : <>{formatCents(e.projectAmountCents, currency)} <span className="muted">({own})</span></>;
}

/** The project's ledger: entries added by hand or from a bill (edit, delete), and the runs' costs beside them. */
export function LedgerPanel({ projectId, currency, today }: { projectId: string; currency: string; today: string }) {
  const q = useRpcQuery('ledger.list', { projectId });
  const remove = useSubmit('ledger.delete', { invalidates: ['ledger', 'budget'] });
  // The add form, the bill import and each row's edit form: Escape closes them, focus goes back to their button.
  const panel = usePopover<'add' | 'import' | `edit:${string}`>();
  const [deleting, setDeleting] = useState<LedgerEntry | null>(null);
  const [all, setAll] = useState(false);
  const rows = q.data ? ledgerRows(q.data) : [];
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <section className="card" aria-labelledby="ledger-title">
      <div className="page__header">
        <div>
          <h2 id="ledger-title">Ledger</h2>
          <p className="muted budget-note">Money spent outside tracked runs (API bills, storage, labelling), and each run&apos;s cost as Tally works it out.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" ref={panel.trigger('add')} onClick={() => panel.toggle('add')} aria-expanded={panel.isOpen('add')}>
            Add an entry
          </button>
          <button type="button" className="button" ref={panel.trigger('import')} onClick={() => panel.toggle('import')} aria-expanded={panel.isOpen('import')}>
            Import a bill (CSV)
          </button>
        </div>
      </div>
      <ErrorBanner error={q.error ?? remove.error ?? null} />
      {panel.isOpen('add') && (
        <div className="budget-inset">
          <LedgerEntryForm projectId={projectId} currency={currency} today={today} onDone={panel.close} />
        </div>
      )}
      {panel.isOpen('import') && (
        <div className="budget-inset">
          <BillImport projectId={projectId} currency={currency} onDone={panel.close} />
        </div>
      )}
      {q.data && rows.length === 0 && <p className="muted">Nothing in the ledger yet. Add an entry, import a bill, or log runs.</p>}
      {rows.length > 0 && (
        <div className="plan-table-scroll">
          <table className="plan-table budget-ledger" aria-label="Ledger entries">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">From</th>
                <th scope="col">Category</th>
                <th scope="col">Description</th>
                <th scope="col" className="budget-num">Amount</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) =>
                row.kind === 'entry' && panel.isOpen(`edit:${row.entry.id}`) ? (
                  <tr key={row.key}>
                    <td colSpan={6}>
                      <LedgerEntryForm projectId={projectId} currency={currency} today={today} entry={row.entry} onDone={panel.close} />
                    </td>
                  </tr>
                ) : (
                  <tr key={row.key}>
                    <td className="budget-date">{row.date ?? '–'}</td>
                    <td>{row.kind === 'run' ? (row.run.running ? 'run (running)' : 'run') : row.entry.source === 'bill' ? 'bill' : 'by hand'}</td>
                    <td>{CATEGORY_NAMES[row.kind === 'run' ? row.run.category : row.entry.category]}</td>
                    <td>{row.kind === 'run' ? `${row.run.runName || row.run.runId.slice(0, 8)} (${row.run.experimentName})` : row.entry.description || <span className="muted">–</span>}</td>
                    <td className="budget-num">
                      <Amount row={row} currency={currency} />
                    </td>
                    <td>
                      {row.kind === 'entry' && (
                        <span className="plan-row-actions">
                          <button
                            type="button"
                            className="button plan-button--small"
                            ref={panel.trigger(`edit:${row.entry.id}`)}
                            onClick={() => panel.show(`edit:${row.entry.id}`)}
                            aria-label={`Edit the entry of ${row.entry.date}`}
                          >
                            Edit
                          </button>
                          <button type="button" className="button button--danger plan-button--small" onClick={() => setDeleting(row.entry)} aria-label={`Delete the entry of ${row.entry.date}`}>
                            Delete
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {!all && rows.length > FIRST_ROWS && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {rows.length.toLocaleString('en-US')} lines
        </button>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this entry?"
        confirmLabel="Delete the entry"
        danger
        busy={remove.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove.submit({ id: deleting.id }, () => setDeleting(null))}
      >
        {deleting && (
          <p>
            {formatCents(deleting.amountCents, deleting.currency)} on {deleting.date}
            {deleting.description ? ` (${deleting.description})` : ''} leaves the ledger and the budget figures. This cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
