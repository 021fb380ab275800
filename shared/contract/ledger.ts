import { z } from 'zod';
import { CurrencyCode, Id, IsoDate, IsoDateTime } from './common';
import { mutation, query } from './define';
import { ExperimentId } from './experiments';
import { CostBasis, RunId, RunStatus } from './runs';

/**
 * A project's ledger: money spent outside tracked runs (API bills, storage, labelling, a cloud
 * bill), entered by hand or imported from a bill's CSV. Amounts are integer cents and may be
 * negative (refunds, credits). An entry keeps its own currency; when that differs from the
 * project's, it carries the rate used (`fxRate`: project currency per 1 unit of the entry's) and
 * the converted amount, or `projectAmountCents: null` when no rate is known (never a silent 1:1).
 *
 * Run costs are not copied into the ledger: `ledger.list` derives them from the runs (source
 * 'run'), so a changed rate never leaves a stale copy behind.
 */
export const LEDGER_CATEGORIES = ['compute', 'api', 'storage', 'labelling', 'other'] as const;
export const LedgerCategory = z.enum(LEDGER_CATEGORIES, { error: `category is one of ${LEDGER_CATEGORIES.join(', ')}` });
export type LedgerCategory = z.infer<typeof LedgerCategory>;
export const LedgerSource = z.enum(['manual', 'bill']);

const SignedCents = z.number({ error: 'Enter an amount' }).int('Amounts are stored in whole cents').min(-1e15, 'That amount is too large').max(1e15, 'That amount is too large');
const Description = z.string().max(2000, 'Keep the description under 2,000 characters');
const FxRate = z.number().positive('The exchange rate must be greater than 0').finite();

export const LedgerEntry = z.object({
  id: Id,
  projectId: Id,
  date: IsoDate,
  amountCents: z.number().int(),
  currency: CurrencyCode,
  fxRate: z.number().nullable(),
  projectAmountCents: z.number().int().nullable(),
  category: LedgerCategory,
  source: LedgerSource,
  description: z.string(),
  importKey: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A run's cost, listed beside the ledger (source 'run'); `running` marks spend still growing (committed). */
export const RunSpend = z.object({
  source: z.literal('run'),
  runId: RunId,
  runName: z.string(),
  experimentId: ExperimentId,
  experimentName: z.string(),
  status: RunStatus,
  running: z.boolean(),
  /** The run's start date (UTC), the day its spend is booked on. */
  date: IsoDate.nullable(),
  startTime: IsoDateTime.nullable(),
  endTime: IsoDateTime.nullable(),
  category: z.literal('compute'),
  costCents: z.number().int().nullable(),
  currency: CurrencyCode,
  costUsdCents: z.number().int().nullable(),
  /** While running: what the run adds per hour (project currency cents), for the committed spend and forecasts. */
  costCentsPerHour: z.number().nullable(),
  hours: z.number().nullable(),
  basis: CostBasis,
  unknownReason: z.string().nullable(),
  scenarioId: Id.nullable(),
});
export type RunSpend = z.infer<typeof RunSpend>;

export const LedgerListInput = z
  .object({ projectId: Id, from: IsoDate.optional(), to: IsoDate.optional(), includeRuns: z.boolean().default(true) })
  .strict()
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: 'from must be on or before to', path: ['to'] });

export const LedgerAddInput = z
  .object({
    projectId: Id,
    date: IsoDate,
    amountCents: SignedCents,
    /** Defaults to the project's currency. */
    currency: CurrencyCode.optional(),
    /** Project currency per 1 unit of `currency`; for USD the project's own rate is used when omitted. */
    fxRate: FxRate.optional(),
    category: LedgerCategory,
    description: Description.default(''),
  })
  .strict();

export const LedgerUpdateInput = z
  .object({
    id: Id,
    patch: z.object({ date: IsoDate, amountCents: SignedCents, currency: CurrencyCode, fxRate: FxRate.nullable(), category: LedgerCategory, description: Description }).partial().strict(),
  })
  .strict();

const Column = z.union([z.string().min(1, 'Name the column').max(200), z.number().int().min(1, 'Columns are numbered from 1').max(10_000)]);
export const BillMapping = z
  .object({ date: Column, description: Column, amount: Column, currency: Column.optional(), category: Column.optional() })
  .strict();

export const BillImportInput = z
  .object({
    projectId: Id,
    csv: z.string().max(50_000_000, 'The bill is larger than 50 MB').optional(),
    path: z.string().trim().min(1).max(4096).optional(),
    /** Columns by header name (or 1-based number when the file has no header). */
    mapping: BillMapping,
    hasHeader: z.boolean().default(true),
    dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY']).default('YYYY-MM-DD'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** For rows without a currency column: defaults to the project's currency. */
    currency: CurrencyCode.optional(),
    fxRate: FxRate.optional(),
    /** For rows without a category column (or with an empty cell). */
    defaultCategory: LedgerCategory.default('compute'),
    /** true: parse and report, change nothing. */
    preview: z.boolean().default(false),
  })
  .strict()
  .refine((i) => (i.csv === undefined) !== (i.path === undefined), { message: 'Give the bill as csv text or a path, not both', path: ['csv'] });
export type BillImportInput = z.input<typeof BillImportInput>;

export const BillRow = z.object({
  line: z.number().int(),
  date: IsoDate,
  description: z.string(),
  amountCents: z.number().int(),
  currency: CurrencyCode,
  category: LedgerCategory,
  /** Already in the ledger (the same bill line was imported before, or repeats in this file beyond its count). */
  duplicate: z.boolean(),
});
export const BillImportResult = z.object({
  preview: z.boolean(),
  rows: z.array(BillRow),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  added: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
});
export type BillImportResult = z.infer<typeof BillImportResult>;

export const ledgerContract = {
  'ledger.list': query(LedgerListInput, z.object({ projectId: Id, currency: CurrencyCode, entries: z.array(LedgerEntry), runs: z.array(RunSpend) })),
  'ledger.add': mutation(LedgerAddInput, LedgerEntry),
  'ledger.update': mutation(LedgerUpdateInput, LedgerEntry),
  'ledger.delete': mutation(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'ledger.importBill': mutation(BillImportInput, BillImportResult),
} as const;
