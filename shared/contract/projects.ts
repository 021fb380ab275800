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
   * Project currency units per 1 US dollar, and the date it was set: how USD catalog prices and
   * run costs are shown in the project's currency. Present only once set.
   */
  usdRate: z.number().positive().optional(),
  usdRateAsOf: IsoDate.optional(),
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

const ProjectFields = z.object({
  name: Name,
  notes: Notes.default(''),
  currency: CurrencyCode.default('USD'),
  budgetCents: Cents.nullable().default(null),
  monthlyCapCents: Cents.nullable().default(null),
  startDate: IsoDate.nullable().default(null),
  endDate: IsoDate.nullable().default(null),
});

export const ProjectCreateInput = ProjectFields.strict()
  .refine(datesInOrder, { message: 'The end date must be on or after the start date', path: ['endDate'] })
  .refine(capWithinBudget, { message: 'The monthly cap cannot exceed the total budget', path: ['monthlyCapCents'] });
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
    /** null clears the rate. Changing the currency without a new rate clears the old one. */
    usdRate: UsdRate.nullable(),
    /** Defaults to today when a rate is given without a date. */
    usdRateAsOf: IsoDate.nullable(),
  })
  .partial()
  .strict();
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
