/**
 * The hardware facts the estimator needs, shared by the catalog (which stores them with a source
 * and date) and the budget estimator (which computes with them). Plain JSON-safe data.
 *
 * Peak figures are per device and DENSE (no 2:4 sparsity), because utilisation figures such as
 * MFU are quoted against dense peak (PaLM App. B; estimator-reference §2.4). `null` means the
 * vendor publishes no such figure for the device.
 */
export const DEVICE_KINDS = ['datacenter-gpu', 'consumer-gpu', 'accelerator', 'laptop-soc', 'edge', 'phone-soc', 'cpu-board'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * How a device talks to the next one of its kind, which decides whether one model may be split
 * over several (tensor parallelism, ZeRO-3 sharding): `fabric` is a GPU-to-GPU link (NVLink /
 * NVSwitch, Infinity Fabric, TPU ICI), `pcie` is the host PCIe bus (consumer and PCIe-card GPUs),
 * `none` means the device runs a model alone or not at all (phones, laptops, boards, Jetsons).
 */
export const INTERCONNECTS = ['fabric', 'pcie', 'none'] as const;
export type Interconnect = (typeof INTERCONNECTS)[number];

/**
 * The memory a device streams weights from. Batch-1 decode reaches a different share of the
 * datasheet bandwidth on each (see shared/budget/decode-efficiency.ts).
 */
export const MEMORY_TYPES = ['hbm', 'gddr', 'unified', 'lpddr'] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

export interface HardwareSpec {
  /** Stable id the CLI takes, e.g. `h100-sxm`. Lower-case letters, digits and dashes. */
  id: string;
  name: string;
  vendor: string;
  kind: DeviceKind;
  /** Non-tensor FP32 TFLOPS. */
  fp32Tflops: number | null;
  /** TF32 tensor dense TFLOPS (NVIDIA Ampere and later). */
  tf32Tflops: number | null;
  /** FP16/BF16 tensor dense TFLOPS, FP32 accumulate (what mixed-precision training uses). */
  bf16Tflops: number | null;
  /** FP8 tensor dense TFLOPS (Hopper, Ada, MI300). */
  fp8Tflops: number | null;
  /** INT8 dense TOPS. */
  int8Tops: number | null;
  /** Memory available to the accelerator, GB (1e9 bytes). */
  memoryGb: number;
  /** Peak memory bandwidth, GB/s. */
  bandwidthGbs: number;
  /** Board power (TDP) in watts, the figure LLaMA-1 §6 uses for energy. */
  tdpW: number | null;
  /**
   * False when the 16-bit tensor figure is FP16 only (V100, T4): a BF16 run is costed as FP16
   * mixed precision at the same rate and the result says so. Absent: BF16 is supported.
   */
  hasBf16?: boolean;
  /** Absent: the default for the device kind (shared/budget/device-traits.ts). */
  interconnect?: Interconnect;
  /** Absent: the default for the device kind (shared/budget/device-traits.ts). */
  memoryType?: MemoryType;
}

/** Numeric precisions for training compute. */
export const TRAINING_PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8'] as const;
export type TrainingPrecision = (typeof TRAINING_PRECISIONS)[number];

/** Weight precisions for inference (int8/int4 are weight-only quantisation). */
export const INFERENCE_PRECISIONS = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type InferencePrecision = (typeof INFERENCE_PRECISIONS)[number];
