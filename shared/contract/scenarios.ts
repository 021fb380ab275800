import { z } from 'zod';
import { Cents, Id, IsoDateTime } from './common';
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

const ScenarioMeta = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  notes: z.string(),
  p50CostCents: Cents.nullable(),
  p90CostCents: Cents.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export const Scenario = z.intersection(ScenarioMeta, ScenarioPayload);
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioCreateInput = z.intersection(z.object({ projectId: Id, name: Name, notes: Notes.default('') }), ScenarioPayloadInput);

export const ScenarioUpdateInput = z
  .object({
    id: Id,
    patch: z
      .object({
        name: Name.optional(),
        notes: Notes.optional(),
        /** A new input (and optionally its result) of the scenario's kind; costs are re-derived. */
        estimate: ScenarioPayloadInput.optional(),
      })
      .strict(),
  })
  .strict();

export const SetAsBudgetInput = z
  .object({
    id: Id,
    level: z.enum(['p50', 'p90'], { error: 'level is p50 or p90' }),
    /**
     * Scenario costs are in USD. For a project in another currency give how many units of the
     * project currency one US dollar buys (e.g. 0.92 for EUR); without it the call is refused
     * rather than silently mixing currencies. Ignored for USD projects.
     */
    usdToProjectCurrency: z.number().positive('The exchange rate must be greater than 0').finite().optional(),
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
