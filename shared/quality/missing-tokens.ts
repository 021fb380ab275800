/**
 * Placeholder spellings of "no value". Shared so the engine (which counts them while streaming)
 * and the checks (which explain them) agree. Compared after trimming and lower-casing.
 * "unknown" and "missing" are left out on purpose: they are often real categories.
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
];

const TOKEN_SET = new Set(DISGUISED_MISSING_TOKENS);

/** The token a raw cell text stands for, or undefined when it is a real value. */
export function disguisedMissingToken(raw: string): string | undefined {
  const t = raw.trim().toLowerCase();
  if (t === '') return raw.length > 0 ? '(blank)' : '(empty)';
  return TOKEN_SET.has(t) ? t : undefined;
}
