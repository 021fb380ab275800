import type { Input, Output } from '../../../../../shared/contract';
import { countOf } from '../../../../../shared/domain/plain-words';
import { gb } from '../parts/answer-format';
import { devicesByGroup, type DeviceFacts } from '../parts/device-groups';

/**
 * Plain-language readings of a memory estimate, pure and tested: the answer page only lays them
 * out. Every figure comes from `estimate.memory`; the device facts (kind, memory) from the catalog.
 */
type MemoryEstimate = Output<'estimate.memory'>;
type MemoryInput = Input<'estimate.memory'>;

/** What the page says the memory is for, after "to": "run it", "fine-tune it on a budget". */
export function purposeText(input: MemoryInput): string {
  if (input.mode === 'inference') return 'run it';
  if (input.lora?.qlora) return 'fine-tune it on a budget (a small add-on over a 4-bit copy)';
  if (input.lora) return 'fine-tune it (a small add-on over the full model)';
  return 'train every weight';
}

export interface Verdict {
  /** fits: one device holds it; several: only two or more together; no: not at all. */
  kind: 'fits' | 'several' | 'no';
  headline: string;
  text: string;
}

/**
 * Whether the model fits the owner's device: on one, on several working together, or not at all.
 * Training leaves about a tenth of the memory for the driver and fragmentation (the estimator's
 * own note); inference already counts its working space.
 */
export function deviceVerdict(mem: MemoryEstimate, device: DeviceFacts, mode: MemoryInput['mode']): Verdict {
  const need = mem.totalGb;
  const has = `The ${device.name} has ${device.memoryGb} GB`;
  if (need <= device.memoryGb) {
    const spare = device.memoryGb - need;
    const tight = mode === 'training' && spare < device.memoryGb * 0.1;
    return {
      kind: 'fits',
      headline: `Yes, it fits on the ${device.name}`,
      text: `${has}; this needs about ${gb(need)}, so about ${gb(spare)} is left over.${tight ? ' That is tight: the graphics driver and memory fragmentation take about a tenth, so it may still fail to start.' : ''}`,
    };
  }
  const together = mem.fits.find((f) => f.hardware === device.id);
  if (together) {
    return {
      kind: 'several',
      headline: `Not on one ${device.name}: it takes ${together.count}`,
      text: `${has}; this needs about ${gb(need)} on a single one. ${together.count} of them working together, each holding a share, would do.`,
    };
  }
  return {
    kind: 'no',
    headline: `No, it does not fit on the ${device.name}`,
    text: `${has}; this needs about ${gb(need)}.${mode === 'inference' ? '' : ' Even several of them together would not hold it.'}`,
  };
}

export interface DeviceGroup {
  title: string;
  rows: Array<{ id: string; name: string; memoryGb: number; count: number }>;
}

/** The catalog devices that hold it, by the kind of device a person would look for, fewest first. */
export function deviceGroups(fits: MemoryEstimate['fits'], devices: readonly DeviceFacts[]): DeviceGroup[] {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const held = fits.flatMap((f) => {
    const d = byId.get(f.hardware);
    return d ? [{ ...d, count: f.count }] : [];
  });
  return devicesByGroup(held).map((g) => ({ title: g.title, rows: g.devices.map(({ id, name, memoryGb, count }) => ({ id, name, memoryGb, count })) }));
}

/** The smallest device that holds it alone, if any (fits are sorted fewest, then smallest, first). */
export function smallestAlone(fits: MemoryEstimate['fits']): MemoryEstimate['fits'][number] | null {
  return fits.find((f) => f.count === 1) ?? null;
}

const PARTS: ReadonlyArray<{ key: keyof MemoryEstimate['breakdown']; label: string; meaning: string; technical: string }> = [
  { key: 'weightsGb', label: 'The model itself', meaning: 'Its parameters, at the chosen compression.', technical: 'weights' },
  { key: 'kvCacheGb', label: 'The text in view', meaning: 'What it keeps of the conversation so far; grows with the text.', technical: 'KV cache' },
  { key: 'overheadGb', label: 'Working space', meaning: 'Buffers the software needs while it runs.', technical: 'runtime overhead (20% of the weights)' },
  { key: 'gradientsGb', label: 'Corrections being learned', meaning: 'One for every parameter that learns.', technical: 'gradients' },
  { key: 'optimizerGb', label: 'Training bookkeeping', meaning: 'Running averages and a full-precision copy kept for every parameter that learns.', technical: 'optimizer states (Adam, FP32 master weights)' },
  { key: 'activationsGb', label: 'Intermediate results', meaning: 'Kept from reading the text to learn from it; grow with the text length.', technical: 'activations' },
];

/** What takes the memory, largest first; parts that take none are left out. */
export function memoryParts(breakdown: MemoryEstimate['breakdown']): Array<{ label: string; meaning: string; technical: string; gb: number }> {
  return PARTS.map((p) => ({ label: p.label, meaning: p.meaning, technical: p.technical, gb: breakdown[p.key] }))
    .filter((p) => p.gb > 0)
    .sort((a, b) => b.gb - a.gb);
}

/**
 * The estimator's notes in the page's words. The estimator writes for the CLI ("give layers,
 * kv-heads and head-dim"); on screen the owner can only pick a listed model instead.
 */
export function plainNotes(notes: readonly string[]): string[] {
  return notes.map((n) => {
    if (/^Not counted: CUDA context/.test(n)) return 'Leave about a tenth of the memory spare: the graphics driver and memory fragmentation take some too.';
    if (/^Activations not counted/.test(n)) return 'The intermediate results of training (they grow with the text length) are not counted for a size you type: pick one of the listed models to count them.';
    if (/^KV cache not counted/.test(n)) return 'The memory for the text in view is not counted for a size you type: pick one of the listed models to count it.';
    const split = /^(\d+) catalog devices? that cannot be split/.exec(n);
    if (split) return `Laptops, phones and small boards cannot share a model with a second one, so they are listed only when one holds it alone (${countOf(Number(split[1]), 'device')} of that kind cannot).`;
    return n;
  });
}
