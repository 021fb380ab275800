import { useState } from 'react';
import type { RunDetail } from '../../../../../shared/contract/runs';
import { COMMON_CURRENCIES } from '../../../../../shared/domain/money';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { computePatch, formFromRun, type ComputeErrors, type ComputeFormValues } from './compute-form';

/** Says what a run ran on (hardware, devices, duration, energy, or a cost by hand); saving recomputes its cost. */
export function ComputeForm({ run, onDone }: { run: RunDetail; onDone?: () => void }) {
  const catalog = useRpcQuery('catalog.list', { kind: 'hardware' });
  const save = useSubmit('runs.setCompute', { invalidates: ['runs'] });
  const [v, setV] = useState<ComputeFormValues>(() => formFromRun(run));
  const [errors, setErrors] = useState<ComputeErrors>({});
  const set = (patch: Partial<ComputeFormValues>) => setV({ ...v, ...patch });
  const hardware = (catalog.data ?? []).flatMap((e) => (e.kind === 'hardware' ? [e.row] : []));
  return (
    <form
      className="card compute-form form"
      aria-labelledby="compute-title"
      onSubmit={(e) => {
        e.preventDefault();
        const r = computePatch(v);
        if (!r.ok) {
          setErrors(r.errors);
          return;
        }
        setErrors({});
        void save.submit({ id: run.id, compute: r.patch }, () => onDone?.());
      }}
    >
      <div>
        <h2 id="compute-title">What did this run use?</h2>
        <p className="muted">Tally prices a run from its hardware and how long it ran. Clients can send this as run tags (tally.hardware, tally.devices); here you set it by hand.</p>
      </div>
      <ErrorBanner error={catalog.error ?? save.error ?? null} />
      <div className="form__row">
        <Field label="Hardware" error={errors.hardwareId} hint="From the catalog (Settings › Catalog); its price and power are used.">
          {(p) => (
            <select {...p} value={v.hardwareId} onChange={(e) => set({ hardwareId: e.target.value })}>
              <option value="">Unknown</option>
              {hardware.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name} ({h.vendor}, {h.memoryGb} GB)
                </option>
              ))}
              {v.hardwareId && !hardware.some((h) => h.id === v.hardwareId) && <option value={v.hardwareId}>{v.hardwareId} (not in the catalog)</option>}
            </select>
          )}
        </Field>
        <Field label="Devices" error={errors.devices} hint="How many GPUs (or other accelerators) it used; 1 if empty.">
          {(p) => <input {...p} inputMode="numeric" value={v.devices} onChange={(e) => set({ devices: e.target.value })} />}
        </Field>
        <Field label="Duration (hours)" error={errors.durationHours} hint="Leave empty to use end time minus start time.">
          {(p) => <input {...p} inputMode="decimal" value={v.durationHours} onChange={(e) => set({ durationHours: e.target.value })} />}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Measured energy (kWh, optional)" error={errors.energyKwh} hint="From a power meter or your provider; otherwise estimated.">
          {(p) => <input {...p} inputMode="decimal" value={v.energyKwh} onChange={(e) => set({ energyKwh: e.target.value })} />}
        </Field>
        <Field label="Price per device-hour, USD (optional)" error={errors.priceUsd} hint="What you actually paid, if not the catalog price.">
          {(p) => <input {...p} inputMode="decimal" value={v.priceUsd} onChange={(e) => set({ priceUsd: e.target.value })} />}
        </Field>
        <Field label="Cost by hand (optional)" error={errors.manualCost ?? errors.manualCurrency} hint="Overrides everything above, e.g. from an invoice.">
          {(p) => (
            <span className="compute-form__money">
              <input {...p} inputMode="decimal" value={v.manualCost} onChange={(e) => set({ manualCost: e.target.value })} />
              <select aria-label="Currency of the cost" value={v.manualCurrency} onChange={(e) => set({ manualCurrency: e.target.value })}>
                {[...new Set([run.currency, ...COMMON_CURRENCIES])].map((cur) => (
                  <option key={cur}>{cur}</option>
                ))}
              </select>
            </span>
          )}
        </Field>
      </div>
      <div className="form__actions">
        {onDone && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save and recompute the cost'}
        </button>
      </div>
    </form>
  );
}
