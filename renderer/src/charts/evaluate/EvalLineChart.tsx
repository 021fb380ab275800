import { ResponsiveLine, type LineCustomSvgLayerProps } from '@nivo/line';
import { nivoTheme, useChartColors, type ChartColors } from '../theme';
import type { ChartLineData, XY } from './eval-series';

type Series = { id: string; data: XY[] };

export interface Guide {
  /** A dashed reference segment (e.g. the diagonal of random guessing), labelled at its end. */
  from: XY;
  to: XY;
  label: string;
}

export interface Marker {
  axis: 'x' | 'y';
  value: number;
  legend: string;
  tone: 'warn' | 'danger' | 'muted' | 'ok' | 'accent';
  /** Which side of the line the legend sits (two close lines put theirs on either side). */
  side?: 'left' | 'right';
}

interface Props {
  /** What the chart shows, for screen readers; the visible title sits above it. */
  label: string;
  lines: ChartLineData[];
  xLegend: string;
  yLegend: string;
  xDomain?: [number, number];
  yDomain?: [number | 'auto', number | 'auto'];
  guides?: Guide[];
  markers?: Marker[];
  /** Tick labels of the x axis (e.g. batch names); otherwise numbers. */
  xTicks?: Array<{ value: number; label: string }>;
  formatY?: (v: number) => string;
  formatX?: (v: number) => string;
  points?: boolean;
  legend?: boolean;
  size?: 'small' | 'medium';
  colors?: string[];
}

function short(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

function toneColor(c: ChartColors, tone: Marker['tone']): string {
  return tone === 'danger' ? c.danger : tone === 'warn' ? c.warn : tone === 'ok' ? c.ok : tone === 'accent' ? c.accent : c.muted;
}

/**
 * The Evaluate screens' line chart: curves (ROC, precision-recall, reliability), the threshold
 * tool and the monitor timelines. Lines arrive shaped and capped (eval-series.ts); dashed guides
 * draw what guessing or a perfect model would do; markers draw thresholds and bands.
 */
export function EvalLineChart(props: Props) {
  const c = useChartColors();
  const drawable = props.lines.filter((l) => l.data.length > 0);
  // A single line takes the theme's accent, which reads in both light and dark.
  const palette = props.colors ?? [c.accent, ...c.series.slice(1)];
  const fx = props.formatX ?? short;
  const fy = props.formatY ?? short;
  const Guides = ({ xScale, yScale }: LineCustomSvgLayerProps<Series>) => (
    <g aria-hidden="true">
      {(props.guides ?? []).map((g) => (
        <g key={g.label}>
          <line x1={xScale(g.from.x)} y1={yScale(g.from.y)} x2={xScale(g.to.x)} y2={yScale(g.to.y)} stroke={c.muted} strokeWidth={1.5} strokeDasharray="5 4" />
          <text x={xScale(g.to.x) - 4} y={yScale(g.to.y) - 6} fill={c.muted} fontSize={11} textAnchor="end">
            {g.label}
          </text>
        </g>
      ))}
    </g>
  );
  const tickValues = props.xTicks?.map((t) => t.value);
  const tickLabel = new Map(props.xTicks?.map((t) => [t.value, t.label]));
  const colorOf = (i: number) => palette[i % palette.length]!;
  return (
    <div className={`eval-chart eval-chart--${props.size ?? 'medium'}`} role="img" aria-label={props.label}>
      {drawable.length === 0 ? (
        <p className="muted">Nothing to draw.</p>
      ) : (
        <div className="eval-chart__plot">
          <ResponsiveLine<Series>
            data={drawable.map((l) => ({ id: l.id, data: l.data }))}
            margin={{ top: 18, right: 24, bottom: 48, left: 64 }}
            xScale={{ type: 'linear', min: props.xDomain?.[0] ?? 'auto', max: props.xDomain?.[1] ?? 'auto' }}
            yScale={{ type: 'linear', min: props.yDomain?.[0] ?? 'auto', max: props.yDomain?.[1] ?? 'auto' }}
            colors={drawable.map((_, i) => colorOf(i))}
            theme={nivoTheme(c)}
            axisBottom={{
              tickValues: tickValues ?? 5,
              format: (v: number) => tickLabel.get(v) ?? fx(v),
              legend: props.xLegend,
              legendPosition: 'middle',
              legendOffset: 36,
            }}
            axisLeft={{ tickValues: 5, format: (v: number) => fy(v), legend: props.yLegend, legendPosition: 'middle', legendOffset: -52 }}
            gridXValues={tickValues ?? 5}
            gridYValues={5}
            enablePoints={props.points ?? false}
            pointSize={8}
            lineWidth={2}
            useMesh
            markers={(props.markers ?? []).map((m) => ({
              axis: m.axis,
              value: m.value,
              legend: m.legend,
              legendPosition: m.axis === 'y' ? ('top-left' as const) : m.side === 'left' ? ('top-left' as const) : m.side === 'right' ? ('top-right' as const) : ('top' as const),
              lineStyle: { stroke: toneColor(c, m.tone), strokeWidth: 1.5, strokeDasharray: '4 3' },
              textStyle: { fill: toneColor(c, m.tone), fontSize: 11 },
            }))}
            layers={['grid', 'markers', 'axes', Guides, 'lines', 'points', 'mesh']}
            tooltip={({ point }) => (
              <div className="eval-chart__tooltip">
                {drawable.length > 1 ? `${String(point.seriesId)}: ` : ''}
                {fy(point.data.y)} at {tickLabel.get(point.data.x) ?? fx(point.data.x)}
              </div>
            )}
            role="img"
            ariaLabel={props.label}
            animate={false}
          />
        </div>
      )}
      {props.legend && drawable.length > 0 && (
        <ul className="eval-legend" aria-hidden="true">
          {drawable.map((l, i) => (
            <li key={l.id}>
              <span className="eval-swatch" style={{ background: colorOf(i) }} />
              {l.id}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
