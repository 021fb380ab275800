import { ResponsiveLine, type LineCustomSvgLayerProps } from '@nivo/line';
import { formatCents } from '../../../../shared/budget/spend/spend-format';
import { dayLabel } from '../../../../shared/budget/spend/spend-dates';
import { nivoTheme, useChartColors, type ChartColors } from '../theme';
import { capCut, chartSeries, dayTicks, legendOf, LINE_STYLES, monthlyAxis, SERIES_LABELS, tickLabel, type BurnDown, type ChartSeries, type LineStyle, type Tone } from './burn-down-data';

const BURN_DOWN_LABEL = 'Burn-down: spend so far against the plan and the caps';

function toneColor(c: ChartColors, tone: Tone): string {
  return tone === 'accent' ? c.accent : tone === 'plan' ? (c.series[1] as string) : tone === 'danger' ? c.danger : c.warn;
}

/**
 * Cumulative spend against the plan and the caps, one point a day (or a week on long projects).
 * The actual line stops today; the plan runs to the project's end with its P10-P90 band; the
 * budget and the month-by-month caps are the ceilings. Lines are drawn by our own layer so each
 * can have its dash; nivo gives the scales, axes, grid and the day-by-day tooltip.
 */
export function BurnDownChart({ burnDown, today }: { burnDown: BurnDown; today: string }) {
  const c = useChartColors();
  const data = chartSeries(burnDown);
  const money = (v: number) => formatCents(Math.round(v), burnDown.currency);
  const ticks = dayTicks(burnDown.from, burnDown.to);
  // The time scale takes Dates where the series' type says strings.
  const tickDates = ticks.map((t) => new Date(`${t}T00:00:00Z`)) as unknown as string[];
  const monthly = monthlyAxis(burnDown.from, burnDown.to);
  const legend = legendOf(burnDown);

  const Drawn = ({ series, xScale, yScale }: LineCustomSvgLayerProps<ChartSeries>) => {
    const sx = xScale as unknown as (v: Date) => number;
    const sy = yScale as unknown as (v: number) => number;
    const pos = (id: string) => series.find((s) => s.id === id)?.data.map((d) => d.position) ?? [];
    const low = pos('plan-p10');
    const high = pos('plan-p90');
    const band = low.length > 1 && high.length === low.length ? `M${low.map((p) => `${p.x},${p.y}`).join('L')}L${[...high].reverse().map((p) => `${p.x},${p.y}`).join('L')}Z` : null;
    const todayX = sx(new Date(`${today}T00:00:00Z`));
    return (
      <g>
        {band && <path d={band} fill={toneColor(c, 'plan')} opacity={0.16} />}
        {Number.isFinite(todayX) && <line x1={todayX} x2={todayX} y1={0} y2={sy(0)} stroke={c.muted} strokeDasharray="3 3" />}
        {series.map((s) => {
          const style = LINE_STYLES[s.id];
          if (!style || s.data.length === 0) return null;
          const d = `M${s.data.map((p) => `${p.position.x},${p.position.y}`).join('L')}`;
          return <path key={s.id} d={d} fill="none" stroke={toneColor(c, style.tone)} strokeWidth={style.width} strokeDasharray={style.dash} strokeLinejoin="round" />;
        })}
      </g>
    );
  };

  return (
    <figure className="budget-chart" aria-label={BURN_DOWN_LABEL}>
      <div className="budget-chart__box">
        <ResponsiveLine<ChartSeries>
          data={data}
          margin={{ top: 12, right: 24, bottom: 40, left: 76 }}
          xScale={{ type: 'time', format: '%Y-%m-%d', useUTC: true, precision: 'day' }}
          xFormat="time:%Y-%m-%d"
          yScale={{ type: 'linear', min: 0, max: 'auto' }}
          theme={nivoTheme(c)}
          axisBottom={{ tickValues: tickDates, format: (v: Date) => tickLabel(v.toISOString().slice(0, 10), monthly) }}
          axisLeft={{ tickValues: 5, format: (v: number) => money(v) }}
          gridXValues={tickDates}
          gridYValues={5}
          enablePoints={false}
          enableSlices="x"
          layers={['grid', 'axes', Drawn, 'slices']}
          sliceTooltip={({ slice }) => (
            <div className="plan-chart__tooltip">
              {slice.points[0] && <strong>{dayLabel(slice.points[0].data.xFormatted)}</strong>}
              {slice.points
                .filter((p) => p.seriesId !== 'plan-p10' && p.seriesId !== 'plan-p90')
                .map((p) => (
                  <div key={p.id}>
                    {SERIES_LABELS[p.seriesId]}: {money(p.data.y)}
                  </div>
                ))}
            </div>
          )}
          role="img"
          ariaLabel={BURN_DOWN_LABEL}
          animate={false}
        />
      </div>
      <ul className="budget-legend" aria-label="Lines on the chart">
        {legend.map((l) => (
          <li key={l.id}>
            <svg width="28" height="12" aria-hidden="true">
              {l.style === 'band' ? (
                <rect x="0" y="1" width="28" height="10" fill={toneColor(c, 'plan')} opacity={0.25} />
              ) : (
                <line x1="0" x2="28" y1="6" y2="6" stroke={toneColor(c, (l.style as LineStyle).tone)} strokeWidth={(l.style as LineStyle).width} strokeDasharray={(l.style as LineStyle).dash} />
              )}
            </svg>
            {l.label}
          </li>
        ))}
      </ul>
      {capCut(burnDown) && <figcaption className="budget-note muted">The monthly-cap line stops where the caps add up to more than the total budget: from there the budget is the tighter limit.</figcaption>}
    </figure>
  );
}
