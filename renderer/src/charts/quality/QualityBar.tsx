import { ResponsiveBar, type BarDatum, type ComputedDatum } from '@nivo/bar';
import { nivoTheme, useChartColors } from '../theme';

export interface QualityBarProps<D extends BarDatum> {
  data: D[];
  indexBy: Extract<keyof D, string>;
  keys: string[];
  /** What the chart shows, for screen readers (the visible caption sits next to the chart). */
  label: string;
  layout?: 'horizontal' | 'vertical';
  /** Size class from the Check section of styles.css (no inline styles: the CSP forbids them). */
  size?: 'small' | 'medium' | 'tall';
  color?: (d: ComputedDatum<D>, palette: ReturnType<typeof useChartColors>) => string;
  valueFormat?: (v: number) => string;
  valueLegend?: string;
  /** Vertical reference lines on the value axis (e.g. PSI bands). */
  markers?: Array<{ value: number; legend: string; tone: 'warn' | 'danger' }>;
  stacked?: boolean;
  /** The value axis reaches at least this far (so reference lines such as PSI 0.25 stay visible). */
  minMax?: number;
  /** Left margin for long category labels in horizontal layout. */
  labelWidth?: number;
}

/**
 * The one bar chart of the quality screens: themed from the CSS variables, animated off (a report
 * is read, not watched), labelled for assistive technology.
 */
export function QualityBar<D extends BarDatum>(props: QualityBarProps<D>) {
  const c = useChartColors();
  const layout = props.layout ?? 'vertical';
  const horizontal = layout === 'horizontal';
  const format = props.valueFormat ?? ((v: number) => v.toLocaleString('en-US'));
  const paint = props.color;
  // Category axes show at most ~6 labels, each the start of its range, so labels never overlap.
  const labels = props.data.map((d) => String(d[props.indexBy]));
  const step = Math.max(1, Math.ceil(labels.length / 6));
  const categoryTicks = labels.filter((_, i) => i % step === 0);
  return (
    <div className={`quality-chart quality-chart--${props.size ?? 'medium'}`} role="img" aria-label={props.label}>
      <ResponsiveBar<D>
        data={props.data}
        indexBy={props.indexBy}
        keys={props.keys}
        layout={layout}
        groupMode={props.stacked ? 'stacked' : 'grouped'}
        theme={nivoTheme(c)}
        colors={paint ? (d) => paint(d, c) : ({ id }) => (id === props.keys[0] ? c.accent : c.series[props.keys.indexOf(String(id)) % c.series.length]!)}
        margin={{ top: props.markers?.length ? 22 : 8, right: 24, bottom: horizontal ? 36 : 28, left: horizontal ? (props.labelWidth ?? 120) : 56 }}
        padding={0.2}
        valueScale={{ type: 'linear', min: 0, max: props.minMax === undefined ? 'auto' : Math.max(props.minMax, ...props.data.flatMap((d) => props.keys.map((k) => Number(d[k] ?? 0)))) }}
        animate={false}
        enableLabel={false}
        valueFormat={format}
        enableGridX={horizontal}
        enableGridY={!horizontal}
        axisBottom={
          horizontal
            ? { tickSize: 0, tickPadding: 6, format, legend: props.valueLegend, legendOffset: 30, legendPosition: 'middle', tickValues: 5 }
            : { tickSize: 0, tickPadding: 6, tickValues: categoryTicks, format: (v: string) => truncate(String(v).split(' – ')[0]!, 12) }
        }
        axisLeft={horizontal ? { tickSize: 0, tickPadding: 6, format: (v: string) => truncate(String(v), 18) } : { tickSize: 0, tickPadding: 6, format, tickValues: 4 }}
        markers={(props.markers ?? []).map((m) => ({
          axis: horizontal ? ('x' as const) : ('y' as const),
          value: m.value,
          legend: m.legend,
          legendPosition: 'top' as const,
          lineStyle: { stroke: m.tone === 'danger' ? c.danger : c.warn, strokeWidth: 1.5, strokeDasharray: '4 3' },
          textStyle: { fill: m.tone === 'danger' ? c.danger : c.warn, fontSize: 11 },
        }))}
        ariaLabel={props.label}
        tooltip={({ indexValue, value, id }) => (
          <div className="quality-chart__tooltip">
            <strong>{String(indexValue)}</strong>
            {props.keys.length > 1 ? ` ${String(id)}` : ''}: {format(Number(value))}
          </div>
        )}
      />
    </div>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
