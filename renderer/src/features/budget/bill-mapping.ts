import { CsvSyntaxError, parseCsv } from '../../../../shared/catalog/csv';

/**
 * The bill import's column mapping: the header of the chosen CSV and a first guess of which
 * column holds the date, the description, the amount (and, when present, the currency and the
 * category). The backend parses the whole file; the page only needs the header to offer choices.
 */
export type BillField = 'date' | 'description' | 'amount' | 'currency' | 'category';
export type BillMappingDraft = Record<BillField, string>;

const GUESS: Record<BillField, RegExp> = {
  date: /date|day|period|usage.?start|time/i,
  description: /desc|service|item|product|name|memo|detail|sku/i,
  amount: /amount|cost|total|charge|price|usd|eur|gbp|sum/i,
  currency: /^curr|currency|ccy/i,
  category: /categ|kind|type|class/i,
};

/** The header cells of a CSV, or the reason it cannot be read. */
export function billHeader(text: string): { columns: string[] } | { error: string } {
  const firstLines = text.split(/\r?\n/).slice(0, 50).join('\n');
  try {
    const records = parseCsv(firstLines);
    const header = records[0]?.fields ?? [];
    if (header.length === 0 || header.every((h) => h.trim() === '')) return { error: 'The file is empty or has no header line.' };
    return { columns: header.map((h) => h.trim()) };
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { error: e.message };
    throw e;
  }
}

/** The first column whose name fits each field, each column used once (in the order date, amount, description ...). */
export function guessMapping(columns: readonly string[]): BillMappingDraft {
  const used = new Set<string>();
  const pick = (field: BillField) => {
    const c = columns.find((x) => !used.has(x) && GUESS[field].test(x));
    if (c !== undefined) used.add(c);
    return c ?? '';
  };
  const date = pick('date');
  const currency = pick('currency');
  const amount = pick('amount');
  const category = pick('category');
  const description = pick('description');
  return { date, description, amount, currency, category };
}

/** The mapping the contract takes: required fields must be chosen, optional ones only when chosen. */
export function mappingInput(d: BillMappingDraft): { mapping: { date: string; description: string; amount: string; currency?: string; category?: string } } | { missing: BillField[] } {
  const missing = (['date', 'description', 'amount'] as const).filter((f) => d[f] === '');
  if (missing.length > 0) return { missing };
  return { mapping: { date: d.date, description: d.description, amount: d.amount, ...(d.currency ? { currency: d.currency } : {}), ...(d.category ? { category: d.category } : {}) } };
}
