import { isKeyword, lexFilter, type Lexeme } from './filter-lexer';
import { invalidParameter } from './mlflow-error';

/**
 * The statement level of MLflow's filter grammar, shared by run and experiment search: a filter
 * is comparisons joined by AND, nothing else. Anything that does not form a comparison is
 * refused as a whole ("Invalid clause(s) in filter string: ..."), before any comparison is
 * checked, which is the order MLflow reports problems in.
 */

export type Operand =
  | { kind: 'ident'; text: string }
  | { kind: 'string' | 'number' | 'null'; text: string }
  | { kind: 'paren'; text: string; inner: Lexeme[] };

export interface Comparison {
  left: Operand;
  /** The operator as written (LIKE may be lower case; MLflow upper-cases it before checking). */
  comparator: string;
  /** Absent for IS NULL / IS NOT NULL. */
  right?: Operand;
}

type Item = Operand | { kind: 'cmp' | 'keyword' | 'other'; text: string };

const PART_KINDS = new Set(['name', 'symbol', 'backtick']);

/** Groups lexemes into identifiers (dotted chains of names), parentheses and single tokens. */
function groupItems(lexemes: Lexeme[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < lexemes.length) {
    const l = lexemes[i]!;
    if (l.kind === 'ws') {
      i++;
    } else if (PART_KINDS.has(l.kind)) {
      let text = l.text;
      i++;
      while (lexemes[i]?.kind === 'dot' && PART_KINDS.has(lexemes[i + 1]?.kind ?? '')) {
        text += `.${lexemes[i + 1]!.text}`;
        i += 2;
      }
      items.push({ kind: 'ident', text });
    } else if (l.kind === 'lparen') {
      let depth = 0;
      let j = i;
      for (; j < lexemes.length; j++) {
        if (lexemes[j]!.kind === 'lparen') depth++;
        else if (lexemes[j]!.kind === 'rparen' && --depth === 0) break;
      }
      if (j >= lexemes.length) {
        items.push({ kind: 'other', text: l.text });
        i++;
      } else {
        const inner = lexemes.slice(i + 1, j);
        items.push({ kind: 'paren', text: lexemes.slice(i, j + 1).map((x) => x.text).join(''), inner });
        i = j + 1;
      }
    } else if (l.kind === 'string' || l.kind === 'number') {
      items.push({ kind: l.kind, text: l.text });
      i++;
    } else if (l.kind === 'cmp') {
      items.push({ kind: 'cmp', text: l.text });
      i++;
    } else if (l.kind === 'keyword') {
      items.push(isKeyword(l, 'NULL') ? { kind: 'null', text: l.text } : { kind: 'keyword', text: l.text });
      i++;
    } else {
      items.push({ kind: 'other', text: l.text });
      i++;
    }
  }
  return items;
}

const isOperand = (it: Item | undefined): it is Operand =>
  it !== undefined && (it.kind === 'ident' || it.kind === 'string' || it.kind === 'number' || it.kind === 'paren' || it.kind === 'null');
const isWord = (it: Item | undefined, word: string) => it?.kind === 'keyword' && it.text.toUpperCase() === word;

/** Parses a filter string into its comparisons; refuses what is not "comparison AND ...". */
export function parseComparisons(filter: string): Comparison[] {
  const lexemes = lexFilter(filter);
  const statements = splitStatements(lexemes);
  if (statements.length > 1) {
    throw invalidParameter(`Search filter contained multiple expression ${pyRepr(filter)}. Provide AND-ed expression list.`);
  }
  const items = groupItems(lexemes);
  const comparisons: Comparison[] = [];
  const invalid: string[] = [];
  let i = 0;
  while (i < items.length) {
    const a = items[i]!;
    const b = items[i + 1];
    const c = items[i + 2];
    const d = items[i + 3];
    if (isWord(a, 'AND')) {
      i += 1;
    } else if (isOperand(a) && b?.kind === 'cmp' && isOperand(c)) {
      comparisons.push({ left: a, comparator: b.text, right: c });
      i += 3;
    } else if (a.kind === 'ident' && isWord(b, 'IN') && c?.kind === 'paren') {
      comparisons.push({ left: a, comparator: 'IN', right: c });
      i += 3;
    } else if (a.kind === 'ident' && isWord(b, 'NOT') && isWord(c, 'IN') && d?.kind === 'paren') {
      comparisons.push({ left: a, comparator: 'NOT IN', right: d });
      i += 4;
    } else if (a.kind === 'ident' && isWord(b, 'IS') && c?.kind === 'null') {
      comparisons.push({ left: a, comparator: 'IS NULL' });
      i += 3;
    } else if (a.kind === 'ident' && isWord(b, 'IS') && isWord(c, 'NOT') && d?.kind === 'null') {
      comparisons.push({ left: a, comparator: 'IS NOT NULL' });
      i += 4;
    } else {
      invalid.push(a.text);
      i += 1;
    }
  }
  if (invalid.length > 0) {
    throw invalidParameter(`Invalid clause(s) in filter string: ${invalid.map((t) => `'${t}'`).join(', ')}`);
  }
  return comparisons;
}

/** Statements separated by `;` that hold anything but whitespace. */
function splitStatements(lexemes: Lexeme[]): Lexeme[][] {
  const statements: Lexeme[][] = [[]];
  for (const l of lexemes) {
    statements[statements.length - 1]!.push(l);
    if (l.kind === 'semicolon') statements.push([]);
  }
  return statements.filter((s) => s.some((l) => l.kind !== 'ws' && l.kind !== 'semicolon'));
}

/** Python's repr of a str, as MLflow's messages print it. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** Python's repr of a set of strings, in the order given (Python's own order is arbitrary). */
export function pySet(values: Iterable<string>): string {
  return `{${[...values].map((v) => pyRepr(v)).join(', ')}}`;
}

function isQuoted(value: string, q: string): boolean {
  return value.length >= 2 && value.startsWith(q) && value.endsWith(q);
}

export function trimBackticks(value: string): string {
  return isQuoted(value, '`') ? value.slice(1, -1) : value;
}

/** Removes one pair of surrounding quotes, as MLflow does (no unescaping). */
export function stripQuotes(value: string, expectQuoted = false): string {
  if (isQuoted(value, "'") || isQuoted(value, '"')) return value.slice(1, -1);
  if (expectQuoted) {
    throw invalidParameter(
      `Parameter value is either not quoted or unidentified quote types used for string value ${value}. Use either single or double quotes.`,
    );
  }
  return value;
}

/** The string values of `('a', 'b')`, checked as MLflow checks the list of an IN clause. */
export function parseStringList(paren: Extract<Operand, { kind: 'paren' }>): string[] {
  const inner = paren.inner.filter((l) => l.kind !== 'ws');
  if (inner.length === 0) {
    throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got empty list');
  }
  if (inner.some((l) => l.kind !== 'string' && l.kind !== 'comma')) {
    if (inner.length === 1) {
      throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.');
    }
    throw invalidParameter(
      `While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ${paren.text}`,
    );
  }
  const values: string[] = [];
  let expectValue = true;
  for (const l of inner) {
    if ((l.kind === 'string') !== expectValue) {
      throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.');
    }
    if (l.kind === 'string') values.push(l.text.slice(1, -1).replace(/\\(['\\])/g, '$1'));
    expectValue = !expectValue;
  }
  if (values.length === 0) {
    throw invalidParameter('While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.');
  }
  return values;
}

/** Splits an identifier as MLflow does: at the first dot, entity before it, key after it. */
export function splitIdentifier(text: string): { entity: string | null; key: string } {
  const dot = text.indexOf('.');
  return dot < 0 ? { entity: null, key: text } : { entity: text.slice(0, dot), key: text.slice(dot + 1) };
}
