/**
 * Placeholder spellings of "no value". Shared so the engine (which counts them while streaming)
 * and the checks (which explain them) agree. Compared after trimming and lower-casing.
 * "unknown" and "missing" are left out on purpose: they are often real categories. Words that are
 * placeholders in one column and a category in another ("None" damage) are decided by the column:
 * see placeholderIsCategory.
 * Empty text: the engine decides first whether an empty field is a real null (an empty CSV field
 * is); an empty JSON string "" reaching this function is disguised ("(empty)"), and whitespace-only
 * text always is ("(blank)").
 */
export const DISGUISED_MISSING_TOKENS: readonly string[] = [
  'na',
  'n/a',
  'n.a.',
  'nan',
  'null',
  'none',
  'nil',
  '-',
  '--',
  '?',
  '#n/a',
  'undefined',
  // SAS writes a missing value as a lone dot (penguins' sex column has one among MALE and FEMALE).
  '.',
];

const TOKEN_SET = new Set(DISGUISED_MISSING_TOKENS);

/** The token a raw cell text stands for, or undefined when it is a real value. */
export function disguisedMissingToken(raw: string): string | undefined {
  const t = raw.trim().toLowerCase();
  if (t === '') return raw.length > 0 ? '(blank)' : '(empty)';
  return TOKEN_SET.has(t) ? t : undefined;
}

/**
 * Placeholder words that are also real answers: "None" (no damage, no symptoms), "Nil". Other
 * tokens ("NA", "null", "?") stand for nothing wherever they appear.
 */
export const CATEGORY_WORD_TOKENS: ReadonlySet<string> = new Set(['none', 'nil']);

/**
 * Whether the cells holding one placeholder word are a category of their column rather than
 * missing values: the word can be an answer, the column's other values are categories, and the
 * word is at least as common as an average category (89% "None" in a damage column is the
 * commonest answer, not a gap; three "None" among 1,000 colours are gaps).
 */
export function placeholderIsCategory(token: string, tokenCells: number, valueCells: number, valueDistinct: number, columnType: string): boolean {
  if (!CATEGORY_WORD_TOKENS.has(token)) return false;
  if (columnType !== 'categorical' || valueCells === 0 || valueDistinct === 0) return false;
  return tokenCells >= valueCells / valueDistinct;
}
