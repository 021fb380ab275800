import { ResponsiveLine, type LineCustomSvgLayerProps } from '@nivo/line';
import { nivoTheme, useChartColors } from '../theme';
import { decadeTicks, shortCount, shortMoney, type BreakEvenMark, type VolumeSeries } from './plan-chart-data';

interface Props {
  series: VolumeSeries[];
  marks: BreakEvenMark[];
  /** The planned volume, marked with a dashed line. */
  planned: number;
  /** What one x unit is: requests per `unit`. */
  unit: 'day' | 'month';
  title: string;
  /** The currency the figures are in (default US dollars). */
  currency?: string;
}

/**
 * Monthly cost against daily volume on log-log axes (a pay-per-use line rises, an owned device is
 * nearly flat). Dots mark break-even volumes; the dashed line is the planned volume.
 */
export function CostVolumeLineChart({ series, marks, planned, unit, title, currency = 'USD' }: Props) {
  const c = useChartColors();
  const xs = series.flatMap((s) => s.data.map((p) => p.x));
  const ys = series.flatMap((s) => s.data.map((p) => p.y));
  if (xs.length === 0) return <p className="muted">No option has a cost to chart.</p>;
  const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const BreakEvens = ({ xScale, yScale, innerWidth }: LineCustomSvgLayerProps<VolumeSeries>) => (
    <g aria-hidden="true">
      {marks.map((m) => {
        const label = `break-even ${shortCount(m.x)}/${unit}`;
        const width = label.length * 6.3 + 8;
        const x = xScale(m.x);
        // A mark near the right edge would have its label cut off by the chart's edge: put it on the left.
        const left = x + 8 + width > innerWidth + 20;
        const plateX = left ? -8 - width : 8;
        return (
          <g key={m.text} transform={`translate(${x},${yScale(m.y)})`}>
            <circle r={6} fill={c.panel} stroke={c.text} strokeWidth={2} />
            {/* A panel-coloured plate keeps the label readable where it crosses a line. */}
            <rect x={plateX} y={-24} width={width} height={18} rx={4} fill={c.panel} opacity={0.9} />
            <text x={plateX + 4} y={-11} fill={c.text} fontSize={11}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
  return (
    <figure className="plan-chart" aria-label={title}>
      <div className="plan-chart__box plan-chart__box--line">
        <ResponsiveLine<VolumeSeries>
          data={series}
          margin={{ top: 16, right: 24, bottom: 84, left: 72 }}
          xScale={{ type: 'log', base: 10, min: xMin, max: xMax }}
          yScale={{ type: 'log', base: 10, min: yMin, max: yMax }}
          colors={series.map((_, i) => c.series[i % c.series.length] as string)}
          theme={nivoTheme(c)}
          axisBottom={{ tickValues: decadeTicks(xMin, xMax), format: (v: number) => shortCount(v), legend: `requests per ${unit}`, legendPosition: 'middle', legendOffset: 40 }}
          axisLeft={{ tickValues: decadeTicks(yMin, yMax), format: (v: number) => shortMoney(v, currency), legend: 'cost per month', legendPosition: 'middle', legendOffset: -62 }}
          gridXValues={decadeTicks(xMin, xMax)}
          gridYValues={decadeTicks(yMin, yMax)}
          enablePoints={false}
          lineWidth={3}
          useMesh
          markers={[{ axis: 'x', value: planned, lineStyle: { stroke: c.muted, strokeWidth: 1.5, strokeDasharray: '5 4' }, legend: `you plan ${shortCount(planned)}/${unit}`, legendPosition: 'top-left', textStyle: { fill: c.muted, fontSize: 11 } }]}
          layers={['grid', 'markers', 'axes', 'lines', BreakEvens, 'mesh', 'legends']}
          legends={[{ anchor: 'bottom-left', direction: 'row', translateX: -40, translateY: 78, itemWidth: 130, itemHeight: 18, itemsSpacing: 4, symbolSize: 12, itemTextColor: c.text }]}
          tooltip={({ point }) => (
            <div className="plan-chart__tooltip">
              {String(point.seriesId)}: {shortMoney(point.data.y, currency)} a month at {shortCount(point.data.x)} requests a {unit}
            </div>
          )}
          role="img"
          ariaLabel={title}
          animate={false}
        />
      </div>
      <figcaption className="plan-chart__caption">Where two lines cross, the cheaper choice switches (break-even). Both axes grow by ten at each step.</figcaption>
    </figure>
  );
}
