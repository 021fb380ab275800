/**
 * Amounts as people type them, into integer cents: "300", "300 EUR", "EUR 300", "€300", "300 €",
 * "£1,200.50", "1.200,50 €", "CHF 1'200", "-€20". The one parser for every money field (project
 * budget and cap, a plan's monthly budget, ledger amounts, the CLI's --budget); each message
 * names the field it is about.
 *
 * Separators: a money amount has at most two decimals, so a ',' or '.' followed by exactly three
 * digits groups thousands ("1,200" and "1.200" are both 1200), while one followed by one or two
 * digits is the decimal mark ("300,5" is 300.50). With both marks, the last is the decimal mark.
 * Spaces, "'" and "_" group thousands too; Indian grouping ("1,00,000") is read as written. More than two decimals is refused rather than rounded.
 */
export interface MoneyTextOptions {
  /** How the field is named in a message: "The monthly budget", "--budget". */
  field: string;
  /**
   * The currency the amount is in (the project's). An amount written in another currency is
   * refused naming both; a bare "$" or "¥" is read as this currency when it uses that sign.
   */
  currency?: string | undefined;
  /** Whose currency `currency` is, for the message: default "this project counts in EUR". */
  currencyOwner?: (currency: string) => string;
  /** Refunds and credits in the ledger; budgets cannot be negative. */
  allowNegative?: boolean;
  /** Budgets: zero is refused ("more than zero"). */
  positive?: boolean;
}

export type MoneyTextResult =
  /** cents is null for an empty field (the caller decides whether it is required). */
  | { ok: true; cents: number | null; currency: string | null }
  | { ok: false; message: string };

/** The largest amount any money field holds (the contract's limit). */
export const MAX_CENTS = 1e15;

/** Signs written before or after the number; longer signs first so "US$" wins over "$". */
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['R$', 'BRL'],
  ['CN¥', 'CNY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['zł', 'PLN'],
  ['$', 'USD'],
  ['¥', 'JPY'],
];

/** Currencies written with a bare "$" or "¥": in such a project the sign means its own currency. */
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN']);
const YEN_CURRENCIES = new Set(['JPY', 'CNY']);

const SYMBOL_OF: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

/**
 * "300, €300 or 300 EUR": how to write an amount in `currency`, for messages; `sample` and
 * `after` shape it for a price per unit ("0.30, €0.30 or 0.30 EUR per kWh").
 */
export function amountExamples(currency: string | undefined, sample = '300', after = ''): string {
  if (!currency) return `${sample}, $${sample} or ${sample} EUR${after}`;
  const sign = SYMBOL_OF[currency];
  return sign ? `${sample}, ${sign}${sample} or ${sample} ${currency}${after}` : `${sample} or ${sample} ${currency}${after}`;
}

function signCurrency(sign: string, expected: string | undefined): string {
  const code = SIGNS.find(([s]) => s === sign)?.[1] as string;
  if (sign === '$' && expected && DOLLAR_CURRENCIES.has(expected)) return expected;
  if (sign === '¥' && expected && YEN_CURRENCIES.has(expected)) return expected;
  return code;
}

interface Split {
  rest: string;
  currency: string | null;
  error?: string;
}

/** Takes the currency (code or sign) off either end of the text. */
function takeCurrency(text: string, expected: string | undefined): Split {
  let rest = text;
  const found: string[] = [];
  for (let pass = 0; pass < 2; pass += 1) {
    const code = /^([A-Za-z]{3})(?![A-Za-z])\s*|\s*(?<![A-Za-z])([A-Za-z]{3})$/.exec(rest);
    if (code) {
      found.push((code[1] ?? code[2] ?? '').toUpperCase());
      rest = code.index === 0 ? rest.slice(code[0].length) : rest.slice(0, code.index);
      continue;
    }
    const sign = SIGNS.find(([s]) => rest.startsWith(s) || rest.endsWith(s) || rest.startsWith(`-${s}`) || rest.startsWith(`−${s}`));
    if (!sign) break;
    const [s] = sign;
    found.push(signCurrency(s, expected));
    if (rest.endsWith(s)) rest = rest.slice(0, -s.length);
    else if (rest.startsWith(s)) rest = rest.slice(s.length);
    else rest = rest[0] + rest.slice(1 + s.length);
    rest = rest.trim();
  }
  const distinct = [...new Set(found)];
  if (distinct.length > 1) return { rest, currency: null, error: `names two currencies (${distinct.join(' and ')})` };
  return { rest: rest.trim(), currency: distinct[0] ?? null };
}

/** Thousands ("1,234,567") or the Indian lakh and crore grouping ("12,34,567"). */
function validGroups(groups: readonly string[]): boolean {
  const [first = '', ...others] = groups;
  const last = others[others.length - 1] ?? '';
  const middle = others.slice(0, -1);
  if (!/^\d{1,3}$/.test(first) || !/^\d{3}$/.test(last)) return false;
  return middle.every((g) => /^\d{3}$/.test(g)) || middle.every((g) => /^\d{2}$/.test(g));
}

/**
 * "1.200,50" -> whole "1200", fraction "50"; null when the separators do not make a number.
 * `singleMarkIsDecimal`: one lone ',' or '.' is always the decimal mark (unit prices are small:
 * "0.285" and "2,495" per kWh or per hour are never thousands).
 */
function digitsOf(text: string, singleMarkIsDecimal = false): { whole: string; fraction: string } | null {
  const t = text.replace(/[\s'’_]/g, '');
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  let decimal: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimal = lastComma > lastDot ? ',' : '.';
  else {
    const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
    if (mark !== null) {
      const parts = t.split(mark);
      const grouping = parts.length > 2 || (!singleMarkIsDecimal && parts[1]?.length === 3 && /^[1-9]\d{0,2}$/.test(parts[0] ?? ''));
      decimal = grouping ? null : mark;
    }
  }
  const group = decimal === ',' ? '.' : decimal === '.' ? ',' : t.includes(',') ? ',' : '.';
  const [intPart = '', fraction = '', ...extra] = decimal === null ? [t] : t.split(decimal);
  if (extra.length > 0) return null;
  const groups = intPart.split(group);
  if (groups.length > 1 && !validGroups(groups)) return null;
  const whole = groups.join('');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') return null;
  return { whole: whole === '' ? '0' : whole, fraction };
}

/** ISO 4217 codes as the runtime's Intl knows them; any three letters where it cannot say. */
function isCurrencyCode(code: string): boolean {
  const supported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf;
  return typeof supported !== 'function' || supported('currency').includes(code);
}

/**
 * A typed amount taken apart (digits, sign, currency) with every check that does not depend on
 * how many decimals the field allows: shared by money amounts here and unit prices
 * (price-text.ts). The fraction comes without trailing zeros.
 */
export type AmountParts =
  | { ok: true; empty: true; currency: string | null }
  | { ok: true; empty: false; whole: string; fraction: string; negative: boolean; currency: string | null }
  | { ok: false; message: string };

export interface AmountPartsOptions extends MoneyTextOptions {
  /** How a valid entry looks, for the "must be an amount like ..." message; default amountExamples. */
  examples?: string;
  singleMarkIsDecimal?: boolean;
}

export function readAmountParts(text: string, opts: AmountPartsOptions): AmountParts {
  const shown = text.trim();
  const fail = (why: string): AmountParts => ({ ok: false, message: `${opts.field} ${why}` });
  if (shown === '') return { ok: true, empty: true, currency: opts.currency ?? null };
  const notAmount = () => fail(`must be an amount like ${opts.examples ?? amountExamples(opts.currency)} (got "${shown.slice(0, 40)}")`);
  const split = takeCurrency(shown, opts.currency);
  if (!/\d/.test(split.rest)) return notAmount();
  if (split.error) return fail(split.error);
  if (split.currency !== null && !isCurrencyCode(split.currency)) return fail(`names "${split.currency}", which is not a currency code; use one such as EUR, USD or GBP`);
  let rest = split.rest;
  let negative = false;
  if (/^[-−]/.test(rest)) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  const currency = split.currency ?? opts.currency ?? null;
  if (opts.currency && split.currency && split.currency !== opts.currency) {
    const owner = opts.currencyOwner?.(opts.currency) ?? `this project counts in ${opts.currency}`;
    return fail(`is written in ${split.currency}, but ${owner}; write it in ${opts.currency}, like ${opts.examples ?? amountExamples(opts.currency)}`);
  }
  const digits = digitsOf(rest, opts.singleMarkIsDecimal);
  if (!digits) return notAmount();
  return { ok: true, empty: false, whole: digits.whole, fraction: digits.fraction.replace(/0+$/, ''), negative, currency };
}

/** Parses an amount the owner typed; see the file comment for what is accepted. */
export function parseMoneyText(text: string, opts: MoneyTextOptions): MoneyTextResult {
  const parts = readAmountParts(text, opts);
  if (!parts.ok) return parts;
  if (parts.empty) return { ok: true, cents: null, currency: parts.currency };
  const fail = (why: string): MoneyTextResult => ({ ok: false, message: `${opts.field} ${why}` });
  if (parts.fraction.length > 2) return fail(`has more than two decimals ("${text.trim().slice(0, 40)}"); amounts are kept in whole cents`);
  const cents = Number(parts.whole) * 100 + Number(parts.fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return fail('is too large');
  if (parts.negative && cents !== 0 && !opts.allowNegative) return fail('cannot be negative');
  if (opts.positive && cents === 0) return fail('must be more than zero');
  return { ok: true, cents: parts.negative && cents !== 0 ? -cents : cents, currency: parts.currency };
}

/**
 * An exchange rate as typed ("0.92", "0,92", "1.0834"): a positive number, at most 1e9. The
 * message names the field.
 */
export function parseRateText(text: string, field: string): { ok: true; rate: number | null } | { ok: false; message: string } {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: true, rate: null };
  if (!/^\d*\.?\d+$/.test(t)) return { ok: false, message: `${field} must be a number like 0.92 (got "${text.trim().slice(0, 40)}")` };
  const rate = Number(t);
  if (!(rate > 0)) return { ok: false, message: `${field} must be more than zero` };
  if (rate > 1e9) return { ok: false, message: `${field} is too large` };
  return { ok: true, rate };
}
