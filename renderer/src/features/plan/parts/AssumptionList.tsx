import type { z } from 'zod';
import type { Assumptions } from '../../../../../shared/contract/estimate';
import { ageInDays, isValidAsOf } from '../../../../../shared/catalog/as-of-date';
import { ageBadge } from '../../../stores/catalog/catalog.selectors';

type AssumptionMap = z.infer<typeof Assumptions>;

/** Words for the assumption keys the estimator uses; unknown keys are shown as they are. */
const NAMES: Record<string, string> = {
  flopsPerToken: 'Computing per token of data',
  peakTflops: 'Peak speed of the chip',
  mfu: 'Share of peak speed achieved (MFU)',
  gpuPowerW: 'Power per GPU',
  pricePerGpuHourUsd: 'Price per GPU-hour',
  pricePerDeviceHourUsd: 'Price per device-hour',
  pue: 'Data-centre overhead (PUE)',
  gridKgCo2PerKwh: 'CO2 per kWh of electricity',
  gpus: 'Number of GPUs',
  precision: 'Number format',
  apiPrice: 'AI service price',
  apiFirstTokenMs: 'AI service delay before answering',
  apiOutputTokensPerS: 'AI service writing speed',
  cloudUsdPerGpuHour: 'Cloud GPU price',
  ownedPowerW: 'Power of your device',
  electricityUsdPerKwh: 'Electricity price',
  lifeMonths: 'Device written off over',
  idlePowerFraction: 'Idle power',
  serving: 'Serving software',
  bandwidthEfficiency: 'Memory speed achieved',
  cloudBandwidthEfficiency: 'Memory speed achieved, rented GPU',
  ownedBandwidthEfficiency: 'Memory speed achieved, your device',
  cloudStepOverheadMs: 'Fixed time per word, rented GPU',
  ownedStepOverheadMs: 'Fixed time per word, your device',
  perStepOverheadMs: 'Fixed time per word written',
  firstTokenOverheadMs: 'Fixed wait before the first word',
  goodput: 'Share of GPU time that trains',
  kvPrecision: 'Number format of the attention cache',
  computeEfficiency: 'Share of peak speed reading the prompt',
  concurrency: 'Requests served together',
  peakToAverage: 'Busiest hour vs average',
  transfer: 'How well the trial’s speed carries over',
  powerW: 'Power per device',
  scalingEfficiency: 'Efficiency of adding devices',
  bytesPerWeight: 'Bytes per weight',
  bytesPerParam: 'Bytes per parameter',
  baseBytesPerParam: 'Bytes per frozen weight',
  adapterParams: 'Parameters of the add-on',
  kvBytesPerElement: 'Bytes per value of the text in view',
  context: 'Text kept in view',
  batch: 'Requests served together',
  overheadFraction: 'Working space',
  zeroStage: 'Memory sharing stage',
  activations: 'Intermediate results counted',
  bandwidthGbs: 'Memory speed of the chip',
  pricePerHourUsd: 'Price per device-hour',
  fit: 'Scaling rule',
  hardware: 'Hardware',
};

function fmt(v: number | string): string {
  if (typeof v === 'string') return v;
  if (Math.abs(v) >= 1e6 || (Math.abs(v) < 0.01 && v !== 0)) return v.toPrecision(3);
  return String(Number(v.toPrecision(3)));
}

/** Every value an estimate used, where it came from, and how old a dated one is. */
export function AssumptionList({ assumptions, today }: { assumptions: AssumptionMap; today: string }) {
  return (
    <details className="card plan-assumptions">
      <summary>
        <h2>Assumptions and sources ({Object.keys(assumptions).length})</h2>
      </summary>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(assumptions).map(([k, a]) => {
            const badge = a.asOf && isValidAsOf(a.asOf) ? ageBadge(ageInDays(a.asOf, today), a.asOf) : null;
            return (
              <tr key={k}>
                <th scope="row">{NAMES[k] ?? k}</th>
                <td className="plan-num">
                  {fmt(a.value)} {a.unit}
                  {a.range && (
                    <div className="muted plan-small">
                      likely {fmt(a.range.p10)} to {fmt(a.range.p90)}
                    </div>
                  )}
                </td>
                <td className="plan-small">{a.source}</td>
                <td>{badge ? <span className={`badge ${badge.stale ? 'badge--warn' : ''}`} title={badge.title}>{badge.text}</span> : <span className="muted plan-small">not dated</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
