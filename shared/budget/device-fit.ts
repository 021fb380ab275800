import type { HardwareSpec } from '../domain/hardware';
import { canSplit } from './device-traits';

/**
 * Which devices hold a memory requirement, and how many of each. `perDeviceGb(n)` is the
 * requirement on each device when the job is spread over n devices (it shrinks with n under
 * ZeRO or tensor parallelism, stays put for plain data parallelism). We search the smallest n.
 * A device without a link to a second one (device-traits.ts) is only ever counted alone.
 */
export interface DeviceFit {
  hardware: string;
  name: string;
  count: number;
  memoryGb: number;
}

export function fitDevices(devices: readonly HardwareSpec[], perDeviceGb: (n: number) => number, maxCount: number): DeviceFit[] {
  const fits: DeviceFit[] = [];
  for (const d of devices) {
    const max = canSplit(d) ? maxCount : 1;
    let count: number | null = null;
    // Doubling then binary search: perDeviceGb is non-increasing in n.
    if (perDeviceGb(1) <= d.memoryGb) count = 1;
    else {
      let hi = 2;
      while (hi <= max && perDeviceGb(hi) > d.memoryGb) hi *= 2;
      const top = Math.min(hi, max);
      if (perDeviceGb(top) <= d.memoryGb) {
        let lo = Math.floor(hi / 2) + 1;
        let best = top;
        let up = top;
        while (lo <= up) {
          const mid = Math.floor((lo + up) / 2);
          if (perDeviceGb(mid) <= d.memoryGb) {
            best = mid;
            up = mid - 1;
          } else lo = mid + 1;
        }
        count = best;
      }
    }
    if (count !== null) fits.push({ hardware: d.id, name: d.name, count, memoryGb: d.memoryGb });
  }
  return fits.sort((x, y) => x.count - y.count || x.memoryGb - y.memoryGb || x.hardware.localeCompare(y.hardware));
}
