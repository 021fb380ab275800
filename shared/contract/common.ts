import { z } from 'zod';

/** Reusable field schemas. Messages are written for the person filling the form. */

export const Id = z.string().min(1, 'Id is required').max(64, 'Id is too long');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'This date does not exist');

export const IsoDateTime = z.string().datetime({ offset: true });

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code such as USD or EUR');

/** Integer cents, never a float: money in a ledger row is exact. */
export const Cents = z
  .number({ error: 'Enter an amount' })
  .int('Amounts are stored in whole cents')
  .min(0, 'The amount cannot be negative')
  .max(1e15, 'That amount is too large');

export const Empty = z.object({}).strict();
