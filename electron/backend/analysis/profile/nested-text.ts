/**
 * The text of a nested JSON/Parquet cell (an object or a list), as its profile and hashes see it.
 * JSON.stringify recurses: a value nested a few thousand levels deep overflows the stack (a
 * hostile JSON Lines file made the whole analysis fail). Such a value becomes one fixed token,
 * shown as a value of its column, instead of ending the read.
 */
export const TOO_DEEP = '(a value nested too deeply to read)';

const bigintAsText = (_k: string, x: unknown): unknown => (typeof x === 'bigint' ? x.toString() : x);

export function nestedText(v: object): string {
  try {
    return JSON.stringify(v, bigintAsText);
  } catch (e) {
    if (e instanceof RangeError) return TOO_DEEP;
    throw e;
  }
}
