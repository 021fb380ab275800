/**
 * Input checks shared by the evaluation functions. The file engine checks files first and names
 * the file line; these checks are the last line of defence and name the row (counting from 1) so
 * a caller can map it back. They throw AppError('INVALID_INPUT').
 */
import { AppError } from '../../domain/errors';

export function invalid(message: string): never {
  throw new AppError('INVALID_INPUT', message);
}

export function checkSameLength(n: number, arrays: Record<string, ArrayLike<number> | null | undefined>): void {
  for (const [name, a] of Object.entries(arrays)) {
    if (a != null && a.length !== n) invalid(`${name} has ${a.length} values but there are ${n} rows.`);
  }
}

export function checkRows(n: number): void {
  if (n === 0) invalid('There are no rows to evaluate.');
}

/** Weights must be finite and non-negative; returns their sum. */
export function checkWeights(weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!(w >= 0) || w === Infinity) invalid(`Weight on row ${i + 1} is ${w}; weights must be finite numbers of 0 or more.`);
    total += w;
  }
  return total;
}

export function checkFinite(values: Float64Array, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) invalid(`${what} on row ${i + 1} is ${v}; it must be a finite number.`);
  }
}

export function checkClassIndices(indices: Int32Array, classCount: number, what: string): void {
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i] as number;
    if (c < 0 || c >= classCount) invalid(`${what} on row ${i + 1} is class index ${c}, outside the ${classCount} known classes.`);
  }
}

/** True when every value lies in [0, 1] (a probability). */
export function allProbabilities(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v >= 0 && v <= 1)) return false;
  }
  return true;
}
