import { ResponsiveBar, type BarCustomLayerProps } from '@nivo/bar';
import { nivoTheme, useChartColors } from '../theme';
import { shortMoney, type CostBarDatum } from './plan-chart-data';

interface Props {
  data: CostBarDatum[];
  /** Monthly budget line, when the owner gave one, in the chart's currency. */
  budgetUsd?: number | null;
  title: string;
  /** The currency the figures are in (default US dollars). */
  currency?: string;
}

/**
 * Monthly cost per option: the bar is the best guess (P50), the whisker runs from the low case
 * (P10) to the high case (P90). nivo has no error bars, so a custom layer draws them.
 */
export function CostRangeBarChart({ data, budgetUsd, title, currency = 'USD' }: Props) {
  const c = useChartColors();
  const top = Math.max(...data.map((d) => d.p90), budgetUsd ?? 0) * 1.1 || 1;
  const Whiskers = ({ bars, yScale }: BarCustomLayerProps<CostBarDatum>) => (
    <g aria-hidden="true">
      {bars.map((b) => {
        const cx = b.x + b.width / 2;
        const y10 = (yScale as (v: number) => number)(b.data.data.p10);
        const y90 = (yScale as (v: number) => number)(b.data.data.p90);
        const w = Math.min(18, b.width / 3);
        return (
          <g key={b.key} stroke={c.text} strokeWidth={1.5}>
            <line x1={cx} x2={cx} y1={y10} y2={y90} />
            <line x1={cx - w} x2={cx + w} y1={y10} y2={y10} />
            <line x1={cx - w} x2={cx + w} y1={y90} y2={y90} />
            <text x={cx + w + 4} y={y90 + 4} fill={c.muted} stroke="none" fontSize={11}>
              {shortMoney(b.data.data.p90, currency)}
            </text>
          </g>
        );
      })}
    </g>
  );
  return (
    <figure className="plan-chart" aria-label={title}>
      <div className="plan-chart__box plan-chart__box--bar">
        <ResponsiveBar<CostBarDatum>
          data={data}
          keys={['p50']}
          indexBy="label"
          margin={{ top: 16, right: 24, bottom: 40, left: 72 }}
          padding={0.45}
          valueScale={{ type: 'linear', min: 0, max: top }}
          colors={({ index }) => c.series[index % c.series.length] as string}
          theme={nivoTheme(c)}
          axisLeft={{ format: (v: number) => shortMoney(v, currency), tickValues: 5, legend: 'per month', legendPosition: 'middle', legendOffset: -62 }}
          axisBottom={{ tickSize: 0, tickPadding: 10 }}
          enableLabel={false}
          enableGridY
          markers={budgetUsd ? [{ axis: 'y', value: budgetUsd, lineStyle: { stroke: c.warn, strokeWidth: 2, strokeDasharray: '6 4' }, legend: `your budget ${shortMoney(budgetUsd, currency)}`, legendPosition: 'top-right', textStyle: { fill: c.warn, fontSize: 11 } }] : []}
          layers={['grid', 'axes', 'bars', 'markers', Whiskers]}
          tooltip={({ data: d }) => (
            <div className="plan-chart__tooltip">
              <strong>{d.label}</strong>: about {shortMoney(d.p50, currency)} a month, likely {shortMoney(d.p10, currency)} to {shortMoney(d.p90, currency)}
            </div>
          )}
          role="img"
          ariaLabel={title}
          animate={false}
        />
      </div>
      <figcaption className="plan-chart__caption">Bar: best guess. Whisker: likely range (P10 to P90, 8 in 10 outcomes fall inside).</figcaption>
    </figure>
  );
}
