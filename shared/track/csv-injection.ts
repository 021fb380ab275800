/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @,
 * a tab or a carriage return as a formula. Exports prefix such cells with a single quote, so the
 * spreadsheet shows them as text. A cell that already starts with a quote gets one more, which
 * makes the change reversible: `unneutraliseCell` gives back exactly what was exported.
 */
const FORMULA_START = /^[=+\-@\t\r']/;
const NEUTRALISED = /^'[=+\-@\t\r']/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unneutraliseCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
