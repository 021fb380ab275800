import { DEVICE_KINDS, INTERCONNECTS, MEMORY_TYPES } from '../domain/hardware';
import { CONFIDENCE_LEVELS, PRICING_MODELS, type CatalogKind } from './catalog-types';

/**
 * The columns of each catalog kind, in CSV order. One table drives validation, CSV export and
 * CSV import, so the three cannot drift apart.
 */
export type ColumnType =
  | { type: 'id' }
  | { type: 'text' }
  | { type: 'number'; min: number; allowZero: boolean; max?: number; why?: string }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'as-of' };

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** A non-required number column accepts null (blank cell) meaning "not published". */
  spec: ColumnType;
}

const id: ColumnType = { type: 'id' };
const text: ColumnType = { type: 'text' };
const bool: ColumnType = { type: 'boolean' };

/**
 * Plausibility ceilings for catalog figures, so a typo (a price in cents, power in mW) is refused
 * on import instead of priced. Each is well above any device or price in the reference (§4, §5)
 * with room for newer ones (Tally judgement; the reason is shown with the refusal).
 */
const upTo = (max: number, why: string, allowZero = false): ColumnType => ({ type: 'number', min: 0, allowZero, max, why });

const PROVENANCE: ColumnSpec[] = [
  { name: 'source', required: true, spec: text },
  { name: 'asOf', required: true, spec: { type: 'as-of' } },
  { name: 'confidence', required: true, spec: { type: 'enum', values: CONFIDENCE_LEVELS } },
  { name: 'notes', required: false, spec: text },
];

export const CATALOG_COLUMNS: Record<CatalogKind, readonly ColumnSpec[]> = {
  hardware: [
    { name: 'id', required: true, spec: id },
    { name: 'name', required: true, spec: text },
    { name: 'vendor', required: true, spec: text },
    { name: 'kind', required: true, spec: { type: 'enum', values: DEVICE_KINDS } },
    { name: 'fp32Tflops', required: false, spec: upTo(2000, 'the fastest accelerators offer about 160 TFLOPS of FP32') },
    { name: 'tf32Tflops', required: false, spec: upTo(20000, 'dense TF32 peaks are below 1,200 TFLOPS') },
    { name: 'bf16Tflops', required: false, spec: upTo(20000, 'dense BF16 peaks are below 2,500 TFLOPS (use the dense figure, not the sparse one)') },
    { name: 'fp8Tflops', required: false, spec: upTo(40000, 'dense FP8 peaks are below 5,000 TFLOPS') },
    { name: 'int8Tops', required: false, spec: upTo(40000, 'dense INT8 peaks are below 5,000 TOPS') },
    { name: 'memoryGb', required: true, spec: upTo(4000, 'a single device holds at most a few hundred GB') },
    { name: 'bandwidthGbs', required: true, spec: upTo(50000, 'the fastest HBM devices stream about 8,000 GB/s') },
    { name: 'tdpW', required: false, spec: upTo(3000, 'the largest accelerator boards draw about 1,000-1,400 W') },
    { name: 'hasBf16', required: false, spec: bool },
    { name: 'interconnect', required: false, spec: { type: 'enum', values: INTERCONNECTS } },
    { name: 'memoryType', required: false, spec: { type: 'enum', values: MEMORY_TYPES } },
    ...PROVENANCE,
  ],
  'cloud-gpu-price': [
    { name: 'id', required: true, spec: id },
    { name: 'hardwareId', required: true, spec: id },
    { name: 'provider', required: true, spec: text },
    { name: 'region', required: true, spec: text },
    { name: 'pricingModel', required: true, spec: { type: 'enum', values: PRICING_MODELS } },
    { name: 'usdPerGpuHour', required: true, spec: upTo(500, 'on-demand GPUs cost at most about $15 an hour (price one GPU, not the whole instance, in dollars not cents)') },
    ...PROVENANCE,
  ],
  'llm-api-price': [
    { name: 'id', required: true, spec: id },
    { name: 'provider', required: true, spec: text },
    { name: 'model', required: true, spec: text },
    { name: 'inputUsdPerMTok', required: true, spec: upTo(1000, 'the dearest API models charge about $150 per million tokens', true) },
    { name: 'outputUsdPerMTok', required: true, spec: upTo(2000, 'the dearest API models charge about $600 per million output tokens', true) },
    { name: 'cachedInputUsdPerMTok', required: false, spec: upTo(1000, 'cached input costs less than fresh input', true) },
    ...PROVENANCE,
  ],
  'grid-intensity': [
    { name: 'id', required: true, spec: id },
    { name: 'region', required: true, spec: text },
    { name: 'kgCo2PerKwh', required: true, spec: upTo(2, 'the most carbon-intensive grids emit 0.6-0.9 kg/kWh and coal alone about 1 kg/kWh', true) },
    ...PROVENANCE,
  ],
};
