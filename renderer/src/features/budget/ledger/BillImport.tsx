import { useState } from 'react';
import { LEDGER_CATEGORIES, type BillImportResult, type LedgerCategory } from '../../../../../shared/contract/ledger';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSubmit } from '../../../components/use-submit';
import { billHeader, guessMapping, mappingInput, type BillField, type BillMappingDraft } from '../bill-mapping';
import { BillPreview } from './BillPreview';
import { CATEGORY_NAMES } from './LedgerEntryForm';

const FIELDS: Array<{ field: BillField; label: string; required: boolean }> = [
  { field: 'date', label: 'Date', required: true },
  { field: 'description', label: 'Description', required: true },
  { field: 'amount', label: 'Amount', required: true },
  { field: 'currency', label: 'Currency', required: false },
  { field: 'category', label: 'Category', required: false },
];
const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;

/**
 * A cloud bill's CSV into the ledger: choose the file, say which column is the date, the
 * description and the amount, preview what would be added (bad lines named by line and field),
 * then import. Nothing is saved before the import button; importing the same bill twice adds
 * nothing the second time.
 */
export function BillImport({ projectId, currency, onDone }: { projectId: string; currency: string; onDone(): void }) {
  const run = useSubmit('ledger.importBill', { invalidates: ['ledger', 'budget'] });
  const [file, setFile] = useState<{ name: string; text: string; columns: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<BillMappingDraft>({ date: '', description: '', amount: '', currency: '', category: '' });
  const [dateFormat, setDateFormat] = useState<(typeof DATE_FORMATS)[number]>('YYYY-MM-DD');
  const [decimal, setDecimal] = useState<'.' | ','>('.');
  const [category, setCategory] = useState<LedgerCategory>('compute');
  const [preview, setPreview] = useState<BillImportResult | null>(null);
  const [done, setDone] = useState<BillImportResult | null>(null);

  const call = (asPreview: boolean) => {
    const m = mappingInput(mapping);
    if (!file) return;
    if ('missing' in m) {
      setProblem(`Choose the column for: ${m.missing.join(', ')}.`);
      return;
    }
    setProblem(null);
    void run.submit({ projectId, csv: file.text, mapping: m.mapping, dateFormat, decimalSeparator: decimal, defaultCategory: category, preview: asPreview }, (r) =>
      asPreview ? setPreview(r) : (setDone(r), setPreview(null)),
    );
  };

  if (done) {
    return (
      <div className="banner banner--ok" role="status">
        Imported {done.added} {done.added === 1 ? 'line' : 'lines'} from {file?.name}
        {done.duplicates > 0 ? `; ${done.duplicates} already in the ledger ${done.duplicates === 1 ? 'was' : 'were'} skipped` : ''}
        {done.skipped > 0 ? `; ${done.skipped} bad ${done.skipped === 1 ? 'line was' : 'lines were'} left out` : ''}.{' '}
        <button type="button" className="button plan-button--small" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  const fresh = preview ? preview.rows.filter((r) => !r.duplicate).length : 0;
  return (
    <div className="form budget-bill" role="group" aria-label="Import a bill">
      <div className="field">
        <label htmlFor="bill-file">Bill (CSV with a header line)</label>
        <input
          id="bill-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            setPreview(null);
            if (!f) return setFile(null);
            const text = await f.text();
            const h = billHeader(text);
            if ('error' in h) {
              setFile(null);
              setProblem(`${f.name}: ${h.error}`);
              return;
            }
            setProblem(null);
            setFile({ name: f.name, text, columns: h.columns });
            setMapping(guessMapping(h.columns));
          }}
        />
        <p className="field__hint">Export the bill as CSV from your provider&apos;s billing page. Amounts in {currency} unless a currency column says otherwise.</p>
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {file && (
        <>
          <fieldset className="budget-bill__mapping">
            <legend>Which column holds what</legend>
            {FIELDS.map(({ field, label, required }) => (
              <label key={field} className="field">
                <span>
                  {label}
                  {required ? '' : ' (optional)'}
                </span>
                <select value={mapping[field]} onChange={(e) => (setMapping({ ...mapping, [field]: e.target.value }), setPreview(null))}>
                  <option value="">{required ? 'Choose a column' : 'Not in this bill'}</option>
                  {file.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className="field">
              <span>Dates are written</span>
              <select value={dateFormat} onChange={(e) => (setDateFormat(e.target.value as (typeof DATE_FORMATS)[number]), setPreview(null))}>
                {DATE_FORMATS.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Decimal mark</span>
              <select value={decimal} onChange={(e) => (setDecimal(e.target.value as '.' | ','), setPreview(null))}>
                <option value=".">1,234.56</option>
                <option value=",">1.234,56</option>
              </select>
            </label>
            <label className="field">
              <span>Category{mapping.category ? ' (when the cell is empty)' : ''}</span>
              <select value={category} onChange={(e) => (setCategory(e.target.value as LedgerCategory), setPreview(null))}>
                {LEDGER_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_NAMES[c]}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <ErrorBanner error={run.error ?? null} />
          {preview && <BillPreview result={preview} />}
          <div className="form__actions">
            <button type="button" className="button" onClick={onDone}>
              Cancel
            </button>
            <button type="button" className="button" onClick={() => call(true)} disabled={run.busy}>
              Preview
            </button>
            {preview && (
              <button type="button" className="button button--primary" onClick={() => call(false)} disabled={run.busy || fresh === 0}>
                Import {fresh} {fresh === 1 ? 'line' : 'lines'}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
