import { describe, expect, it } from 'vitest';
import { neutraliseCell, unneutraliseCell } from './csv-injection';

describe('CSV injection', () => {
  it('prefixes every cell starting with = + - @ tab or CR with a single quote (OWASP)', () => {
    expect(neutraliseCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(['+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutraliseCell)).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['plain', '1.5', '', ' =not first'].map(neutraliseCell)).toEqual(['plain', '1.5', '', ' =not first']);
  });

  it('is reversible, also for a value that starts with a quote', () => {
    for (const v of ["=cmd|' /C calc'!A0", "'=already", "'", "''", 'x', '-0.5', "'plain"]) expect(unneutraliseCell(neutraliseCell(v))).toBe(v);
    expect(unneutraliseCell("'hello")).toBe("'hello");
  });
});
