import { parseMoneyText, parseRateText } from '../../../shared/domain/money-text';
import { CliError } from './io';
import { safeText } from './terminal-text';

/**
 * Money on the command line, read by the app's own parser (shared/domain/money-text.ts), so
 * "--budget 5000", "--budget €5,000" and "--budget '5000 EUR'" mean what they mean in the app.
 * Bad values exit 2 with a message naming the flag.
 */
export function amountFlag(flag: string, raw: string | undefined, currency: string | undefined, opts: { allowNegative?: boolean } = {}): number | null {
  if (raw === undefined) return null;
  const r = parseMoneyText(safeText(raw), { field: `--${flag}`, currency, allowNegative: opts.allowNegative ?? false });
  if (!r.ok) throw new CliError(r.message);
  if (r.cents === null) throw new CliError(`--${flag} needs an amount, like 5000 or €5,000`);
  return r.cents;
}

/** The currency an amount names ("€5,000" -> EUR), if it names one. */
export function currencyNamedIn(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const r = parseMoneyText(raw, { field: 'x', allowNegative: true });
  return r.ok ? r.currency : null;
}

/** An exchange rate flag: a positive number ("0.92"). */
export function rateFlag(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const r = parseRateText(safeText(raw), `--${flag}`);
  if (!r.ok) throw new CliError(r.message);
  if (r.rate === null) throw new CliError(`--${flag} needs a rate, like 0.92`);
  return r.rate;
}
