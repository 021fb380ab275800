import { describe, expect, it } from 'vitest';
import { estimateInferenceMemory } from '../../../../../shared/budget/inference-memory';
import { estimateTrainingMemory } from '../../../../../shared/budget/training-memory';
import { DEFAULT_HARDWARE } from '../../../../../shared/catalog';
import { deviceGroups, deviceVerdict, memoryParts, plainNotes, purposeText, smallestAlone } from './memory-answer';
import type { DeviceFacts } from '../parts/device-groups';

// The real estimator on the built-in catalog: the readings are checked against its own answers.
const device = (id: string): DeviceFacts => {
  const d = DEFAULT_HARDWARE.find((h) => h.id === id);
  if (!d) throw new Error(id);
  return { id: d.id, name: d.name, kind: d.kind, memoryGb: d.memoryGb };
};
const devices = DEFAULT_HARDWARE.map((d) => device(d.id));
// 7B at 16-bit: 14 GB of weights + 20% working space = 16.8 GB (shared/budget/README.md, Memory).
const run7b = estimateInferenceMemory({ params: 7e9 }, DEFAULT_HARDWARE);
const run7bInt4 = estimateInferenceMemory({ params: 7e9, precision: 'int4' }, DEFAULT_HARDWARE);
// ZeRO paper's 7.5B example: 120 GB of model states on one GPU, sharded over as many as it takes.
const train = estimateTrainingMemory({ params: 7.5e9, zeroStage: 3 }, DEFAULT_HARDWARE);

describe('memory answer readings', () => {
  it('says yes with what is left over, or how many working together, or no', () => {
    expect(run7b.totalGb).toBeCloseTo(16.8, 6);
    expect(deviceVerdict(run7b, device('rtx-4090'), 'inference')).toEqual({
      kind: 'fits',
      headline: 'Yes, it fits on the NVIDIA GeForce RTX 4090',
      text: 'The NVIDIA GeForce RTX 4090 has 24 GB; this needs about 17 GB, so about 7.2 GB is left over.',
    });
    expect(deviceVerdict(run7b, device('t4'), 'inference')).toMatchObject({ kind: 'several', headline: 'Not on one NVIDIA T4: it takes 2' });
    expect(deviceVerdict(run7b, device('apple-a17-pro'), 'inference')).toEqual({
      kind: 'no',
      headline: 'No, it does not fit on the Apple A17 Pro (phone)',
      text: 'The Apple A17 Pro (phone) has 8 GB; this needs about 17 GB.',
    });
    expect(deviceVerdict(run7bInt4, device('apple-a17-pro'), 'inference').kind).toBe('fits');
    expect(deviceVerdict(train, device('a100-80gb'), 'training').headline).toBe('Not on one NVIDIA A100 SXM 80GB: it takes 2');
  });

  it('warns when training leaves less than a tenth spare', () => {
    const tight = estimateTrainingMemory({ params: 4.7e9 }, DEFAULT_HARDWARE);
    expect(tight.totalGb).toBeCloseTo(75.2, 6);
    expect(deviceVerdict(tight, device('a100-80gb'), 'training').text).toMatch(/That is tight/);
    expect(deviceVerdict(tight, device('h200'), 'training').text).not.toMatch(/tight/);
  });

  it('groups the devices that hold it the way a person shops for them', () => {
    const groups = deviceGroups(run7bInt4.fits, devices);
    expect(groups.map((g) => g.title)).toEqual(['Laptops and desktop computers', 'Graphics cards you can buy', 'Data-centre GPUs (usually rented)', 'Small boards and phones']);
    expect(groups.flatMap((g) => g.rows).length).toBe(run7bInt4.fits.length);
    expect(groups[3]?.rows.map((r) => r.id)).toContain('apple-a17-pro');
    expect(smallestAlone(run7b.fits)).toMatchObject({ memoryGb: 24, count: 1 });
    expect(smallestAlone(estimateInferenceMemory({ params: 405e9 }, DEFAULT_HARDWARE).fits)).toBeNull();
  });

  it('lists what takes the memory, largest first, in words', () => {
    expect(memoryParts(run7b.breakdown).map((p) => [p.label, Number(p.gb.toFixed(2))])).toEqual([
      ['The model itself', 14],
      ['Working space', 2.8],
    ]);
    expect(memoryParts(train.breakdown).map((p) => p.label)).toEqual(['Training bookkeeping', 'The model itself', 'Corrections being learned']);
  });

  it('puts the estimator’s notes in the page’s words', () => {
    expect(plainNotes(run7b.notes)).toEqual([
      'The memory for the text in view is not counted for a size you type: pick one of the listed models to count it.',
      'Laptops, phones and small boards cannot share a model with a second one, so they are listed only when one holds it alone (6 devices of that kind cannot).',
    ]);
    expect(plainNotes(['Something new.'])).toEqual(['Something new.']);
    expect(purposeText({ params: 1, mode: 'training', lora: { rank: 16, qlora: true } })).toBe('fine-tune it on a budget (a small add-on over a 4-bit copy)');
  });
});
