/**
 * Whatever the data, runChecks returns a well-formed report: no throw, JSON-safe findings (no NaN
 * or Infinity sneaking into details), known ids, shares in [0, 1], and a verdict that matches the
 * worst severity. Small random tables with awkward cells: empty, placeholders, mixed kinds, ties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECK_IDS } from './finding';
import { runOnRows } from './testing/run-on-rows';
import type { Row } from './testing/build-check-input';

const cell = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom('NA', '?', ' ok', 'OK', 'ok.', 'x@y.io', '2024-01-02', 'true'),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 6 }),
);
const row = fc.record({ a: cell, b: fc.constantFrom('yes', 'no', 'maybe', null), c: cell, t: fc.constantFrom('2024-01-01', '2024-06-01', '2025-01-01') });
const table = fc.array(row, { maxLength: 60 });

describe('runChecks on arbitrary small tables', () => {
  it('always returns a well-formed report', () => {
    fc.assert(
      fc.property(table, fc.option(table, { nil: undefined }), fc.boolean(), (rows: Row[], reference: Row[] | undefined, withTarget) => {
        const report = runOnRows(rows, {
          reference,
          ...(withTarget ? { target: 'b', time: 't' } : {}),
          population: { b: { yes: 0.5, no: 0.5 } },
        });
        const roundTrip = JSON.parse(JSON.stringify(report.findings));
        expect(roundTrip).toEqual(report.findings);
        for (const f of report.findings) {
          expect(CHECK_IDS).toContain(f.id);
          expect(f.message.length).toBeGreaterThan(0);
          if (f.share !== undefined) expect(f.share >= 0 && f.share <= 1).toBe(true);
          if (f.count !== undefined) expect(Number.isFinite(f.count)).toBe(true);
        }
        const worst = report.findings.some((f) => f.severity === 'error') ? 'fail' : report.findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
        expect(report.verdict).toBe(worst);
        expect(report.summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
