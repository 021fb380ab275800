/**
 * A binary predictions file for the evaluation bench: id, label (about 30% positive) and a score
 * that tracks the label with noise, six decimals (or, with `fullPrecision`, every digit of the
 * double, as pandas' to_csv writes model output), written in 4 MB chunks. Seeded: the same file
 * on every machine. Slice columns (region, age) are added when asked for.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const REGIONS = ['north', 'south', 'east', 'west', 'central'];

export function generatePredictions(path: string, rows: number, opts: { slices?: boolean; seed?: number; fullPrecision?: boolean } = {}): void {
  let s = (opts.seed ?? 2026) >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const fd = openSync(path, 'w');
  try {
    let chunk = opts.slices ? 'id,label,score,region,age\n' : 'id,label,score\n';
    for (let i = 0; i < rows; i++) {
      const label = rnd() < 0.3 ? 1 : 0;
      const raw = (label ? 0.65 : 0.35) + (rnd() + rnd() - 1) * 0.45;
      const clipped = Math.min(1, Math.max(0, raw));
      const score = opts.fullPrecision ? String(clipped) : clipped.toFixed(6);
      chunk += opts.slices ? `${i + 1},${label},${score},${REGIONS[Math.floor(rnd() * 5)]},${18 + Math.floor(rnd() * 70)}\n` : `${i + 1},${label},${score}\n`;
      if (chunk.length > 4_000_000) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
