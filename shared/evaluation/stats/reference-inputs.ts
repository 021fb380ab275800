/**
 * Deterministic inputs shared by the stats tests and the python that produced their expected
 * values: A(n)[i] = ((37 i) mod 101) / 10 and B(n)[i] = ((53 i + 7) mod 97) / 8 + 1.
 */
export const A = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 10);
export const B = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 53 + 7) % 97) / 8 + 1);
