import { useState } from 'react';
import { RUN_STATUSES, type RunStatus } from '../../../../../shared/contract/runs';
import type { RunFilterClause } from '../../../../../shared/contract/runs-filter';
import type { RunKeys } from '../../../../../shared/contract/runs-views';
import { Field } from '../../../components/Field';
import { usePopover } from '../../../components/focus';
import { buildClauses, clauseText, emptyDraft, FIELD_LABELS, METRIC_OPS, mlflowText, OP_WORDS, TEXT_OPS, withoutClause, type FilterDraft, type FilterField } from './filter-draft';

interface Props {
  filter: RunFilterClause[];
  keys: RunKeys | undefined;
  currency: string;
  onChange(filter: RunFilterClause[]): void;
}

/** The active conditions as removable chips, and a small form that adds one. */
export function RunFilterBar({ filter, keys, currency, onChange }: Props) {
  // Escape closes the filter form and puts focus back on the button that opened it.
  const form = usePopover<'filter'>();
  const open = form.isOpen('filter');
  return (
    <div className="run-filters">
      <div className="run-filters__chips" role="group" aria-label="Active filters">
        {filter.length === 0 && <span className="muted">Showing every run. Filters narrow the list; all conditions must hold.</span>}
        {filter.map((c, i) => (
          <span key={`${mlflowText(c)}-${i}`} className="chip" title={`As an MLflow filter: ${mlflowText(c)}`}>
            {clauseText(c, currency)}
            <button type="button" className="chip__remove" aria-label={`Remove filter: ${clauseText(c, currency)}`} onClick={() => onChange(withoutClause(filter, i))}>
              ×
            </button>
          </span>
        ))}
        {filter.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear all
          </button>
        )}
        <button type="button" className="button plan-button--small" aria-expanded={open} onClick={() => form.toggle('filter')} ref={form.trigger('filter')}>
          {open ? 'Close filter' : 'Add filter'}
        </button>
      </div>
      {open && (
        <FilterForm
          keys={keys}
          currency={currency}
          onAdd={(clauses) => {
            onChange([...filter, ...clauses]);
            form.close();
          }}
        />
      )}
      {filter.length > 0 && (
        <p className="run-filters__mlflow muted">
          Same filter for an MLflow client: <code>{filter.map(mlflowText).join(' AND ')}</code>
        </p>
      )}
    </div>
  );
}

function FilterForm({ keys, currency, onAdd }: { keys: RunKeys | undefined; currency: string; onAdd(c: RunFilterClause[]): void }) {
  const [d, setD] = useState<FilterDraft>(emptyDraft('metric'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<FilterDraft>) => setD({ ...d, ...patch });
  const keyList = d.field === 'metric' ? keys?.metrics : d.field === 'param' ? keys?.params : d.field === 'tag' ? keys?.tags : undefined;
  const ops = d.field === 'metric' ? METRIC_OPS : TEXT_OPS;
  return (
    <form
      className="card run-filter-form"
      aria-label="Add a filter"
      onSubmit={(e) => {
        e.preventDefault();
        const r = buildClauses(d);
        if (r.ok) {
          setErrors({});
          onAdd(r.clauses);
        } else setErrors(r.errors);
      }}
    >
      <div className="form__row">
        <Field label="Filter on">
          {(p) => (
            <select {...p} value={d.field} onChange={(e) => (setErrors({}), setD(emptyDraft(e.target.value as FilterField)))}>
              {(Object.keys(FIELD_LABELS) as FilterField[]).map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {d.field === 'metric' || d.field === 'param' || d.field === 'tag' ? (
          <>
            <Field label={d.field === 'metric' ? 'Metric' : d.field === 'param' ? 'Parameter' : 'Tag'} error={errors.key}>
              {(p) => (
                <>
                  <input {...p} list="run-filter-keys" value={d.key} onChange={(e) => set({ key: e.target.value })} autoComplete="off" />
                  <datalist id="run-filter-keys">
                    {(keyList ?? []).map((k) => (
                      <option key={k} value={k} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field label="Condition" error={errors.op}>
              {(p) => (
                <select {...p} value={d.op} onChange={(e) => set({ op: e.target.value as FilterDraft['op'] })}>
                  {ops.map((o) => (
                    <option key={o} value={o}>
                      {o} ({OP_WORDS[o]})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Value" error={errors.value} hint={d.field === 'metric' ? "Compared with the run's latest value." : 'Text, compared exactly unless you pick "matches".'}>
              {(p) => <input {...p} value={d.value} onChange={(e) => set({ value: e.target.value })} />}
            </Field>
          </>
        ) : null}
        {d.field === 'status' && (
          <fieldset className="run-filter-form__statuses">
            <legend>Statuses</legend>
            {RUN_STATUSES.map((s) => (
              <label key={s} className="checkbox">
                <input
                  type="checkbox"
                  checked={d.statuses.includes(s)}
                  onChange={() => set({ statuses: d.statuses.includes(s) ? d.statuses.filter((x) => x !== s) : [...d.statuses, s as RunStatus] })}
                />
                {s.toLowerCase()}
              </label>
            ))}
            {errors.statuses && (
              <p className="field__error" role="alert">
                {errors.statuses}
              </p>
            )}
          </fieldset>
        )}
        {(d.field === 'date' || d.field === 'cost') && (
          <>
            <Field label={d.field === 'date' ? 'Started on or after' : `Lowest cost (${currency})`} error={errors.from} hint={d.field === 'date' ? 'A day as YYYY-MM-DD (UTC); leave empty for no limit.' : 'Leave empty for no limit.'}>
              {(p) => <input {...p} type={d.field === 'date' ? 'date' : 'text'} inputMode={d.field === 'cost' ? 'decimal' : undefined} value={d.from} onChange={(e) => set({ from: e.target.value })} />}
            </Field>
            <Field label={d.field === 'date' ? 'Started on or before' : `Highest cost (${currency})`} error={errors.to} hint={d.field === 'cost' ? 'Runs whose cost is unknown never match a cost filter.' : undefined}>
              {(p) => <input {...p} type={d.field === 'date' ? 'date' : 'text'} inputMode={d.field === 'cost' ? 'decimal' : undefined} value={d.to} onChange={(e) => set({ to: e.target.value })} />}
            </Field>
          </>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Apply filter
        </button>
      </div>
    </form>
  );
}
