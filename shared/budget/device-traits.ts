import type { DeviceKind, HardwareSpec, Interconnect, MemoryType } from '../domain/hardware';

/**
 * What a device can be used for beyond its peak figures: whether one model may be split over
 * several of them, and which memory it streams weights from. A catalog row may say so itself
 * (`interconnect`, `memoryType`); otherwise the kind's default below applies.
 *
 * Interconnect defaults, by kind:
 * - datacenter GPUs: NVLink / NVSwitch on SXM boards (NVIDIA A100 and H100 datasheets: 600 and
 *   900 GB/s); PCIe cards (L4, T4, A10, L40S, the PCIe A100/H100) say `pcie` in their rows.
 * - accelerators: TPU chips are joined by the inter-chip interconnect (Google Cloud TPU docs).
 * - consumer GPUs: the PCIe bus; tensor parallelism over it works (vLLM's tensor_parallel_size,
 *   llama.cpp's --split-mode), slower than NVLink.
 * - laptops, phones, boards and Jetson modules: no GPU-to-GPU link in their datasheets. Splitting
 *   one model over several through Ethernet (e.g. llama.cpp's RPC backend) is far slower than
 *   any figure here (Tally judgement), so they run a model alone or not at all.
 *
 * Memory defaults, by kind: datacenter GPUs and accelerators HBM (GDDR cards such as the L4, T4,
 * A10 and L40S say `gddr` in their rows), consumer GPUs GDDR, laptop and phone SoCs unified
 * LPDDR, edge modules and boards LPDDR (estimator-reference.md §4, memory column).
 */
const INTERCONNECT_BY_KIND: Record<DeviceKind, Interconnect> = {
  'datacenter-gpu': 'fabric',
  accelerator: 'fabric',
  'consumer-gpu': 'pcie',
  'laptop-soc': 'none',
  'phone-soc': 'none',
  'cpu-board': 'none',
  edge: 'none',
};

const MEMORY_BY_KIND: Record<DeviceKind, MemoryType> = {
  'datacenter-gpu': 'hbm',
  accelerator: 'hbm',
  'consumer-gpu': 'gddr',
  'laptop-soc': 'unified',
  'phone-soc': 'unified',
  'cpu-board': 'lpddr',
  edge: 'lpddr',
};

export const INTERCONNECT_SOURCE = 'NVIDIA A100/H100 datasheets (NVLink), Google Cloud TPU docs (ICI), PCIe for consumer GPUs; no GPU-to-GPU link on laptops, phones, boards or Jetsons (Tally judgement: they run a model alone)';

export function interconnectOf(spec: HardwareSpec): Interconnect {
  return spec.interconnect ?? INTERCONNECT_BY_KIND[spec.kind];
}

/** True when one model may be spread over several of these devices. */
export function canSplit(spec: HardwareSpec): boolean {
  return interconnectOf(spec) !== 'none';
}

export function memoryTypeOf(spec: HardwareSpec): MemoryType {
  return spec.memoryType ?? MEMORY_BY_KIND[spec.kind];
}

/** False only when the row says the 16-bit tensor rate is FP16 only. */
export function hasBf16(spec: HardwareSpec): boolean {
  return spec.hasBf16 !== false;
}

/** What a device is, in the words a refusal uses (never the catalog's kind id). */
const KIND_WORDS: Record<HardwareSpec['kind'], string> = {
  'datacenter-gpu': 'a data-centre GPU',
  'consumer-gpu': 'a graphics card',
  accelerator: 'an accelerator',
  'laptop-soc': 'a laptop chip',
  edge: 'a small board',
  'phone-soc': 'a phone',
  'cpu-board': 'a small computer',
};

/** The sentence a refusal to split a device gives, naming it. */
export function cannotSplitReason(spec: HardwareSpec): string {
  return `${spec.name} has no link to a second device (${KIND_WORDS[spec.kind] ?? 'this kind of device'}): it runs a model alone or not at all`;
}

/**
 * Whether a person or a small company buys this device to keep: consumer GPUs, laptops, phones,
 * boards and edge modules, and datacenter cards that fit an ordinary PCIe slot (L4, L40S, the
 * PCIe A100/H100). Not SXM/OAM boards (H100 SXM, H200, MI300X: sold only inside 8-GPU servers)
 * and not TPUs (rented only, Google Cloud). Decided by the catalog row's kind and interconnect,
 * so a row you add is placed by what it says it is.
 */
export function isBoughtToOwn(spec: HardwareSpec): boolean {
  if (spec.kind === 'accelerator') return false;
  if (spec.kind === 'datacenter-gpu') return interconnectOf(spec) === 'pcie';
  return true;
}
