/**
 * MLflow's LIKE is case-sensitive, SQLite's is not (for ASCII), so a LIKE pattern becomes a GLOB
 * pattern: % -> *, _ -> ?, and GLOB's own special characters are bracketed to stay literal.
 * ILIKE compares lower(x) LIKE lower(pattern) with LIKE's wildcards escaped nowhere (MLflow has
 * no escape character either).
 */
export function likeToGlob(pattern: string): string {
  let out = '';
  for (const c of pattern) {
    if (c === '%') out += '*';
    else if (c === '_') out += '?';
    else if (c === '*' || c === '?' || c === '[') out += `[${c}]`;
    else out += c;
  }
  return out;
}

export type TextOp = '=' | '!=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN' | '<' | '<=' | '>' | '>=';

/** SQL for `<expr> op value` on text; pushes the bound values onto `params`. */
export function textComparison(expr: string, op: TextOp, value: string | number | string[], params: unknown[]): string {
  if (op === 'IN' || op === 'NOT IN') {
    const list = Array.isArray(value) ? value : [String(value)];
    params.push(JSON.stringify(list));
    return `${expr} ${op} (SELECT value FROM json_each(?))`;
  }
  const v = String(value);
  if (op === 'LIKE') {
    params.push(likeToGlob(v));
    return `${expr} GLOB ?`;
  }
  if (op === 'ILIKE') {
    params.push(v);
    return `lower(${expr}) LIKE lower(?)`;
  }
  params.push(v);
  return `${expr} ${op} ?`;
}
