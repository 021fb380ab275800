/**
 * The lexer of MLflow's search filter strings. MLflow tokenizes them with sqlparse; this keeps
 * the part of sqlparse's rules that decides what MLflow accepts and how it words its errors:
 * single-quoted strings are values, double-quoted and backtick-quoted words are names, numbers
 * may carry a sign and an exponent, comparison operators are any run of `<>=~!` (so `==` or
 * `~` reach the comparator check and are refused there, as in MLflow), and LIKE / ILIKE
 * (optionally after NOT) are comparison operators too.
 */

export type LexemeKind =
  | 'ws'
  | 'string'
  | 'number'
  | 'name'
  | 'symbol'
  | 'backtick'
  | 'dot'
  | 'cmp'
  | 'keyword'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'semicolon'
  | 'other';

export interface Lexeme {
  kind: LexemeKind;
  text: string;
}

/** Words sqlparse reads as keywords in the positions a filter uses them. */
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE']);
const LIKE_WORDS = new Set(['LIKE', 'ILIKE', 'RLIKE']);

const WS = /\s+/y;
const SINGLE = /'(?:''|\\\\|\\'|[^'])*'/y;
const DOUBLE = /"(?:""|\\\\|\\"|[^"])*"/y;
const BACKTICK = /`(?:``|[^`])*`/y;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const WORD = /[\p{L}_][\p{L}\p{N}_$#]*/uy;
/** After a dot anything word-like is a name, keywords and leading digits included. */
const WORD_AFTER_DOT = /[\p{L}\p{N}_$#]+/uy;
const CMP = /[<>=~!]+/y;
const NOT_LIKE = /NOT\s+(?:I?LIKE|RLIKE)(?![\p{L}\p{N}_$#])/iuy;
const LETTER_OR_UNDERSCORE = /[\p{L}_]/u;

function matchAt(re: RegExp, input: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(input);
  return m ? m[0] : null;
}

export function lexFilter(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    const prev = out[out.length - 1];
    let text: string | null;
    if ((text = matchAt(WS, input, i))) {
      out.push({ kind: 'ws', text });
    } else if (c === "'") {
      text = matchAt(SINGLE, input, i);
      out.push(text ? { kind: 'string', text } : { kind: 'other', text: c });
      text ??= c;
    } else if (c === '"') {
      text = matchAt(DOUBLE, input, i);
      out.push(text ? { kind: 'symbol', text } : { kind: 'other', text: c });
      text ??= c;
    } else if (c === '`') {
      text = matchAt(BACKTICK, input, i);
      out.push(text ? { kind: 'backtick', text } : { kind: 'other', text: c });
      text ??= c;
    } else if (prev?.kind === 'dot' && (text = matchAt(WORD_AFTER_DOT, input, i))) {
      out.push({ kind: 'name', text });
    } else if ((text = numberAt(input, i))) {
      out.push({ kind: 'number', text });
    } else if ((text = matchAt(NOT_LIKE, input, i))) {
      out.push({ kind: 'cmp', text });
    } else if ((text = matchAt(WORD, input, i))) {
      const upper = text.toUpperCase();
      if (LIKE_WORDS.has(upper)) out.push({ kind: 'cmp', text });
      else if (KEYWORDS.has(upper)) out.push({ kind: 'keyword', text });
      else out.push({ kind: 'name', text });
    } else if ((text = matchAt(CMP, input, i))) {
      out.push({ kind: 'cmp', text });
    } else {
      text = c;
      const kinds: Record<string, LexemeKind> = { '.': 'dot', '(': 'lparen', ')': 'rparen', ',': 'comma', ';': 'semicolon' };
      out.push({ kind: kinds[c] ?? 'other', text });
    }
    i += text.length;
  }
  return out;
}

/** A number, unless a letter or underscore touches it on either side (then it is part of a word). */
function numberAt(input: string, i: number): string | null {
  if (i > 0 && LETTER_OR_UNDERSCORE.test(input[i - 1]!)) return null;
  const text = matchAt(NUMBER, input, i);
  if (!text || text === '-') return null;
  const next = input[i + text.length];
  if (next !== undefined && LETTER_OR_UNDERSCORE.test(next)) return null;
  return text;
}

export function isKeyword(l: Lexeme | undefined, word: string): boolean {
  return l?.kind === 'keyword' && l.text.toUpperCase() === word;
}
