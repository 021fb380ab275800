import { createHash } from 'node:crypto';
import { CsvSyntaxError, parseCsv } from '../../../shared/catalog/csv';
import { LEDGER_CATEGORIES, type LedgerCategory } from '../../../shared/contract/ledger';

/**
 * Reading a bill's CSV into ledger rows with the user's column mapping. Each bad row is reported
 * with its line and field and left out; the good rows go on. Amounts are read from the decimal
 * text exactly (no float) and rounded to whole cents, half away from zero; "(12.50)" and a
 * leading or trailing minus are negative (refunds, credits).
 */
export type Column = string | number;

export interface BillOptions {
  mapping: { date: Column; description: Column; amount: Column; currency?: Column | undefined; category?: Column | undefined };
  hasHeader: boolean;
  dateFormat: 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';
  decimalSeparator: '.' | ',';
  defaultCurrency: string;
  defaultCategory: LedgerCategory;
}

export interface BillLine {
  line: number;
  date: string;
  description: string;
  amountCents: number;
  currency: string;
  category: LedgerCategory;
  /** Stable across imports of the same bill: identical lines are told apart by their occurrence. */
  importKey: string;
}

export interface BillProblem {
  line: number;
  field: string;
  message: string;
}

const MAX_PROBLEMS = 500;

export function parseDate(raw: string, format: BillOptions['dateFormat']): string | null {
  const s = raw.trim();
  let y: string | undefined, m: string | undefined, d: string | undefined;
  if (format === 'YYYY-MM-DD') [, y, m, d] = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(s) ?? [];
  else if (format === 'DD/MM/YYYY') [, d, m, y] = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) ?? [];
  else if (format === 'MM/DD/YYYY') [, m, d, y] = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) ?? [];
  else [, d, m, y] = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s) ?? [];
  if (!y || !m || !d) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : null;
}

/** "1,234.56", "$1,234.56", "(12.00)", "-0.0042", "12.50-" -> cents; null when it is not an amount. */
export function parseAmountCents(raw: string, decimal: '.' | ','): number | null {
  let s = raw.trim().replace(/[\s\u00a0]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^[A-Z]{3}(?=[-+\d$€£¥])|[A-Z]{3}$/u, '').replace(/^([-+]?)[$€£¥]/u, '$1').replace(/[$€£¥]$/u, '');
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const thousands = decimal === '.' ? ',' : '.';
  const re = decimal === '.' ? /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/ : /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?$/;
  const m = re.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = (m[1] ?? '0').split(thousands).join('');
  const frac = m[2] ?? '';
  let cents = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  if (frac.length > 2 && Number(frac[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents) || cents > 1e15) return null;
  return negative && cents !== 0 ? -cents : cents;
}

function normCategory(raw: string): LedgerCategory | null {
  const c = raw.trim().toLowerCase();
  const alias: Record<string, LedgerCategory> = { labeling: 'labelling', label: 'labelling', gpu: 'compute', cloud: 'compute', apis: 'api' };
  if ((LEDGER_CATEGORIES as readonly string[]).includes(c)) return c as LedgerCategory;
  return alias[c] ?? null;
}

function columnIndex(col: Column, header: string[] | null): number | null {
  if (typeof col === 'number') return col - 1;
  if (!header) return null;
  const i = header.findIndex((h) => h.trim().toLowerCase() === col.trim().toLowerCase());
  return i < 0 ? null : i;
}

export interface ParsedBill {
  lines: BillLine[];
  problems: BillProblem[];
  /** Data rows that had at least one problem and were left out. */
  skipped: number;
}

export function parseBill(text: string, o: BillOptions): ParsedBill {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { lines: [], problems: [{ line: e.line, field: '', message: e.message.replace(/^line \d+: /, '') }], skipped: 0 };
    throw e;
  }
  const header = o.hasHeader ? (records.shift()?.fields ?? null) : null;
  const fields = ['date', 'description', 'amount', 'currency', 'category'] as const;
  const idx: Partial<Record<(typeof fields)[number], number>> = {};
  const problems: BillProblem[] = [];
  for (const f of fields) {
    const col = o.mapping[f];
    if (col === undefined) continue;
    const i = columnIndex(col, header);
    if (i === null) problems.push({ line: 1, field: f, message: typeof col === 'number' ? `column ${col} is not in the file` : `no column named "${col}"${header ? ` (the header has: ${header.join(', ')})` : '; the file has no header, so name columns by number'}` });
    else idx[f] = i;
  }
  if (problems.length > 0) return { lines: [], problems, skipped: 0 };

  const lines: BillLine[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const r of records) {
    const cell = (f: (typeof fields)[number]) => (idx[f] === undefined ? '' : (r.fields[idx[f]!] ?? ''));
    const rowProblems: BillProblem[] = [];
    const date = parseDate(cell('date'), o.dateFormat);
    if (!date) rowProblems.push({ line: r.line, field: 'date', message: `"${cell('date').slice(0, 40)}" is not a date like ${o.dateFormat}` });
    const amountCents = parseAmountCents(cell('amount'), o.decimalSeparator);
    if (amountCents === null) rowProblems.push({ line: r.line, field: 'amount', message: `"${cell('amount').slice(0, 40)}" is not an amount` });
    const cur = cell('currency').trim().toUpperCase() || o.defaultCurrency;
    if (!/^[A-Z]{3}$/.test(cur)) rowProblems.push({ line: r.line, field: 'currency', message: `"${cur.slice(0, 20)}" is not a 3-letter currency code` });
    const category = cell('category').trim() === '' ? o.defaultCategory : normCategory(cell('category'));
    if (!category) rowProblems.push({ line: r.line, field: 'category', message: `"${cell('category').slice(0, 40)}" is not one of ${LEDGER_CATEGORIES.join(', ')}` });
    if (rowProblems.length > 0) {
      skipped++;
      problems.push(...rowProblems);
      continue;
    }
    const description = cell('description').trim().slice(0, 2000);
    const identity = `${date}|${amountCents}|${cur}|${description}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    const importKey = `bill:${createHash('sha256').update(`${identity}|${occurrence}`).digest('hex').slice(0, 32)}`;
    lines.push({ line: r.line, date: date!, description, amountCents: amountCents!, currency: cur, category: category!, importKey });
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ line: 0, field: '', message: `and ${more} more problems` });
  }
  return { lines, problems, skipped };
}
