import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import { LifecycleView } from './runs-filter';

/**
 * Experiments group runs inside a project, as in MLflow: names are unique in the workspace, ids
 * are strings of digits, delete and restore flip the lifecycle stage and purge removes the
 * experiment with its runs for good. An experiment may be linked to the Plan scenario it carries
 * out. Tags `tally.project` (on create, or set later) place it in the project of that name.
 */
export const ExperimentId = z.string().regex(/^\d{1,18}$/, 'An experiment id is a string of digits');
export const Lifecycle = z.enum(['active', 'deleted']);
const Name = z.string().trim().min(1, 'Give the experiment a name').max(500, 'Keep the name under 500 characters');
const TagKey = z.string().min(1, 'A tag needs a key').max(1000);
const TagValue = z.string().max(100_000);
export const TagMap = z.record(z.string(), z.string());

export const Experiment = z.object({
  id: ExperimentId,
  projectId: Id,
  projectName: z.string(),
  name: z.string(),
  artifactLocation: z.string(),
  lifecycleStage: Lifecycle,
  scenarioId: Id.nullable(),
  creationTime: IsoDateTime,
  lastUpdateTime: IsoDateTime,
  tags: TagMap,
  /** Runs in the active lifecycle stage. */
  runCount: z.number().int().min(0),
});
export type Experiment = z.infer<typeof Experiment>;

export const EXPERIMENT_ORDER_KEYS = ['name', 'creation_time', 'last_update_time', 'experiment_id'] as const;

/** MLflow's experiment filter: name / times (attribute) and tags, ANDed. */
export const ExperimentFilterClause = z
  .object({
    kind: z.enum(['attribute', 'tag']),
    key: z.string().min(1).max(250),
    op: z.enum(['=', '!=', 'LIKE', 'ILIKE', '<', '<=', '>', '>=']),
    value: z.union([z.string().max(8000), z.number()]),
  })
  .strict()
  .refine((c) => c.kind === 'tag' || ['name', 'creation_time', 'last_update_time'].includes(c.key), {
    message: 'An experiment attribute is name, creation_time or last_update_time',
    path: ['key'],
  });
export type ExperimentFilterClause = z.infer<typeof ExperimentFilterClause>;

export const ExperimentListInput = z
  .object({
    projectId: Id.optional(),
    view: LifecycleView.default('active'),
    /** Case-insensitive substring of the name (the UI's search box). */
    nameContains: z.string().max(500).optional(),
    filter: z.array(ExperimentFilterClause).max(50).default([]),
    orderBy: z.array(z.object({ key: z.enum(EXPERIMENT_ORDER_KEYS), ascending: z.boolean().default(true) }).strict()).max(5).default([]),
    maxResults: z.number().int().min(1).max(50_000).default(1000),
    pageToken: z.string().max(2000).optional(),
  })
  .strict();
export type ExperimentListInput = z.input<typeof ExperimentListInput>;

export const ExperimentCreateInput = z
  .object({
    /** Omitted: the project named by tag `tally.project`, else a project named like the experiment (created on first use). */
    projectId: Id.optional(),
    name: Name,
    artifactLocation: z.string().max(4096).optional(),
    tags: z.record(TagKey, TagValue).default({}),
    scenarioId: Id.nullable().optional(),
  })
  .strict();
export type ExperimentCreateInput = z.input<typeof ExperimentCreateInput>;

export const ExperimentUpdateInput = z
  .object({
    id: ExperimentId,
    patch: z
      .object({ name: Name, scenarioId: Id.nullable() })
      .partial()
      .strict(),
  })
  .strict();

const ById = z.object({ id: ExperimentId }).strict();

export const experimentsContract = {
  'experiments.list': query(ExperimentListInput, z.object({ experiments: z.array(Experiment), nextPageToken: z.string().nullable() })),
  'experiments.get': query(
    z.union([ById, z.object({ name: z.string().min(1, 'Give a name').max(500) }).strict()], { error: 'Give the experiment id or its name' }),
    Experiment,
  ),
  'experiments.create': mutation(ExperimentCreateInput, Experiment),
  'experiments.update': mutation(ExperimentUpdateInput, Experiment),
  'experiments.delete': mutation(ById, Experiment),
  'experiments.restore': mutation(ById, Experiment),
  'experiments.purge': mutation(ById, z.object({ id: ExperimentId, runsRemoved: z.number().int().min(0) })),
  'experiments.move': mutation(z.object({ id: ExperimentId, projectId: Id }).strict(), Experiment),
  'experiments.setTag': mutation(z.object({ id: ExperimentId, key: TagKey, value: TagValue }).strict(), Experiment),
} as const;
