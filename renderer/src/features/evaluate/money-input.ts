/**
 * Amounts the owner types ("5", "1,250.50") as the integer millionths the contract carries, and
 * back. The contract keeps money per mistake and per 1,000 predictions in millionths of a
 * currency unit, so a cent fraction per prediction survives without a float in storage.
 */
export type MoneyParse = { ok: true; micros: number } | { ok: false; message: string };

export function parseMoney(text: string): MoneyParse {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return { ok: false, message: 'Enter an amount' };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(t)) return { ok: false, message: t.startsWith('-') ? 'The amount cannot be negative' : `"${text.trim()}" is not an amount; write it like 12.50` };
  const value = Number(t);
  if (!Number.isFinite(value) || value > 1e9) return { ok: false, message: 'That amount is too large' };
  return { ok: true, micros: Math.round(value * 1e6) };
}

/** Millionths as money: "€5.00", or "$0.0025" when cents would round a real amount to zero. */
export function formatMicros(micros: number | null | undefined, currency: string): string {
  if (micros === null || micros === undefined) return 'n/a';
  const value = micros / 1e6;
  const small = value !== 0 && Math.abs(value) < 0.01;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: small ? 4 : 2, maximumFractionDigits: small ? 6 : 2 }).format(value);
  } catch {
    return `${value.toFixed(small ? 4 : 2)} ${currency}`;
  }
}

/** Millionths as the text an input shows ("5", "0.25"). */
export function microsToInput(micros: number | null | undefined): string {
  if (micros === null || micros === undefined) return '';
  return String(Number((micros / 1e6).toFixed(6)));
}
