/**
 * Inline SVG line charts for the evaluation report (ROC, precision-recall, reliability, cost by
 * threshold): no script, no external reference. Points arrive already downsampled by the core.
 */
import { escapeXml } from './escape';

const W = 260;
const H = 200;
const PAD = 28;

export interface Series {
  x: number[];
  y: number[];
  /** CSS class of the line ("line", "line2"). */
  cls?: string;
}

function scale(v: number, lo: number, hi: number, size: number): number {
  return hi === lo ? size / 2 : ((v - lo) / (hi - lo)) * size;
}

/** A line chart on [xMin, xMax] x [yMin, yMax] with optional dashed diagonal (the guessing line). */
export function lineChartSvg(series: Series[], o: { label: string; xLabel: string; yLabel: string; x?: [number, number]; y?: [number, number]; diagonal?: boolean; markX?: number }): string {
  const xs = series.flatMap((s) => s.x);
  const ys = series.flatMap((s) => s.y);
  if (xs.length === 0) return '';
  const [x0, x1] = o.x ?? [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = o.y ?? [Math.min(...ys), Math.max(...ys)];
  const w = W - PAD;
  const h = H - PAD;
  const px = (v: number) => (PAD + scale(v, x0, x1, w)).toFixed(1);
  const py = (v: number) => (h - scale(v, y0, y1, h)).toFixed(1);
  const lines = series
    .map((s) => {
      const pts = s.x.map((x, i) => `${px(x)},${py(s.y[i]!)}`).join(' ');
      return `<polyline class="${s.cls ?? 'line'}" fill="none" points="${pts}"/>`;
    })
    .join('');
  const diagonal = o.diagonal ? `<line class="guide" x1="${px(x0)}" y1="${py(y0)}" x2="${px(x1)}" y2="${py(y1)}"/>` : '';
  const mark = o.markX !== undefined ? `<line class="mark" x1="${px(o.markX)}" y1="0" x2="${px(o.markX)}" y2="${h}"/>` : '';
  const axes = `<line class="axis" x1="${PAD}" y1="${h}" x2="${W}" y2="${h}"/><line class="axis" x1="${PAD}" y1="0" x2="${PAD}" y2="${h}"/>`;
  const f = (v: number) => String(Number(v.toPrecision(3)));
  const text = `<text x="${PAD}" y="${H - 14}">${f(x0)}</text><text x="${W}" y="${H - 14}" text-anchor="end">${f(x1)}</text><text x="${PAD + w / 2}" y="${H - 2}" text-anchor="middle">${escapeXml(o.xLabel)}</text><text x="${PAD - 4}" y="10" text-anchor="end">${f(y1)}</text><text x="${PAD - 4}" y="${h}" text-anchor="end">${f(y0)}</text><text x="2" y="${h / 2}" transform="rotate(-90 8 ${h / 2})">${escapeXml(o.yLabel)}</text>`;
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(o.label)}">${axes}${diagonal}${mark}${lines}${text}</svg>`;
}
