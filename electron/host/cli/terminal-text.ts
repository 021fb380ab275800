/**
 * Text that came from a user or a tracking client (run names, params, tags, notes) never reaches
 * a terminal raw: control characters (ESC, CR, LF, the C1 range) and the invisible bidi and line
 * separators are shown as escapes, so a crafted name cannot move the cursor, recolour the screen
 * or disguise itself.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

export function safeText(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.charCodeAt(0).toString(16)}}`);
}
