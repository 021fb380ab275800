import { isBoughtToOwn } from '../../../../../shared/budget/device-traits';
import type { CatalogEntry } from '../../../../../shared/contract/catalog';
import { rentableHardware } from '../../../stores/catalog/catalog.selectors';

/**
 * The hardware lists the planners offer, each fitted to its option: a GPU you rent is a catalog
 * device with an on-demand cloud price (no phone or laptop there); a device you own is one people
 * buy (no H200 on a desk: shared/budget/device-traits.ts decides by kind and interconnect).
 */
export interface DeviceChoice {
  id: string;
  name: string;
  memoryGb: number;
}

type HardwareEntry = Extract<CatalogEntry, { kind: 'hardware' }>;

const hardwareOf = (entries: readonly CatalogEntry[]): HardwareEntry['row'][] => entries.flatMap((e) => (e.kind === 'hardware' ? [e.row] : []));
const choice = (h: HardwareEntry['row']): DeviceChoice => ({ id: h.id, name: h.name, memoryGb: h.memoryGb });

/** Cloud GPUs: catalog devices with an on-demand rental price, in catalog order. */
export function rentedDevices(entries: readonly CatalogEntry[]): DeviceChoice[] {
  const rentable = rentableHardware(entries);
  return hardwareOf(entries).filter((h) => rentable.has(h.id)).map(choice);
}

/**
 * Devices people buy. For training, only those the estimate can cost: a published 16-bit tensor
 * rate, a power figure (for the electricity) and at least 4 GB of memory; so no phone, Coral stick
 * or Raspberry Pi, and no Mac until its row has those figures.
 */
export function ownedDevices(entries: readonly CatalogEntry[], purpose: 'training' | 'serving'): DeviceChoice[] {
  return hardwareOf(entries)
    .filter((h) => isBoughtToOwn(h))
    .filter((h) => purpose === 'serving' || (h.kind !== 'phone-soc' && h.bf16Tflops !== null && h.tdpW !== null && h.memoryGb >= 4))
    .map(choice);
}
