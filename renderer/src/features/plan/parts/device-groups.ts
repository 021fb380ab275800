import type { CatalogEntry } from '../../../../../shared/contract/catalog';
import type { DeviceKind } from '../../../../../shared/domain/hardware';

/**
 * Catalog devices sorted into the groups a person shops in (a laptop, a graphics card, a rented
 * data-centre GPU, a small board or phone), for the device lists of the memory and serving-speed
 * answers. The catalog's device kind decides the group.
 */
export interface DeviceFacts {
  id: string;
  name: string;
  kind: DeviceKind;
  memoryGb: number;
}

const GROUPS: ReadonlyArray<{ title: string; kinds: readonly DeviceKind[] }> = [
  { title: 'Laptops and desktop computers', kinds: ['laptop-soc'] },
  { title: 'Graphics cards you can buy', kinds: ['consumer-gpu'] },
  { title: 'Data-centre GPUs (usually rented)', kinds: ['datacenter-gpu', 'accelerator'] },
  { title: 'Small boards and phones', kinds: ['edge', 'phone-soc', 'cpu-board'] },
];

/** Every catalog device with its kind and memory, in catalog order. */
export function catalogDevices(entries: readonly CatalogEntry[]): DeviceFacts[] {
  return entries.flatMap((e) => (e.kind === 'hardware' ? [{ id: e.row.id, name: e.row.name, kind: e.row.kind, memoryGb: e.row.memoryGb }] : []));
}

/** Devices by group, in the groups' order; empty groups are left out, order within kept. */
export function devicesByGroup<D extends DeviceFacts>(devices: readonly D[]): Array<{ title: string; devices: D[] }> {
  return GROUPS.map((g) => ({ title: g.title, devices: devices.filter((d) => g.kinds.includes(d.kind)) })).filter((g) => g.devices.length > 0);
}
