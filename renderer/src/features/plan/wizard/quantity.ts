import { parseQuantity as parseSharedQuantity } from '../../../../../shared/domain/quantity';

/**
 * Reads the numbers people type for model and data sizes ("7B", "1.4T", "7e9", "7,000,000,000",
 * "300M", "1.5k") with the same rules as the CLI (shared/domain/quantity.ts: a lower-case "m" is
 * refused as ambiguous). Returns null for an empty field, so the schema says what is required,
 * and NaN for anything unreadable. A minus sign is kept, so the contract schema's own message
 * ("must be greater than 0") explains the limit.
 */
export function parseQuantity(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  const negative = text.startsWith('-');
  const r = parseSharedQuantity(negative ? text.slice(1) : text, 'value', { allowZero: true });
  if (!r.ok) return Number.NaN;
  return negative ? -r.value : r.value;
}

/**
 * One typed field read as a quantity: undefined when empty, and when unreadable also undefined
 * with a message on `errors[field]` showing an example of what to type.
 */
export function quantityField<F extends string>(raw: string, field: F, errors: Partial<Record<F, string>>, hint: string): number | undefined {
  const n = parseQuantity(raw);
  if (n === null) return undefined;
  if (Number.isNaN(n)) {
    errors[field] = `Enter a number, like ${hint}`;
    return undefined;
  }
  return n;
}

/** 7e9 -> "7B", 1.4e12 -> "1.4T", 3e5 -> "300k": the inverse, for pre-filling fields. */
export function formatQuantity(n: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(n) >= size) return `${trim(n / size)}${unit}`;
  }
  return trim(n);
}

function trim(x: number): string {
  return String(Number(x.toPrecision(3)));
}
