import { z } from 'zod';
import { Cents, CurrencyCode, Empty, Id, IsoDate, IsoDateTime } from './common';
import { mutation, query } from './define';

const Name = z.string().trim().min(1, 'Give the project a name').max(120, 'Keep the name under 120 characters');
const Notes = z.string().max(10_000, 'Notes are limited to 10,000 characters');
const UsdRate = z.number().positive('The exchange rate must be greater than 0').finite().max(1e9, 'That rate is too large');

export const Project = z.object({
  id: Id,
  name: z.string(),
  notes: z.string(),
  currency: CurrencyCode,
  budgetCents: Cents.nullable(),
  monthlyCapCents: Cents.nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  archivedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /**
   * Project currency units per 1 US dollar: how USD catalog prices, estimates and run costs are
   * shown in the project's currency. Always 1 for a USD project; for another currency present
   * once set, with the day it applies to (`usdRateAsOf`), who set it ("alice (desktop app)")
   * and when. Budgets and caps are in the project's currency and are never converted by it.
   */
  usdRate: z.number().positive().optional(),
  usdRateAsOf: IsoDate.optional(),
  usdRateSetBy: z.string().optional(),
  usdRateSetAt: IsoDateTime.optional(),
});
export type Project = z.infer<typeof Project>;

/** What deleting a project removes, so the confirmation can name it. Grows as features land. */
export const ProjectContents = z.array(z.object({ kind: z.string(), label: z.string(), count: z.number().int().min(0) }));

export const ProjectDetail = Project.extend({ contents: ProjectContents });
export type ProjectDetail = z.infer<typeof ProjectDetail>;

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const capWithinBudget = (v: { budgetCents?: number | null; monthlyCapCents?: number | null }) =>
  v.budgetCents == null || v.monthlyCapCents == null || v.monthlyCapCents <= v.budgetCents;
/** A dollar is a dollar: a USD project's rate can only be 1. */
const usdIsOne = (v: { currency?: string | undefined; usdRate?: number | null | undefined }) => v.currency !== 'USD' || v.usdRate == null || v.usdRate === 1;
const USD_IS_ONE = 'A project in US dollars needs no exchange rate (one dollar is one dollar); leave the rate empty';

const ProjectFields = z.object({
  name: Name,
  notes: Notes.default(''),
  currency: CurrencyCode.default('USD'),
  budgetCents: Cents.nullable().default(null),
  monthlyCapCents: Cents.nullable().default(null),
  startDate: IsoDate.nullable().default(null),
  endDate: IsoDate.nullable().default(null),
  /** How many units of the project currency one US dollar buys; set now or later. */
  usdRate: UsdRate.optional(),
  /** The day the rate applies to; defaults to today. */
  usdRateAsOf: IsoDate.optional(),
});

export const ProjectCreateInput = ProjectFields.strict()
  .refine(datesInOrder, { message: 'The end date must be on or after the start date', path: ['endDate'] })
  .refine(capWithinBudget, { message: 'The monthly cap cannot exceed the total budget', path: ['monthlyCapCents'] })
  .refine(usdIsOne, { message: USD_IS_ONE, path: ['usdRate'] });
export type ProjectCreateInput = z.input<typeof ProjectCreateInput>;

export const ProjectPatch = z
  .object({
    name: Name,
    notes: Notes,
    currency: CurrencyCode,
    budgetCents: Cents.nullable(),
    monthlyCapCents: Cents.nullable(),
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    archived: z.boolean(),
    /**
     * null clears the rate. Changing the currency without a new rate clears the old one (it was
     * for the old currency); changing it to USD sets the rate to 1.
     */
    usdRate: UsdRate.nullable(),
    /** Defaults to today when a rate is given without a date. */
    usdRateAsOf: IsoDate.nullable(),
  })
  .partial()
  .strict()
  .refine(usdIsOne, { message: USD_IS_ONE, path: ['usdRate'] });
export type ProjectPatch = z.input<typeof ProjectPatch>;

export const ProjectUpdateInput = z.object({ id: Id, patch: ProjectPatch }).strict();

export const ProjectListInput = z
  .object({
    search: z.string().max(200, 'Search is limited to 200 characters').optional(),
    includeArchived: z.boolean().optional(),
  })
  .strict();

export const projectsContract = {
  'projects.list': query(ProjectListInput, z.array(Project)),
  'projects.get': query(z.object({ id: Id }).strict(), ProjectDetail),
  'projects.create': mutation(ProjectCreateInput, Project),
  'projects.update': mutation(ProjectUpdateInput, Project),
  'projects.archive': mutation(z.object({ id: Id, archived: z.boolean().default(true) }).strict(), Project),
  'projects.delete': mutation(z.object({ id: Id }).strict(), z.object({ id: Id, removed: ProjectContents })),
} as const;

export { Empty };
