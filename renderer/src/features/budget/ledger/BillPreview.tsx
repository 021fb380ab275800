import { formatCents } from '../../../../../shared/budget/spend/spend-format';
import type { BillImportResult } from '../../../../../shared/contract/ledger';
import { CATEGORY_NAMES } from './LedgerEntryForm';

const SHOWN_ROWS = 200;

/** What an import would add, line by line, and the lines it cannot read, named by line and field. */
export function BillPreview({ result }: { result: BillImportResult }) {
  const fresh = result.rows.filter((r) => !r.duplicate).length;
  return (
    <div className="budget-bill-preview">
      <p>
        <strong>{fresh.toLocaleString('en-US')}</strong> {fresh === 1 ? 'line is' : 'lines are'} ready to add
        {result.duplicates > 0 ? `; ${result.duplicates} already in the ledger will be skipped` : ''}
        {result.errors.length > 0 ? `; ${result.skipped} bad ${result.skipped === 1 ? 'line' : 'lines'} will be left out` : ''}.
      </p>
      {result.errors.length > 0 && (
        <div className="banner banner--warn" role="status" aria-label="Lines that cannot be imported">
          <strong>Lines Tally cannot read</strong>
          <ul className="budget-bill-errors">
            {result.errors.map((e) => (
              <li key={`${e.line}:${e.field}`}>
                Line {e.line}, {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.rows.length > 0 && (
        <div className="plan-table-scroll budget-bill-table">
          <table className="plan-table" aria-label="Bill preview">
            <thead>
              <tr>
                <th scope="col" className="budget-num">Line</th>
                <th scope="col">Date</th>
                <th scope="col">Description</th>
                <th scope="col">Category</th>
                <th scope="col" className="budget-num">Amount</th>
                <th scope="col">
                  <span className="visually-hidden">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.slice(0, SHOWN_ROWS).map((r) => (
                <tr key={r.line}>
                  <td className="budget-num">{r.line}</td>
                  <td className="budget-date">{r.date}</td>
                  <td>{r.description}</td>
                  <td>{CATEGORY_NAMES[r.category]}</td>
                  <td className="budget-num">{formatCents(r.amountCents, r.currency)}</td>
                  <td>{r.duplicate && <span className="badge">already imported</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.rows.length > SHOWN_ROWS && <p className="muted budget-note">The first {SHOWN_ROWS} of {result.rows.length.toLocaleString('en-US')} lines are shown.</p>}
        </div>
      )}
    </div>
  );
}
