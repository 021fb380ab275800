import { useEffect, useState } from 'react';

/** Colours for charts, read from the CSS variables so charts follow the light/dark theme. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  danger: string;
  warn: string;
  ok: string;
  panel: string;
  /** A categorical palette that reads in both themes. */
  series: string[];
}

const SERIES = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];

function read(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1a1d23'),
    muted: v('--muted', '#575e6a'),
    grid: v('--border', '#dde1e7'),
    accent: v('--accent', '#2757d6'),
    danger: v('--danger', '#a8291f'),
    warn: v('--warn', '#8a5000'),
    ok: v('--ok', '#17663f'),
    panel: v('--panel', '#ffffff'),
    series: SERIES,
  };
}

/** nivo theme object built from the current colours. */
export function nivoTheme(c: ChartColors) {
  return {
    background: 'transparent',
    text: { fill: c.text, fontSize: 12 },
    axis: {
      domain: { line: { stroke: c.grid, strokeWidth: 1 } },
      ticks: { line: { stroke: c.grid, strokeWidth: 1 }, text: { fill: c.muted, fontSize: 11 } },
      legend: { text: { fill: c.text, fontSize: 12, fontWeight: 600 } },
    },
    grid: { line: { stroke: c.grid, strokeWidth: 1, strokeDasharray: '2 4' } },
    legends: { text: { fill: c.text, fontSize: 12 } },
    tooltip: { container: { background: c.panel, color: c.text, fontSize: 12, borderRadius: 6, boxShadow: '0 2px 8px rgba(0,0,0,0.25)' } },
    labels: { text: { fill: c.text, fontSize: 11 } },
  };
}

/** The chart colours, updated when the OS switches between light and dark. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState<ChartColors>(read);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return colors;
}
