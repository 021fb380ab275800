/**
 * Reads a quantity the way people write one on a command line or in a form: `7e9`,
 * `7000000000`, `7_000_000_000`, `7,000,000,000`, `7B`, `1.4T`, `350M`, `12k`. Pure.
 *
 * Suffixes are powers of 1000 (k/K 1e3, M 1e6, B/G 1e9, T 1e12, P 1e15): parameter and token
 * counts are quoted that way ("7B model", "1.4T tokens"). A lower-case `m` is refused rather than
 * guessed (milli or mega?). Commas must group thousands (`1,5` is refused: in much of Europe it
 * means 1.5). Negative, NaN, Infinity, empty and anything else come back as a message that names
 * the field, e.g. `--params must not be negative (got "-7B")`.
 */
export type QuantityResult = { ok: true; value: number } | { ok: false; message: string };

export interface QuantityOptions {
  /** Accept 0 (default false: most quantities, like a parameter count, must be positive). */
  allowZero?: boolean;
  /** Require a whole number (GPU counts, batch sizes). */
  integer?: boolean;
}

// Powers of ten, so `1.4T` is read as the decimal 1.4e12 exactly (not 1.4 * 1e12 in floating point).
const SUFFIX_EXPONENT: Record<string, number> = { k: 3, K: 3, M: 6, B: 9, G: 9, T: 12, P: 15 };
// Mantissa: plain digits (optionally `_`-grouped) or comma-grouped thousands; then decimals and exponent.
const SHAPE = /^(?<mantissa>(?:\d+(?:_\d+)*|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|\.\d+)(?<exp>[eE][+-]?\d+)?(?<suffix>[kKMBGTP])?$/;

export function parseQuantity(raw: string | undefined | null, name: string, options: QuantityOptions = {}): QuantityResult {
  const fail = (why: string): QuantityResult => ({ ok: false, message: `${name} ${why} (got ${JSON.stringify(raw ?? '')})` });
  if (raw === undefined || raw === null || raw.trim() === '') return { ok: false, message: `${name} needs a value, e.g. 7e9, 7B or 1.4T` };
  const text = raw.trim();
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return fail('must be a finite number');
  if (text.startsWith('-')) return fail('must not be negative');
  const unsigned = text.startsWith('+') ? text.slice(1) : text;
  if (/^\d[\d_.,]*(e[+-]?\d+)?m$/.test(unsigned)) return fail('uses "m": write M for million (1e6)');
  const m = SHAPE.exec(unsigned);
  if (!m?.groups) return fail('must be a number like 7e9, 7000000000, 7B or 1.4T');
  if (m.groups.exp && m.groups.suffix) return fail('uses both an exponent and a suffix; write one of them');
  const exponent = m.groups.suffix ? `e${SUFFIX_EXPONENT[m.groups.suffix] as number}` : (m.groups.exp ?? '');
  const value = Number(`${(m.groups.mantissa as string).replace(/[_,]/g, '')}${exponent}`);
  if (!Number.isFinite(value)) return fail('is too large');
  if (value === 0 && !options.allowZero) return fail('must be greater than 0');
  if (options.integer && !Number.isInteger(value)) return fail('must be a whole number');
  if (options.integer && !Number.isSafeInteger(value)) return fail('is too large');
  return { ok: true, value };
}
