/**
 * JSON.parse is fast but its messages do not reliably say where the text went wrong. When it
 * fails, this small validator walks the same text to find the first offending character and what
 * was expected there, for a precise "line N, column C: expected ..." message.
 */
export interface JsonProblem {
  /** Offset in the text of the offending character (text.length when it ended too early). */
  at: number;
  expected: string;
}

export function locateJsonError(text: string): JsonProblem {
  let i = 0;
  const fail = (expected: string): never => {
    throw { at: i, expected } satisfies JsonProblem;
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`the literal ${word}`);
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a closing " for the string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('no raw control character inside a string (escape it, e.g. \\n)');
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('four hex digits after \\u');
            }
          }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      } else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('a number');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("',' or '}' after a property value");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("',' or ']' after an array element");
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail('a value (object, array, string, number, true, false or null)');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the value');
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'at' in e) return e as JsonProblem;
    throw e;
  }
  return { at: text.length, expected: 'valid JSON' };
}

/** Line and column (1-based) of `at` in `text`, given the line/column where the text starts. */
export function positionIn(text: string, at: number, line: number, column: number): { line: number; column: number } {
  for (let k = 0; k < at && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

export function describeJsonChar(text: string, at: number): string {
  if (at >= text.length) return 'the end of the input';
  const c = text[at]!;
  return c === '\n' ? 'a line break' : `'${c}'`;
}
