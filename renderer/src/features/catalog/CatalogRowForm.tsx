import { useState } from 'react';
import type { CatalogKind } from '../../../../shared/contract/catalog';
import { AppError } from '../../../../shared/domain/errors';
import { Field } from '../../components/Field';
import { useSingleFlight } from '../../components/single-flight';
import { catalogFieldText } from '../../../../shared/catalog/catalog-issue-text';
import { columnLabel, columnsOf, rowFromValues, type RowValues } from './catalog-form';

const HINTS: Record<string, string> = {
  id: 'Short and stable, lower case: the CLI and saved plans refer to it.',
  source: 'Where the figure comes from: a price page, a data sheet, an invoice.',
  asOf: 'When the figure was true, yyyy-mm or yyyy-mm-dd; Tally shows its age.',
  confidence: 'verified: read in the source; secondary: a copy; derived: computed; memory or uncertain: not checked.',
  usdPerGpuHour: 'Instance price divided by its number of GPUs.',
  kgCo2PerKwh: 'kg of CO2 per kWh; 0.4 means 400 g.',
  memoryGb: 'Memory on the device, GB.',
  bandwidthGbs: 'Memory bandwidth, GB/s.',
  bf16Tflops: 'Dense BF16/FP16 tensor speed, not the sparse figure.',
  hasBf16: 'false when the 16-bit figure is FP16 only (V100, T4); blank means BF16 works.',
  interconnect: 'fabric (NVLink, TPU links) or pcie: one model may be split over several; none: it runs alone.',
  memoryType: 'What the weights stream from; sets how much of the bandwidth decoding reaches.',
};

/** Edit a catalog row, or add your own: one input per column; the id is fixed when editing. */
export function CatalogRowForm({ kind, initial, editing, onSave, onCancel }: { kind: CatalogKind; initial: RowValues; editing: boolean; onSave(row: Record<string, unknown>): Promise<void>; onCancel(): void }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // One save at a time: a double click on Save writes the row once.
  const save = useSingleFlight(async (row: Record<string, unknown>) => {
    try {
      await onSave(row);
    } catch (err) {
      if (err instanceof AppError) {
        const fe: Record<string, string> = {};
        for (const i of err.issues ?? []) {
          const f = i.path.replace(/^row\./, '').split('.')[0] ?? '';
          if (f && !fe[f]) fe[f] = catalogFieldText(f, i.message);
        }
        if (Object.keys(fe).length) setErrors(fe);
        else setFormError(err.message);
      } else setFormError(String(err));
    }
  });
  function submit(e: React.FormEvent) {
    e.preventDefault();
    const r = rowFromValues(kind, values);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    setFormError(null);
    void save.run(r.row);
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={editing ? 'Edit catalog row' : 'Add a catalog row'}>
      <div className="catalog-form__grid">
        {columnsOf(kind).map((c) => (
          <Field key={c.name} label={columnLabel(c)} hint={HINTS[c.name]} error={errors[c.name]}>
            {(p) =>
              c.spec.type === 'enum' ? (
                <select {...p} name={c.name} value={values[c.name] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [c.name]: e.target.value }))}>
                  {!c.required && <option value="">(default for the kind)</option>}
                  {c.spec.values.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  name={c.name}
                  value={values[c.name] ?? ''}
                  readOnly={editing && c.name === 'id'}
                  inputMode={c.spec.type === 'number' ? 'decimal' : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [c.name]: e.target.value }))}
                />
              )
            }
          </Field>
        ))}
      </div>
      {formError && (
        <p className="field__error" role="alert">
          {formError}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {editing ? 'Save row' : 'Add row'}
        </button>
      </div>
    </form>
  );
}
