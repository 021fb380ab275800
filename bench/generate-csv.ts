/**
 * Deterministic generator of the benchmark CSV: `rows` rows x 12 columns (an integer id, six
 * floats with about 2% missing, three categoricals of 5 / 50 / 1,000 levels, a binary label and a
 * timestamp), about 130 bytes a row, so 5,000,000 rows make ~650 MB. Same seed, same bytes.
 * Usage: tsx bench/generate-csv.ts OUT.csv [rows] [seed] [idOffset]
 */
import { closeSync, openSync, writeSync } from 'node:fs';

function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a ^= a << 13;
    a ^= a >>> 17;
    a ^= a << 5;
    return (a >>> 0) / 4294967296;
  };
}

const REGIONS = ['north', 'south', 'east', 'west', 'central'];

export function generateCsv(path: string, rows: number, seed = 42, idOffset = 0): void {
  const random = rng(seed);
  const fd = openSync(path, 'w');
  const parts: string[] = ['id,f1,f2,f3,f4,f5,f6,region,product,customer,label,ts\n'];
  let pending = 0;
  const start = Date.UTC(2024, 0, 1) + idOffset * 1000;
  const gauss = (): number => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < rows; i++) {
    const f: string[] = [];
    for (let k = 0; k < 6; k++) {
      if (random() < 0.02) f.push('');
      else if (k === 0) f.push((gauss() * 1000 + 5000).toFixed(6));
      else if (k === 1) f.push((Math.exp(gauss()) * 100).toFixed(6));
      else if (k === 2) f.push((random() * 2 - 1).toFixed(9));
      else if (k === 3) f.push(Math.floor(random() * 100000000).toString());
      else f.push((gauss() * 50).toFixed(8));
    }
    const region = REGIONS[Math.floor(random() * random() * 5)]!;
    const product = `product_${Math.floor(random() * 50)}`;
    const customer = `customer_${String(Math.floor(random() * 1000)).padStart(5, '0')}`;
    const label = random() < 0.3 ? '1' : '0';
    const ts = new Date(start + i * 1000).toISOString().slice(0, 19).replace('T', ' ');
    parts.push(`${i + 1 + idOffset},${f.join(',')},${region},${product},${customer},${label},${ts}\n`);
    if (++pending === 20000) {
      writeSync(fd, parts.join(''));
      parts.length = 0;
      pending = 0;
    }
  }
  writeSync(fd, parts.join(''));
  closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, rows, seed, offset] = process.argv.slice(2);
  if (!out) throw new Error('usage: generate-csv.ts OUT.csv [rows] [seed] [idOffset]');
  generateCsv(out, Number(rows ?? 5_000_000), Number(seed ?? 42), Number(offset ?? 0));
}
