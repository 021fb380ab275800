import { DEVICE_KINDS } from '../domain/hardware';
import { CONFIDENCE_LEVELS, PRICING_MODELS, type CatalogKind } from './catalog-types';

/**
 * The columns of each catalog kind, in CSV order. One table drives validation, CSV export and
 * CSV import, so the three cannot drift apart.
 */
export type ColumnType =
  | { type: 'id' }
  | { type: 'text' }
  | { type: 'number'; min: number; allowZero: boolean }
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
const positive: ColumnType = { type: 'number', min: 0, allowZero: false };
const nonNegative: ColumnType = { type: 'number', min: 0, allowZero: true };

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
    { name: 'fp32Tflops', required: false, spec: positive },
    { name: 'tf32Tflops', required: false, spec: positive },
    { name: 'bf16Tflops', required: false, spec: positive },
    { name: 'fp8Tflops', required: false, spec: positive },
    { name: 'int8Tops', required: false, spec: positive },
    { name: 'memoryGb', required: true, spec: positive },
    { name: 'bandwidthGbs', required: true, spec: positive },
    { name: 'tdpW', required: false, spec: positive },
    ...PROVENANCE,
  ],
  'cloud-gpu-price': [
    { name: 'id', required: true, spec: id },
    { name: 'hardwareId', required: true, spec: id },
    { name: 'provider', required: true, spec: text },
    { name: 'region', required: true, spec: text },
    { name: 'pricingModel', required: true, spec: { type: 'enum', values: PRICING_MODELS } },
    { name: 'usdPerGpuHour', required: true, spec: positive },
    ...PROVENANCE,
  ],
  'llm-api-price': [
    { name: 'id', required: true, spec: id },
    { name: 'provider', required: true, spec: text },
    { name: 'model', required: true, spec: text },
    { name: 'inputUsdPerMTok', required: true, spec: nonNegative },
    { name: 'outputUsdPerMTok', required: true, spec: nonNegative },
    { name: 'cachedInputUsdPerMTok', required: false, spec: nonNegative },
    ...PROVENANCE,
  ],
  'grid-intensity': [
    { name: 'id', required: true, spec: id },
    { name: 'region', required: true, spec: text },
    { name: 'kgCo2PerKwh', required: true, spec: nonNegative },
    ...PROVENANCE,
  ],
};
