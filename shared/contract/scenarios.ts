import { z } from 'zod';
import { Cents, CurrencyCode, Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import {
  DeploymentComparison,
  InferenceEstimate,
  InferenceEstimateInput,
  MemoryEstimate,
  MemoryEstimateInput,
  OptimalEstimate,
  OptimalEstimateInput,
  PilotEstimate,
  PilotEstimateInput,
  TrainingEstimate,
  TrainingEstimateInput,
  Workload,
} from './estimate';
import type { PlanMoney as PlanMoneyT } from '../budget/plan-money';
import { Project } from './projects';

/**
 * A saved estimate in a project: the input it was made from, the result, and (where the kind has
 * a total cost) its P50 and P90 cost in integer US cents. The kind names the estimate procedure:
 * training -> estimate.training, deployment -> estimate.compare, inference -> estimate.inference,
 * memory -> estimate.memory, optimal -> estimate.optimal, pilot -> estimate.pilot.
 *
 * `result` is optional on create/update: when omitted the backend runs the estimate on the
 * effective catalog; when given it must match the kind's result schema (a wizard sends what it
 * showed). Costs in cents are always derived by the backend from the stored result:
 * training/pilot: the P50/P90 total cost; deployment: the recommended option's P50/P90 total
 * over the workload's months; inference, memory, optimal: null (no total cost).
 */
export const SCENARIO_KINDS = ['training', 'deployment', 'inference', 'memory', 'optimal', 'pilot'] as const;
export const ScenarioKind = z.enum(SCENARIO_KINDS, { error: `kind is one of ${SCENARIO_KINDS.join(', ')}` });
export type ScenarioKind = z.infer<typeof ScenarioKind>;

const DeploymentInput = z.object({ workload: Workload }).strict();

/** Kind, input and result travel together so each is checked against the right schema. */
const payload = <K extends ScenarioKind, I extends z.ZodType, R extends z.ZodType>(kind: K, input: I, result: R) =>
  z.object({ kind: z.literal(kind), input, result });
const PAYLOADS = [
  payload('training', TrainingEstimateInput, TrainingEstimate),
  payload('deployment', DeploymentInput, DeploymentComparison),
  payload('inference', InferenceEstimateInput, InferenceEstimate),
  payload('memory', MemoryEstimateInput, MemoryEstimate),
  payload('optimal', OptimalEstimateInput, OptimalEstimate),
  payload('pilot', PilotEstimateInput, PilotEstimate),
] as const;
export const ScenarioPayload = z.discriminatedUnion('kind', PAYLOADS);
/** The same, with the result optional (the backend computes it when absent). */
export const ScenarioPayloadInput = z.discriminatedUnion('kind', [
  PAYLOADS[0].partial({ result: true }),
  PAYLOADS[1].partial({ result: true }),
  PAYLOADS[2].partial({ result: true }),
  PAYLOADS[3].partial({ result: true }),
  PAYLOADS[4].partial({ result: true }),
  PAYLOADS[5].partial({ result: true }),
]);

const Name = z.string().trim().min(1, 'Give the scenario a name').max(120, 'Keep the name under 120 characters');
const Notes = z.string().max(10_000, 'Notes are limited to 10,000 characters');

/**
 * A plan's monthly budget, the yardstick the cloud wizard holds each option against: integer
 * cents of the currency it was entered in. It must be entered in the project's currency; the
 * currency is kept so that a later change of the project's currency is converted (or said),
 * never misread.
 */
export const MonthlyBudget = z
  .object({
    cents: z.number({ error: 'Enter an amount' }).int('Amounts are kept in whole cents').min(1, 'A monthly budget must be more than zero').max(1e15, 'That amount is too large'),
    currency: CurrencyCode,
  })
  .strict();
export type MonthlyBudget = z.infer<typeof MonthlyBudget>;

/**
 * The project's currency and rate when the plan's estimate was saved: the rate the prices typed
 * in the planner were converted to dollars at, so they reopen as typed even after the project's
 * rate changed. Set by the backend; null for plans saved before it was kept.
 */
export const PricesTypedAt = z.object({ currency: CurrencyCode, usdRate: z.number().positive().nullable() }).strict();
export type PricesTypedAt = z.infer<typeof PricesTypedAt>;

const CentsRange = z.object({ p10: z.number().int(), p50: z.number().int(), p90: z.number().int() });

/**
 * The plan in the project's currency, worked out by the backend on every read from the stored
 * USD result and the project's current rate (shared/budget/plan-money.ts): totals and, for a
 * deployment, the monthly cost, each converted once; the yardstick it is held against (the
 * plan's monthly budget, else the project's monthly cap; the project's budget for a total) and
 * one sentence for lists. Without a rate nothing is converted and `notConverted` says why.
 */
export const PlanMoney = z.object({
  currency: CurrencyCode,
  rateNote: z.string().nullable(),
  notConverted: z.string().nullable(),
  totalCents: CentsRange.nullable(),
  monthlyCents: CentsRange.nullable(),
  monthlyBudgetCents: z.number().int().nullable(),
  cap: z.object({ cents: z.number().int(), kind: z.enum(['plan-monthly', 'project-monthly', 'project-total']) }).nullable(),
  capStatus: z.enum(['within', 'at-risk', 'over']).nullable(),
  summary: z.string().nullable(),
});

const ScenarioMeta = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  notes: z.string(),
  /** USD cents, derived from the stored result (see above). */
  p50CostCents: Cents.nullable(),
  p90CostCents: Cents.nullable(),
  monthlyBudget: MonthlyBudget.nullable(),
  pricesTypedAt: PricesTypedAt.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
/** A scenario as stored. */
export const StoredScenario = z.intersection(ScenarioMeta, ScenarioPayload);
export type StoredScenario = z.infer<typeof StoredScenario>;
/** A scenario as every procedure returns it: as stored, plus its figures in the project's currency. */
export const Scenario = z.intersection(ScenarioMeta.extend({ money: PlanMoney }), ScenarioPayload);
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioCreateInput = z.intersection(z.object({ projectId: Id, name: Name, notes: Notes.default(''), monthlyBudget: MonthlyBudget.nullable().default(null) }), ScenarioPayloadInput);

export const ScenarioUpdateInput = z
  .object({
    id: Id,
    patch: z
      .object({
        name: Name.optional(),
        notes: Notes.optional(),
        /** A new monthly budget, or null to remove it; left out, it stays. */
        monthlyBudget: MonthlyBudget.nullable().optional(),
        /** A new input (and optionally its result) of the scenario's kind; costs are re-derived. */
        estimate: ScenarioPayloadInput.optional(),
      })
      .strict(),
  })
  .strict();

export const SetAsBudgetInput = z
  .object({
    id: Id,
    /**
     * The plan's best guess or its safe side, converted into the project's currency with the
     * project's own exchange rate (refused, saying so, while a non-USD project has none).
     */
    level: z.enum(['p50', 'p90'], { error: 'level is p50 or p90' }),
  })
  .strict();

export const scenariosContract = {
  'scenarios.list': query(z.object({ projectId: Id }).strict(), z.array(Scenario)),
  'scenarios.get': query(z.object({ id: Id }).strict(), Scenario),
  'scenarios.create': mutation(ScenarioCreateInput, Scenario),
  'scenarios.update': mutation(ScenarioUpdateInput, Scenario),
  'scenarios.duplicate': mutation(z.object({ id: Id, name: Name.optional() }).strict(), Scenario),
  'scenarios.delete': mutation(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'scenarios.setAsBudget': mutation(SetAsBudgetInput, z.object({ project: Project, budgetCents: Cents, scenario: Scenario })),
} as const;

// Compile-time proof that the schema describes exactly what shared/budget/plan-money.ts returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PLAN_MONEY_MATCHES: Same<z.infer<typeof PlanMoney>, PlanMoneyT> = true;
