import { ResponsiveScatterPlot, type ScatterPlotLayerProps } from '@nivo/scatterplot';
import { nivoTheme, useChartColors } from '../theme';

export interface ScatterPoint {
  x: number;
  y: number;
  id: string;
  name: string;
  onFront: boolean;
  color: string;
}

interface Props {
  points: ScatterPoint[];
  metricName: string;
  currency: string;
  formatCost(cents: number): string;
}

function short(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/**
 * A metric against cost, one dot per run. Runs on the Pareto front (no other run is both cheaper
 * and better) get a ring and are joined by a line; each dot carries its run's colour and name.
 */
export function CostScatterChart({ points, metricName, currency, formatCost }: Props) {
  const c = useChartColors();
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = (lo: number, hi: number) => (hi === lo ? Math.abs(hi) * 0.1 || 1 : (hi - lo) * 0.12);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const byId = new Map(points.map((p) => [p.id, p]));
  const Marks = ({ nodes, xScale, yScale }: ScatterPlotLayerProps<ScatterPoint>) => {
    const front = points.filter((p) => p.onFront).sort((a, b) => a.x - b.x);
    const sx = xScale as unknown as (v: number) => number;
    const sy = yScale as unknown as (v: number) => number;
    return (
      <g>
        {front.length > 1 && (
          <path d={front.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x)},${sy(p.y)}`).join('')} fill="none" stroke={c.text} strokeOpacity={0.5} strokeWidth={1.5} strokeDasharray="4 3" aria-hidden="true" />
        )}
        {nodes.map((n) => {
          const p = byId.get(n.data.id)!;
          return (
            <g key={n.id} transform={`translate(${n.x},${n.y})`} data-run-id={p.id} data-pareto={p.onFront ? 'front' : 'beaten'}>
              {p.onFront && <circle r={11} fill="none" stroke={c.text} strokeWidth={2} />}
              <text x={14} y={4} fill={c.text} fontSize={11}>
                {p.name}
                {p.onFront ? ' ★' : ''}
              </text>
            </g>
          );
        })}
      </g>
    );
  };
  return (
    <div className="scatter-box">
      <ResponsiveScatterPlot<ScatterPoint>
        data={[{ id: 'runs', data: points }]}
        margin={{ top: 16, right: 110, bottom: 52, left: 72 }}
        xScale={{ type: 'linear', min: Math.max(0, x0 - pad(x0, x1)), max: x1 + pad(x0, x1) }}
        yScale={{ type: 'linear', min: y0 - pad(y0, y1), max: y1 + pad(y0, y1) }}
        nodeSize={12}
        nodeComponent={({ node }) => <circle cx={node.x} cy={node.y} r={6} fill={node.data.color} data-testid="scatter-dot" />}
        theme={nivoTheme(c)}
        axisBottom={{ tickValues: 5, format: (v: number) => formatCost(Math.round(v)), legend: `cost (${currency})`, legendPosition: 'middle', legendOffset: 40 }}
        axisLeft={{ tickValues: 5, format: (v: number) => short(v), legend: metricName, legendPosition: 'middle', legendOffset: -60 }}
        layers={['grid', 'axes', 'nodes', Marks, 'mesh']}
        tooltip={({ node }) => (
          <div className="metric-chart__tooltip">
            {node.data.name}: {metricName} {short(node.data.y)} for {formatCost(node.data.x)}
            {node.data.onFront ? ' (no other run beats it on both)' : ''}
          </div>
        )}
        role="img"
        ariaLabel={`${metricName} against cost in ${currency}, one dot each; a ring and a star mark those no other beats on both`}
        animate={false}
      />
    </div>
  );
}
