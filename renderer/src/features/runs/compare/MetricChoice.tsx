import { metricDirection } from './compare-shaping';

interface Props {
  keys: string[];
  metric: string;
  direction: 'higher' | 'lower';
  onChange(metric: string, direction: 'higher' | 'lower'): void;
}

/** Which metric to set against cost, and whether more of it is better (guessed from its name). */
export function MetricChoice({ keys, metric, direction, onChange }: Props) {
  return (
    <>
      <label className="field">
        <span>Metric</span>
        <select value={metric} onChange={(e) => onChange(e.target.value, metricDirection(e.target.value))}>
          {keys.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Better is</span>
        <select value={direction} onChange={(e) => onChange(metric, e.target.value as 'higher' | 'lower')}>
          <option value="higher">higher</option>
          <option value="lower">lower</option>
        </select>
      </label>
    </>
  );
}
