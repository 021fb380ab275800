import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';
import { UsdRateForm } from './UsdRateForm';

/**
 * What this project pays: its own negotiated price per device-hour for a piece of hardware (wins
 * over the catalog's default; the runs on it are re-priced) and, for a project not in US
 * dollars, its USD exchange rate.
 */
export function RatesPanel({ project, today }: { project: Project; today: string }) {
  const rates = useRpcQuery('rates.list', { projectId: project.id });
  const catalog = useRpcQuery('catalog.list', { kind: 'hardware' });
  const set = useSubmit('rates.set', { invalidates: ['rates', 'runs', 'ledger', 'budget'] });
  const remove = useSubmit('rates.delete', { invalidates: ['rates', 'runs', 'ledger', 'budget'] });
  const [hardwareId, setHardwareId] = useState('');
  const [price, setPrice] = useState('');
  const [note, setNote] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const hardware = (catalog.data ?? []).flatMap((e) => (e.kind === 'hardware' ? [e.row] : []));
  return (
    <section className="card" aria-labelledby="rates-title">
      <h2 id="rates-title">What this project pays</h2>
      <div className="budget-split">
        <div>
          <h3>Negotiated prices</h3>
          <p className="muted budget-note">A price you agreed for a device (a reserved instance, your own cluster) replaces the catalog&apos;s on-demand price for this project&apos;s runs.</p>
          <ErrorBanner error={rates.error ?? set.error ?? remove.error ?? null} />
          {rates.data && rates.data.length > 0 && (
            <table className="plan-table" aria-label="Negotiated prices">
              <thead>
                <tr>
                  <th scope="col">Hardware</th>
                  <th scope="col" className="budget-num">Per device-hour</th>
                  <th scope="col">As of</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rates.data.map((r) => (
                  <tr key={r.hardwareId}>
                    <th scope="row">
                      {r.hardwareName ?? r.hardwareId}
                      {r.note && <div className="muted budget-note">{r.note}</div>}
                    </th>
                    <td className="budget-num">
                      {r.pricePerDeviceHour} {r.currency}
                    </td>
                    <td className="budget-date">{r.asOf}</td>
                    <td>
                      <button type="button" className="button button--danger plan-button--small" disabled={remove.busy} onClick={() => void remove.submit({ projectId: project.id, hardwareId: r.hardwareId })} aria-label={`Remove the price for ${r.hardwareName ?? r.hardwareId}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form
            className="form"
            aria-label="Add a negotiated price"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(price.trim());
              if (!hardwareId || price.trim() === '' || !(Number.isFinite(n) && n >= 0)) {
                setError(!hardwareId ? 'Choose the hardware' : 'Enter the price as a number, like 2.10');
                return;
              }
              setError(undefined);
              void set.submit({ projectId: project.id, hardwareId, pricePerDeviceHour: n, note, asOf }, () => (setPrice(''), setNote('')));
            }}
          >
            <div className="form__row">
              <Field label="Hardware">
                {(p) => (
                  <select {...p} value={hardwareId} onChange={(e) => setHardwareId(e.target.value)}>
                    <option value="">Choose…</option>
                    {hardware.map((h) => (
                      <option key={h.id} value={h.id}>
                        {h.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={`Price per device-hour (${project.currency})`} error={error}>
                {(p) => <input {...p} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />}
              </Field>
            </div>
            <div className="form__row">
              <Field label="Note (optional)">{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
              <Field label="Agreed on">{(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}</Field>
            </div>
            <div className="form__actions">
              <button type="submit" className="button" disabled={set.busy}>
                Save the price
              </button>
            </div>
          </form>
        </div>
        {project.currency !== 'USD' && (
          <div>
            <UsdRateForm key={`${project.usdRate ?? ''}:${project.usdRateAsOf ?? ''}`} project={project} today={today} />
          </div>
        )}
      </div>
    </section>
  );
}
