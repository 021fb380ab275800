import type { RunDetail } from '../../../../../shared/contract/runs';
import { costBasisText, energyBasisText, formatCo2, formatCost, formatDeviceHours, formatDuration, formatKwh } from '../run-format';

function Stat({ label, value, meaning, testId }: { label: string; value: string; meaning: string; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      <div className="stat__meaning">{meaning}</div>
    </div>
  );
}

function assumptionValue(a: RunDetail['cost']['assumptions'][number]): string {
  const v = typeof a.value === 'number' ? String(Number(a.value.toPrecision(6))) : a.value;
  return a.unit ? `${v} ${a.unit}` : v;
}

const ASSUMPTION_NAMES: Record<string, string> = {
  hours: 'Hours',
  devices: 'Devices',
  pricePerDeviceHour: 'Price per device-hour',
  cost: 'Cost entered',
  usdRate: 'Exchange rate',
  energy: 'Energy',
  gpuEnergy: 'GPU energy measured',
  devicePower: 'Power per device',
  pue: 'Data-centre overhead (PUE)',
  gridKgCo2PerKwh: 'Grid carbon intensity',
  note: 'Note',
};

/** What the run cost, used and emitted, each figure with its basis; the assumptions with source and date. */
export function RunCostCard({ run }: { run: RunDetail }) {
  const c = run.cost;
  const running = c.hoursBasis === 'running';
  return (
    <section className="card run-cost" aria-labelledby="run-cost-title">
      <h2 id="run-cost-title">What this run cost</h2>
      <p className="run-cost__basis" data-testid="cost-basis">
        <strong>{c.costCents == null ? 'Cost unknown' : 'Basis'}:</strong> {costBasisText(c, run.hardwareName ?? run.hardwareId)}
        {c.priceSource && c.basis !== 'manual' ? <span className="muted"> (price source: {c.priceSource})</span> : null}.
      </p>
      <div className="stats" role="group" aria-label="Cost breakdown">
        <Stat
          testId="run-cost"
          label={running ? 'Cost so far' : 'Cost'}
          value={formatCost(c.costCents, c.currency)}
          meaning={c.costCents == null ? 'Set the hardware below to see it.' : `What the compute cost, in ${c.currency}${c.costUsdCents != null && c.currency !== 'USD' ? ` (${formatCost(c.costUsdCents, 'USD')})` : ''}.`}
        />
        <Stat
          testId="run-gpu-hours"
          label="GPU-hours"
          value={formatDeviceHours(c.hours, c.devices)}
          meaning={c.hours == null ? 'The run has no duration yet.' : `${c.devices ?? 1} ${c.devices === 1 || c.devices == null ? 'device' : 'devices'} x ${formatDuration(c.hours)}: the device-hours cloud providers bill.`}
        />
        <Stat testId="run-energy" label="Energy" value={formatKwh(c.energyKwh)} meaning={energyBasisText(c.energyBasis)} />
        <Stat
          testId="run-co2"
          label="CO2"
          value={formatCo2(c.co2Kg)}
          meaning={c.gridKgCo2PerKwh != null ? `Energy x ${c.gridKgCo2PerKwh} kg CO2e per kWh (an average grid).` : 'Known once the energy is.'}
        />
      </div>
      {c.assumptions.length > 0 && (
        <details className="run-cost__assumptions">
          <summary>Assumptions ({c.assumptions.length}): where each figure comes from</summary>
          <table className="kv">
            <tbody>
              {c.assumptions.map((a, i) => (
                <tr key={`${a.name}-${i}`}>
                  <th scope="row">{ASSUMPTION_NAMES[a.name] ?? a.name}</th>
                  <td>
                    {assumptionValue(a)}
                    <div className="muted">
                      {a.source}
                      {a.asOf ? `, as of ${a.asOf}` : ''}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
