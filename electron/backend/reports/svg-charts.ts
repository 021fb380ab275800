/**
 * Tiny inline SVG charts for the HTML report: no script, no external reference, a few hundred
 * bytes each. Colours come from the report's CSS classes so light and dark prints both work.
 */
import { escapeXml } from './escape';

const W = 260;
const H = 70;

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(2);
  return Number(x.toFixed(a >= 100 ? 0 : 2)).toLocaleString('en-US');
}

/** Bars of a histogram (edges.length === counts.length + 1), with the range written under it. */
export function histogramSvg(h: { edges: number[]; counts: number[] }, label: string, asDate = false): string {
  const n = h.counts.length;
  if (n === 0) return '';
  const max = Math.max(1, ...h.counts);
  const bw = W / n;
  const bars = h.counts
    .map((c, i) => {
      const bh = c === 0 ? 0 : Math.max(1, (c / max) * (H - 2));
      return `<rect x="${(i * bw + 0.5).toFixed(1)}" y="${(H - bh).toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${bh.toFixed(1)}"/>`;
    })
    .join('');
  const show = (x: number) => (asDate ? new Date(x).toISOString().slice(0, 10) : fmt(x));
  const lo = show(h.edges[0]!);
  const hi = show(h.edges[n]!);
  return `<svg class="chart" viewBox="0 0 ${W} ${H + 14}" width="${W}" height="${H + 14}" role="img" aria-label="${escapeXml(label)}"><g class="bars">${bars}</g><text x="0" y="${H + 12}">${escapeXml(lo)}</text><text x="${W}" y="${H + 12}" text-anchor="end">${escapeXml(hi)}</text></svg>`;
}

/** Horizontal bars for top values (value text already redacted where needed). */
export function topValuesSvg(values: Array<{ value: string; count: number }>, total: number, label: string): string {
  const rows = values.slice(0, 8);
  if (rows.length === 0 || total <= 0) return '';
  const rh = 16;
  const labelW = 110;
  // Bars scale to the most frequent value so small differences stay visible; the label gives the share.
  const top = Math.max(...rows.map((v) => v.count));
  const body = rows
    .map((v, i) => {
      const share = v.count / total;
      const text = v.value.length > 18 ? `${v.value.slice(0, 17)}…` : v.value;
      const y = i * rh;
      return `<text x="0" y="${y + 12}">${escapeXml(text === '' ? '(empty)' : text)}</text><rect x="${labelW}" y="${y + 3}" width="${Math.max(1, (v.count / top) * (W - labelW - 48)).toFixed(1)}" height="${rh - 6}"/><text x="${W}" y="${y + 12}" text-anchor="end">${(share * 100).toFixed(1)}%</text>`;
    })
    .join('');
  return `<svg class="chart bars-h" viewBox="0 0 ${W} ${rows.length * rh}" width="${W}" height="${rows.length * rh}" role="img" aria-label="${escapeXml(label)}">${body}</svg>`;
}
