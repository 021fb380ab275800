import { ResponsiveLine, type LineCustomSvgLayerProps } from '@nivo/line';
import { nivoTheme, useChartColors } from '../theme';
import { bandPath, pointsNote, yDomain, type ChartLine } from './metric-series';

type Series = { id: string; data: ChartLine['data'] };

interface Props {
  title: string;
  lines: ChartLine[];
  tall?: boolean;
  /** Name each line under the chart (several runs). */
  legend?: boolean;
}

function short(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/**
 * One metric over steps: per run its mean line and, behind it, the min/max band of the values each
 * drawn point stands for. The series arrive downsampled from the backend, so a 1,000,000-point run
 * draws as about a thousand points without losing its spikes.
 */
export function MetricLineChart({ title, lines, tall, legend }: Props) {
  const c = useChartColors();
  const domain = yDomain(lines);
  const note = pointsNote(lines);
  const bad = lines.reduce((s, l) => s + l.nonFinite, 0);
  const drawable = lines.filter((l) => l.data.length > 0);
  const Bands = ({ xScale, yScale }: LineCustomSvgLayerProps<Series>) => (
    <g aria-hidden="true">
      {drawable
        .filter((l) => l.hasEnvelope)
        .map((l) => (
          <path key={l.runId} d={bandPath(l.band, (x) => xScale(x), (y) => yScale(y))} fill={l.color} fillOpacity={lines.length > 1 ? 0.12 : 0.22} stroke={l.color} strokeOpacity={0.45} strokeWidth={1} />
        ))}
    </g>
  );
  return (
    <figure className="metric-chart" aria-label={`${title} chart`} data-drawn-points={drawable.reduce((s, l) => s + l.drawnPoints, 0)}>
      <h3>{title}</h3>
      {!domain || drawable.length === 0 ? (
        <p className="muted">Nothing to draw: {bad > 0 ? 'every value is NaN or infinite.' : 'no points.'}</p>
      ) : (
        <div className={`metric-chart__box${tall ? ' metric-chart__box--tall' : ''}`}>
          <ResponsiveLine<Series>
            data={drawable.map((l) => ({ id: l.id, data: l.data }))}
            margin={{ top: 12, right: 20, bottom: legend ? 70 : 44, left: 64 }}
            xScale={{ type: 'linear', min: 'auto', max: 'auto' }}
            yScale={{ type: 'linear', min: domain.min, max: domain.max }}
            colors={drawable.map((l) => l.color)}
            theme={nivoTheme(c)}
            axisBottom={{ tickValues: 5, format: (v: number) => short(v), legend: 'step', legendPosition: 'middle', legendOffset: 34 }}
            axisLeft={{ tickValues: 5, format: (v: number) => short(v) }}
            gridYValues={5}
            gridXValues={5}
            enablePoints={false}
            lineWidth={2}
            useMesh
            layers={['grid', 'axes', Bands, 'lines', 'mesh', 'legends']}
            legends={
              legend
                ? [{ anchor: 'bottom-left', direction: 'row', translateX: -50, translateY: 66, itemWidth: 140, itemHeight: 18, itemsSpacing: 4, symbolSize: 10, itemTextColor: c.text }]
                : []
            }
            tooltip={({ point }) => (
              <div className="metric-chart__tooltip">
                {lines.length > 1 ? `${String(point.seriesId)}: ` : ''}
                {short(point.data.y)} at step {short(point.data.x)}
              </div>
            )}
            role="img"
            ariaLabel={`${title} chart`}
            animate={false}
          />
        </div>
      )}
      <figcaption className={`metric-chart__note${bad > 0 ? ' metric-chart__note--warn' : ''}`}>{note}</figcaption>
    </figure>
  );
}
