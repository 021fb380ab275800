import { z } from 'zod';
import { CurrencyCode, Id, IsoDate, IsoDateTime } from './common';
import { mutation, query } from './define';

/**
 * A project's own negotiated price per device-hour for a piece of hardware. It wins over the
 * catalog's default when a run's cost is worked out; setting or removing one recomputes the
 * project's runs on that hardware in the same transaction. The hardware id need not be in the
 * catalog (a private cluster's machines can have a rate too).
 */
export const ProjectRate = z.object({
  projectId: Id,
  hardwareId: z.string(),
  /** The catalog's name for the device, or null when the id is not in the catalog. */
  hardwareName: z.string().nullable(),
  pricePerDeviceHour: z.number(),
  currency: CurrencyCode,
  note: z.string(),
  asOf: IsoDate,
  updatedAt: IsoDateTime,
});
export type ProjectRate = z.infer<typeof ProjectRate>;

export const RateSetInput = z
  .object({
    projectId: Id,
    hardwareId: z.string().trim().min(1, 'Choose the hardware').max(80),
    pricePerDeviceHour: z.number({ error: 'Enter a price' }).min(0, 'A price cannot be negative').max(1e6, 'That price is too large'),
    /** Defaults to the project's currency. */
    currency: CurrencyCode.optional(),
    note: z.string().max(2000).default(''),
    /** When the rate was agreed; defaults to today. */
    asOf: IsoDate.optional(),
  })
  .strict();

const Key = z.object({ projectId: Id, hardwareId: z.string().min(1).max(80) }).strict();

export const ratesContract = {
  'rates.list': query(z.object({ projectId: Id }).strict(), z.array(ProjectRate)),
  'rates.set': mutation(RateSetInput, ProjectRate),
  'rates.delete': mutation(Key, Key),
} as const;
