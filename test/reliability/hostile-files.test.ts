import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { detectPii } from '../../shared/quality/pii/detectors';
import { tempDir } from '../support/temp';

/**
 * Files built to make the engine do unbounded work. Each must finish inside the test's timeout
 * with sane figures; the sizes are the ones that took minutes or gigabytes before the fixes.
 */
describe('bounded work on hostile files', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('PII detectors take time linear in the cell length (4x the text, well under 9x the time; quadratic would be ~16x)', () => {
    const hostile = ['a.b-c_d%e+f1', 'ACGT', '1', '1.', 'AB12', 'a@', 'a@b.', '12 ', 'ab:'];
    const best = (s: string) => {
      let t = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        detectPii(s);
        t = Math.min(t, performance.now() - t0);
      }
      return t;
    };
    for (const unit of hostile) {
      const small = best(unit.repeat(Math.ceil(16_384 / unit.length)));
      const large = best(unit.repeat(Math.ceil(65_536 / unit.length)));
      // Below a millisecond the timer's resolution dominates; the ratio only means something above.
      if (large > 1) expect(large / small, unit).toBeLessThan(9);
    }
  });

  it('a 200 KB cell of email-like characters and a 400 KB DNA line are scanned for PII in linear time', async () => {
    t = tempDir();
    const emailish = join(t.dir, 'emailish.csv');
    writeFileSync(emailish, `note,n\n${'a.b-c_d%e+f1'.repeat(17_000)},1\nhello,2\n`);
    const dna = join(t.dir, 'dna.csv');
    writeFileSync(dna, `sequence\n${'ACGT'.repeat(100_000)}\nACGTTGCA\n`);
    for (const file of [emailish, dna]) {
      const { report, profile } = await analyseAndCheck({ file });
      expect(profile.rows).toBe(2);
      expect(report.findings.filter((f) => f.id === 'pii')).toEqual([]);
    }
  }, 30_000);
});
