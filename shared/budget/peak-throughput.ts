import type { HardwareSpec, InferencePrecision, TrainingPrecision } from '../domain/hardware';
import { hasBf16 } from './device-traits';

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
  /**
   * The arithmetic the run actually gets: FP8 on a device without FP8 runs in 16-bit, BF16 on a
   * device without BF16 (V100, T4) runs as FP16 mixed precision.
   */
  precision: TrainingPrecision | InferencePrecision;
  /** Set when we fell back to another column or precision, in plain words. */
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

const COLUMN_PRECISION: Record<Column, TrainingPrecision | InferencePrecision> = {
  fp32Tflops: 'fp32',
  tf32Tflops: 'tf32',
  bf16Tflops: 'bf16',
  fp8Tflops: 'fp8',
  int8Tops: 'int8',
};

/** Returns null when the device publishes no usable compute figure at all. */
export function peakFor(spec: HardwareSpec, precision: TrainingPrecision | InferencePrecision): PeakChoice | null {
  const order = ORDER[precision];
  for (const [i, column] of order.entries()) {
    const v = spec[column];
    if (v === null || v <= 0) continue;
    const notes: string[] = [];
    if (i > 0) notes.push(`${spec.name} publishes no ${order[0]} figure for ${precision}; used ${column} (${v}).`);
    let used: TrainingPrecision | InferencePrecision = i === 0 && (precision === 'int8' || precision === 'int4' || precision === 'fp16') ? precision : COLUMN_PRECISION[column];
    if (used === 'bf16' && !hasBf16(spec)) {
      used = 'fp16';
      if (precision === 'bf16' || precision === 'fp8') notes.push(`${spec.name} has no BF16: costed as FP16 mixed precision at the same tensor rate (${v} TFLOPS).`);
    }
    const choice: PeakChoice = { tflops: v, column, precision: used };
    if (notes.length > 0) choice.note = notes.join(' ');
    return choice;
  }
  return null;
}
