import { describe, expect, it } from 'vitest';
import { estimateInference } from '../../../../../shared/budget/inference-estimate';
import { DEFAULT_HARDWARE } from '../../../../../shared/catalog';
import type { Output } from '../../../../../shared/contract';
import { planCurrency } from '../parts/plan-currency';
import { costMeaning, onDevices, plainServingNotes, sensitivityLines, servingHeadline, speedMeaning, writingLine } from './inference-answer';

const hw = (id: string) => {
  const h = DEFAULT_HARDWARE.find((d) => d.id === id);
  if (!h) throw new Error(id);
  return h;
};
// The real estimator, with the backend's additions (the hardware's name, a dated catalog price).
function serve(id: string, extra: Partial<Parameters<typeof estimateInference>[0]> = {}): Output<'estimate.inference'> {
  const h = hw(id);
  const r = estimateInference({ params: 7e9, hardware: h, ...extra });
  return { ...r, hardware: { id: h.id, name: h.name } };
}

describe('serving answer readings', () => {
  it('says the whole answer time and the writing speed in seconds and words', () => {
    // Without overheads a 7B fp16 model on an A100-80GB decodes at most 2039/14 = 146 tokens/s (shared/budget/README.md).
    const r = serve('a100-80gb');
    expect(r.decodeTokensPerSPerSequence).toBeLessThan(146);
    expect(servingHeadline(r)).toMatch(/^About \d+(\.\d+)? seconds per answer on the NVIDIA A100 SXM 80GB$/);
    expect(writingLine(r)).toMatch(/^The first words appear after (0\.\d+ seconds|under 0\.1 seconds); then it writes about \d+ tokens a second \(about \d+ words a second\)\.$/);
    expect(speedMeaning(r, 1)).toBe('For one request at a time.');
    expect(speedMeaning(serve('a100-80gb', { batch: 8 }), 8)).toMatch(/^For each request; [\d,]+ tokens a second for all 8 answered together\.$/);
  });

  it('names the devices a model is split over', () => {
    const r = serve('t4', { params: 70e9, precision: 'int8' });
    expect(r.gpus).toBeGreaterThan(1);
    expect(onDevices(r)).toBe(`${r.gpus} NVIDIA T4 working together`);
    expect(plainServingNotes(r)).toContain(`The model is too big for one NVIDIA T4, so ${r.gpus} of them share it; how fast they talk to each other is not counted, so the real speed may be lower.`);
  });

  it('dates a catalog price, names the owner’s own, and says why there is no cost', () => {
    const catalog = serve('l4', { pricePerHourUsd: { p10: 0.5, p50: 0.8, p90: 1.1 }, priceSource: 'catalog' });
    catalog.assumptions.pricePerHourUsd = { ...catalog.assumptions.pricePerHourUsd!, asOf: '2025-03-03' };
    expect(costMeaning(catalog, '2026-12-05')).toBe('Renting the device while it answers them, kept busy. Priced at catalog prices from 2025-03-03 (21 months old; check the current price).');
    expect(costMeaning(serve('l4', { pricePerHourUsd: 1.2 }), '2026-12-05')).toBe('Renting the device while it answers them, kept busy. At your price of $1.20 an hour.');
    expect(costMeaning(serve('l4'), '2026-12-05')).toBe('The catalog has no rental price for the NVIDIA L4: change the answers and type your price per hour.');
    // In the project's currency: $0.75 an hour at 0.92 is €0.69.
    const eur = planCurrency({ name: 'Shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: null, monthlyCapCents: null });
    expect(costMeaning(serve('l4', { pricePerHourUsd: 0.75 }), '2026-12-05', eur)).toBe('Renting the device while it answers them, kept busy. At your price of €0.69 an hour.');
  });

  it('ranks what moves the answer time in seconds', () => {
    const lines = sensitivityLines(serve('l4'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^The share of the memory speed the device reaches: from its low to its high case the whole answer takes [\d.]+ to [\d.]+ seconds\.$/);
    expect(lines.every((l) => !/takes (\S+) seconds to \1 seconds/.test(l))).toBe(true);
  });

});
