import type { HardwareSpec } from '../domain/hardware';

/**
 * Device specs for the estimator's own tests, copied from estimator-reference.md §4 so the tests
 * of shared/budget do not depend on shared/catalog's editable defaults.
 */
const base = { tf32Tflops: null, fp8Tflops: null } as const;
export const A100_80GB: HardwareSpec = { ...base, id: 'a100-80gb', name: 'NVIDIA A100 SXM 80GB', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 19.5, tf32Tflops: 156, bf16Tflops: 312, int8Tops: 624, memoryGb: 80, bandwidthGbs: 2039, tdpW: 400 };
export const A100_40GB: HardwareSpec = { ...A100_80GB, id: 'a100-40gb', name: 'NVIDIA A100 SXM 40GB', memoryGb: 40, bandwidthGbs: 1555 };
export const H100_SXM: HardwareSpec = { ...base, id: 'h100-sxm', name: 'NVIDIA H100 SXM5', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 67, tf32Tflops: 494.7, bf16Tflops: 989.5, fp8Tflops: 1979, int8Tops: 1979, memoryGb: 80, bandwidthGbs: 3350, tdpW: 700 };
export const L4: HardwareSpec = { ...base, id: 'l4', name: 'NVIDIA L4', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 30.3, bf16Tflops: 121, fp8Tflops: 242.5, int8Tops: 242.5, memoryGb: 24, bandwidthGbs: 300, tdpW: 72, interconnect: 'pcie', memoryType: 'gddr' };
export const T4: HardwareSpec = { ...base, id: 't4', name: 'NVIDIA T4', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 8.1, bf16Tflops: 65, int8Tops: 130, memoryGb: 16, bandwidthGbs: 320, tdpW: 70, hasBf16: false, interconnect: 'pcie', memoryType: 'gddr' };
export const RTX_4090: HardwareSpec = { ...base, id: 'rtx-4090', name: 'NVIDIA GeForce RTX 4090', vendor: 'NVIDIA', kind: 'consumer-gpu', fp32Tflops: 82.6, bf16Tflops: 165.2, fp8Tflops: 660.6, int8Tops: 660.6, memoryGb: 24, bandwidthGbs: 1008, tdpW: 450 };
export const JETSON_ORIN_NANO: HardwareSpec = { ...base, id: 'jetson-orin-nano', name: 'NVIDIA Jetson Orin Nano 8GB', vendor: 'NVIDIA', kind: 'edge', fp32Tflops: 1.28, bf16Tflops: 10, int8Tops: 20, memoryGb: 8, bandwidthGbs: 68, tdpW: 15 };
export const RASPBERRY_PI_5: HardwareSpec = { ...base, id: 'raspberry-pi-5', name: 'Raspberry Pi 5', vendor: 'Raspberry Pi', kind: 'cpu-board', fp32Tflops: 0.1536, bf16Tflops: null, int8Tops: null, memoryGb: 8, bandwidthGbs: 17.1, tdpW: 12 };
export const JETSON_AGX_ORIN: HardwareSpec = { ...base, id: 'jetson-agx-orin', name: 'NVIDIA Jetson AGX Orin 64GB', vendor: 'NVIDIA', kind: 'edge', fp32Tflops: 5.3, bf16Tflops: 42.5, int8Tops: 137.5, memoryGb: 64, bandwidthGbs: 204.8, tdpW: 60 };
export const IPHONE_A17_PRO: HardwareSpec = { ...base, id: 'apple-a17-pro', name: 'Apple A17 Pro (phone)', vendor: 'Apple', kind: 'phone-soc', fp32Tflops: null, bf16Tflops: null, int8Tops: 35, memoryGb: 8, bandwidthGbs: 50, tdpW: null };
export const TEST_DEVICES: HardwareSpec[] = [H100_SXM, A100_80GB, A100_40GB, L4, T4, RTX_4090, JETSON_ORIN_NANO, RASPBERRY_PI_5];
export const V100_16GB: HardwareSpec = { ...base, id: 'v100', name: 'NVIDIA V100 SXM2 16GB', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 15.7, bf16Tflops: 125, int8Tops: null, memoryGb: 16, bandwidthGbs: 900, tdpW: 300, hasBf16: false };
