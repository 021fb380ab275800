import { z } from 'zod';
import { DEVICE_KINDS, INTERCONNECTS, MEMORY_TYPES } from '../domain/hardware';
import { CATALOG_KINDS, CONFIDENCE_LEVELS, PRICING_MODELS } from '../catalog/catalog-types';
import { mutation, query } from './define';

/**
 * The hardware / price / grid-intensity catalog. Defaults live in code (shared/catalog) with
 * their source and date; the user's edits and own rows live in SQLite and win over a default
 * with the same kind and id. Rows are addressed by (kind, id): kinds are those of shared/catalog
 * (`hardware`, `cloud-gpu-price`, `llm-api-price`, `grid-intensity`).
 *
 * Row contents are validated by shared/catalog's validateCatalogRow (one table drives
 * validation, CSV and JSON), so `catalog.upsert` takes the row as a plain object and reports
 * problems per field.
 */
export const CatalogKind = z.enum(CATALOG_KINDS, { error: `kind is one of ${CATALOG_KINDS.join(', ')}` });
export type CatalogKind = z.infer<typeof CatalogKind>;
const RowId = z.string().trim().min(1, 'Give the row an id').max(80, 'Keep the id under 80 characters');

const Provenance = {
  source: z.string(),
  asOf: z.string(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  notes: z.string().optional(),
};
const n = z.number().nullable();
export const HardwareRow = z.object({ id: z.string(), name: z.string(), vendor: z.string(), kind: z.enum(DEVICE_KINDS), fp32Tflops: n, tf32Tflops: n, bf16Tflops: n, fp8Tflops: n, int8Tops: n, memoryGb: z.number(), bandwidthGbs: z.number(), tdpW: n, hasBf16: z.boolean().optional(), interconnect: z.enum(INTERCONNECTS).optional(), memoryType: z.enum(MEMORY_TYPES).optional(), ...Provenance });
export const CloudGpuPriceRow = z.object({ id: z.string(), hardwareId: z.string(), provider: z.string(), region: z.string(), pricingModel: z.enum(PRICING_MODELS), usdPerGpuHour: z.number(), ...Provenance });
export const LlmApiPriceRow = z.object({ id: z.string(), provider: z.string(), model: z.string(), inputUsdPerMTok: z.number(), outputUsdPerMTok: z.number(), cachedInputUsdPerMTok: n, ...Provenance });
export const GridIntensityRow = z.object({ id: z.string(), region: z.string(), kgCo2PerKwh: z.number(), ...Provenance });

/**
 * Where a row comes from: `default` (built in, unchanged), `edited` (a default the user changed;
 * `catalog.reset` brings the default back), `added` (the user's own row; `catalog.delete` removes it).
 */
export const CatalogOrigin = z.enum(['default', 'edited', 'added']);
const EntryMeta = {
  origin: CatalogOrigin,
  /** Days since the row's as-of date (on the backend's clock), so the UI can show how old a price is. */
  ageInDays: z.number().int().nullable(),
  /** When the user last changed this row; null for an untouched default. */
  updatedAt: z.string().nullable(),
};
export const CatalogEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hardware'), row: HardwareRow, ...EntryMeta }),
  z.object({ kind: z.literal('cloud-gpu-price'), row: CloudGpuPriceRow, ...EntryMeta }),
  z.object({ kind: z.literal('llm-api-price'), row: LlmApiPriceRow, ...EntryMeta }),
  z.object({ kind: z.literal('grid-intensity'), row: GridIntensityRow, ...EntryMeta }),
]);
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** An edited default also carries the built-in row it replaces, so the UI can show the change. */
export const CatalogEntryDetail = z.object({ entry: CatalogEntry, defaultRow: z.record(z.string(), z.unknown()).nullable() });

const Key = z.object({ kind: CatalogKind, id: RowId }).strict();
export const CatalogFormat = z.enum(['csv', 'json'], { error: 'format is csv or json' });

export const CatalogListInput = z
  .object({
    kind: CatalogKind.optional(),
    /** Matches id, name, vendor, provider, model, region or source, case-insensitive. */
    search: z.string().max(200, 'Search is limited to 200 characters').optional(),
    origin: CatalogOrigin.optional(),
  })
  .strict();

export const CatalogUpsertInput = z
  .object({
    kind: CatalogKind,
    /** The whole row, every field as in CATALOG_COLUMNS; source and asOf are required. */
    row: z.record(z.string(), z.unknown(), { error: 'row must be an object of field values' }),
  })
  .strict();

/**
 * JSON: an array of rows (needs `kind`) or an object keyed by kind, `{ "hardware": [...], ... }`.
 * CSV: one kind per file; without `kind` it is recognised from the header. All or nothing: any
 * bad row rejects the whole import (INVALID_INPUT, issues naming line/index and field).
 */
export const CatalogImportInput = z
  .object({
    format: CatalogFormat,
    content: z.string().max(20_000_000, 'The file is larger than 20 MB'),
    kind: CatalogKind.optional(),
  })
  .strict();

export const CatalogImportResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  /** Rows identical to what the catalog already holds (e.g. re-importing an export). */
  unchanged: z.number().int(),
  byKind: z.partialRecord(CatalogKind, z.number().int()),
});

/** JSON exports every kind (or one); CSV holds one kind per file, so it needs `kind`. */
export const CatalogExportInput = z
  .object({ format: CatalogFormat, kind: CatalogKind.optional(), only: z.enum(['all', 'user']).default('all') })
  .strict()
  .refine((v) => v.format === 'json' || v.kind !== undefined, { message: 'A CSV file holds one kind: choose the kind to export', path: ['kind'] });

export const catalogContract = {
  'catalog.list': query(CatalogListInput, z.array(CatalogEntry)),
  'catalog.get': query(Key, CatalogEntryDetail),
  'catalog.upsert': mutation(CatalogUpsertInput, CatalogEntry),
  'catalog.reset': mutation(Key, CatalogEntry),
  'catalog.delete': mutation(Key, z.object({ kind: CatalogKind, id: z.string() })),
  'catalog.import': mutation(CatalogImportInput, CatalogImportResult),
  'catalog.export': query(CatalogExportInput, z.object({ format: CatalogFormat, content: z.string(), rows: z.number().int() })),
} as const;
