import { lexFilter } from './filter-lexer';
import { invalidParameter } from './mlflow-error';

/**
 * The shape of one MLflow order_by clause, shared by run and experiment search: an identifier,
 * optionally followed by whitespace and ASC or DESC (any case). Leading or trailing whitespace,
 * operators or extra words make the clause unparseable, as they do for MLflow.
 *
 * Returns the identifier text and the direction. As in MLflow, a clause of one word keeps its
 * raw text (backticks included); a clause of two words is split shell-style, so quotes and
 * backticks around the key are removed.
 */
export function parseOrderByClause(orderBy: string): { identifier: string; ascending: boolean } {
  const unparseable = () => invalidParameter(`Invalid order_by clause '${orderBy}'. Could not be parsed.`);
  if (!hasIdentifierShape(orderBy)) throw unparseable();
  let words: string[];
  try {
    words = shellSplit(orderBy.replace(/`/g, '"'));
  } catch {
    throw unparseable();
  }
  if (words.length > 2) throw unparseable();
  if (words.length === 2) {
    const direction = words[1]!.toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalidParameter(`Invalid ordering key in order_by clause '${orderBy}'.`);
    }
    return { identifier: words[0]!.trim(), ascending: direction === 'asc' };
  }
  return { identifier: orderBy.trim(), ascending: true };
}

/** One identifier chain, then optionally whitespace and one more word: nothing else. */
function hasIdentifierShape(orderBy: string): boolean {
  const lexemes = lexFilter(orderBy);
  let i = 0;
  const isPart = (k: string | undefined) => k === 'name' || k === 'symbol' || k === 'backtick';
  if (!isPart(lexemes[i]?.kind)) return false;
  i++;
  while (lexemes[i]?.kind === 'dot' && isPart(lexemes[i + 1]?.kind)) i += 2;
  if (i === lexemes.length) return true;
  if (lexemes[i]?.kind !== 'ws') return false;
  i++;
  if (lexemes[i]?.kind !== 'name' && lexemes[i]?.kind !== 'symbol') return false;
  return i + 1 === lexemes.length;
}

/** POSIX shell word splitting (Python's shlex.split): quotes group and are removed. */
export function shellSplit(input: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && (input[i + 1] === '"' || input[i + 1] === '\\')) word += input[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= input.length) throw new Error('No escaped character');
      word += input[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error('No closing quotation');
  if (inWord) words.push(word);
  return words;
}
