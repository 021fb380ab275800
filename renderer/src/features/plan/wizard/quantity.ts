/**
 * Reads the numbers people type for model and data sizes: "7B", "1.4T", "7e9", "7,000,000,000",
 * "300M", "1.5k". Same suffixes as the CLI accepts. Returns null for anything else, so the caller
 * can leave the field empty and let the schema say what is required.
 */
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

export function parseQuantity(raw: string): number | null {
  const s = raw.trim().replace(/[,_\s]/g, '').toLowerCase();
  if (s === '') return null;
  const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)([kmbgt]?)$/.exec(s);
  if (!m) return Number.NaN;
  const n = Number(m[1]) * (m[2] ? (SUFFIX[m[2]] as number) : 1);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** 7e9 -> "7B", 1.4e12 -> "1.4T", 3e5 -> "300k": the inverse, for pre-filling fields. */
export function formatQuantity(n: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(n) >= size) return `${trim(n / size)}${unit}`;
  }
  return trim(n);
}

function trim(x: number): string {
  return String(Number(x.toPrecision(3)));
}
