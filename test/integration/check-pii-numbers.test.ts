/**
 * Payment card numbers stored as numbers (a CSV column without quotes, JSON numbers, a Parquet
 * INT64 column written by hyparquet-writer) raise the pii finding; a column of long order numbers does not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { luhnValid } from '../../shared/quality/pii/checksums';
import { seededRandom } from '../../shared/quality/testing/random';
import { tempDir } from '../support/temp';

/** A Visa-like 16-digit number that passes Luhn (below 2^53, so exact as a double). */
function cardNumber(random: () => number): number {
  const body = `4${Array.from({ length: 14 }, () => Math.floor(random() * 10)).join('')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return Number(`${body}${d}`);
  throw new Error('no check digit');
}

function rows(n: number): Array<{ customer: number; card: number; order_no: number; amount: number }> {
  const random = seededRandom(11);
  return Array.from({ length: n }, (_, i) => ({
    customer: i + 1,
    card: cardNumber(random),
    // Long whole numbers that are not cards: most fail the Luhn test.
    order_no: 4_000_000_000_000_000 + Math.floor(random() * 1e15),
    amount: Math.round(random() * 10_000) / 100,
  }));
}

describe('pii in numeric columns', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('card numbers written as numbers in CSV, JSON Lines and Parquet are payment cards (error); order numbers are not', async () => {
    t = tempDir();
    const data = rows(2000);
    const csv = join(t.dir, 'payments.csv');
    writeFileSync(csv, ['customer,card,order_no,amount', ...data.map((r) => `${r.customer},${r.card},${r.order_no},${r.amount}`)].join('\n'));
    const jsonl = join(t.dir, 'payments.jsonl');
    writeFileSync(jsonl, data.map((r) => JSON.stringify(r)).join('\n'));
    const parquet = join(t.dir, 'payments.parquet');
    parquetWriteFile({
      filename: parquet,
      columnData: [
        { name: 'customer', data: data.map((r) => BigInt(r.customer)), type: 'INT64' },
        { name: 'card', data: data.map((r) => BigInt(r.card)), type: 'INT64' },
        { name: 'order_no', data: data.map((r) => BigInt(r.order_no)), type: 'INT64' },
        { name: 'amount', data: data.map((r) => r.amount), type: 'DOUBLE' },
      ],
    });
    for (const file of [csv, jsonl, parquet]) {
      const { report, profile } = await analyseAndCheck({ file });
      const pii = report.findings.filter((f) => f.id === 'pii');
      expect(pii.map((f) => [f.column, f.details.kind, f.severity]), file).toEqual([['card', 'credit_card', 'error']]);
      expect(pii[0]!.share).toBe(1);
      const card = profile.columns.find((c) => c.name === 'card')!;
      expect(card.type).toBe('integer');
      // Values of a column with personal data are never shown.
      expect(card.redacted).toBe(true);
      expect(card.topValues).toEqual([]);
      expect(JSON.stringify(report)).not.toContain(String(data[0]!.card));
    }
  }, 120_000);
});
