import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_GPU_PRICES, DEFAULT_HARDWARE } from '../../../../../shared/catalog';
import type { CatalogEntry } from '../../../../../shared/contract/catalog';
import { ownedDevices, rentedDevices } from './device-lists';

const meta = { origin: 'default', ageInDays: 1, updatedAt: null } as const;
const ENTRIES: CatalogEntry[] = [...DEFAULT_HARDWARE.map((row) => ({ kind: 'hardware', row, ...meta }) as CatalogEntry), ...DEFAULT_CLOUD_GPU_PRICES.map((row) => ({ kind: 'cloud-gpu-price', row, ...meta }) as CatalogEntry)];
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

describe('hardware lists fitted to the option (default catalog)', () => {
  it('the rented list holds exactly the devices with an on-demand cloud price: no phone, no laptop, no edge box', () => {
    const rented = ids(rentedDevices(ENTRIES));
    const priced = new Set(DEFAULT_CLOUD_GPU_PRICES.filter((p) => p.pricingModel === 'on-demand').map((p) => p.hardwareId));
    expect(new Set(rented)).toEqual(priced);
    for (const never of ['apple-a17-pro', 'apple-m3-max', 'jetson-orin-nano', 'raspberry-pi-5']) expect(rented).not.toContain(never);
    expect(rented).toEqual(expect.arrayContaining(['h100-sxm', 'h200', 'a100-80gb', 'l4', 't4']));
  });

  it('the own-device list holds what people buy: consumer GPUs, PCIe cards, laptops, boards; no H200, SXM board or TPU', () => {
    const serving = ids(ownedDevices(ENTRIES, 'serving'));
    for (const never of ['h200', 'h100-sxm', 'a100-80gb', 'a100-40gb', 'mi300x', 'tpu-v5e', 'v100']) expect(serving).not.toContain(never);
    for (const yes of ['rtx-4090', 'rtx-3090', 'l4', 'l40s', 'a100-pcie-80gb', 'h100-pcie', 'apple-m2-ultra', 'jetson-orin-nano', 'raspberry-pi-5', 'apple-a17-pro']) expect(serving).toContain(yes);
  });

  it('for training the own-device list leaves out what cannot train a language model', () => {
    const training = ids(ownedDevices(ENTRIES, 'training'));
    for (const never of ['apple-a17-pro', 'coral-edge-tpu', 'raspberry-pi-5', 'h200', 'apple-m3-max']) expect(training).not.toContain(never);
    expect(training).toEqual(expect.arrayContaining(['rtx-4090', 'rtx-3090', 'a100-pcie-80gb', 'l40s', 'jetson-agx-orin']));
  });
});
