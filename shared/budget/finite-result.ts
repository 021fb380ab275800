import { AppError } from '../domain/errors';

/** The path of the first number in `value` that is not finite (NaN or ±Infinity), or null. */
export function firstNonFinite(value: unknown): { path: string; value: number } | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path: path || '(result)', value: v };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], path: path ? `${path}.${entries[i]![0]}` : entries[i]![0] });
    }
  }
  return null;
}

/**
 * An estimate whose figures overflow (params 1e300 make FLOPs Infinity) or vanish into NaN (a
 * device of 1e-300 TFLOPS) is refused instead of printed as "$∞" or sent as null where the
 * contract promises a number. The message names the figure and points at the inputs.
 */
export function requireFiniteResult<T>(result: T, what: string): T {
  const bad = firstNonFinite(result);
  if (bad) {
    throw new AppError(
      'INVALID_INPUT',
      `These inputs give ${what} too large or too small to compute: ${bad.path} would be ${String(bad.value)}. Check the sizes and the hardware figures you gave; they are far outside anything a real run has.`,
    );
  }
  return result;
}
