import type { HardwareSpec, InferencePrecision, TrainingPrecision } from '../domain/hardware';

/**
 * The dense peak a device offers for a precision, and what to do when the vendor publishes none.
 * MFU is defined against the dense peak in the run's dtype (PaLM App. B; reference §2.4), so the
 * choice of column matters as much as the MFU itself.
 */
export interface PeakChoice {
  /** Dense peak, TFLOPS (TOPS for int8). */
  tflops: number;
  /** The column actually used, which differs from the request when we fell back. */
  column: 'fp32Tflops' | 'tf32Tflops' | 'bf16Tflops' | 'fp8Tflops' | 'int8Tops';
  /** Set when we fell back to another column, in plain words. */
  note?: string;
}

type Column = PeakChoice['column'];

// Preference order per precision. Weight-only int8/int4 inference dequantises to 16-bit before
// the matmul (e.g. GPTQ/AWQ kernels), so its compute peak is the 16-bit one.
const ORDER: Record<TrainingPrecision | InferencePrecision, Column[]> = {
  fp32: ['fp32Tflops'],
  tf32: ['tf32Tflops', 'fp32Tflops'],
  bf16: ['bf16Tflops', 'fp32Tflops'],
  fp16: ['bf16Tflops', 'fp32Tflops'],
  fp8: ['fp8Tflops', 'bf16Tflops', 'fp32Tflops'],
  int8: ['bf16Tflops', 'fp32Tflops', 'int8Tops'],
  int4: ['bf16Tflops', 'fp32Tflops', 'int8Tops'],
};

/** Returns null when the device publishes no usable compute figure at all. */
export function peakFor(spec: HardwareSpec, precision: TrainingPrecision | InferencePrecision): PeakChoice | null {
  const order = ORDER[precision];
  for (const [i, column] of order.entries()) {
    const v = spec[column];
    if (v !== null && v > 0) {
      if (i === 0) return { tflops: v, column };
      return { tflops: v, column, note: `${spec.name} publishes no ${order[0]} figure for ${precision}; used ${column} (${v}).` };
    }
  }
  return null;
}
