import { z } from 'zod';

/**
 * Push events from the backend to every window (IPC `app:event`, SSE `/events`). Like procedures,
 * each has one schema; payloads are JSON-safe.
 */
export const events = {
  'projects.changed': z.object({ id: z.string(), change: z.enum(['created', 'updated', 'archived', 'deleted']) }),
  'evaluations.changed': z.object({ id: z.string(), projectId: z.string(), change: z.enum(['created', 'updated', 'deleted']) }),
  'monitors.changed': z.object({ id: z.string(), projectId: z.string(), change: z.enum(['created', 'batch-added', 'deleted']) }),
  /** The database file was replaced by a restored backup, or found damaged: reload everything. */
  'database.changed': z.object({ status: z.enum(['ok', 'damaged']) }),
  /**
   * Runs of one experiment changed (created, logged to, updated, deleted, cost recomputed).
   * Coalesced: a log storm sends a few of these per second, not one per request; `allRuns` true
   * means too many to list, reload the experiment's runs.
   */
  'runs.changed': z.object({ projectId: z.string(), experimentId: z.string(), runIds: z.array(z.string()), allRuns: z.boolean() }),
  'experiments.changed': z.object({
    projectId: z.string(),
    experimentId: z.string(),
    change: z.enum(['created', 'updated', 'deleted', 'restored', 'purged', 'moved']),
  }),
  /** The ledger or the negotiated rates of a project changed (run costs come with runs.changed). */
  'ledger.changed': z.object({ projectId: z.string() }),
  /** A data file was added to a project, re-linked, given a role or forgotten. */
  'datasets.changed': z.object({ id: z.string(), projectId: z.string(), change: z.enum(['registered', 'updated', 'relinked', 'removed']) }),
  /** A check run was stored; its dataset's profile, verdict and fingerprint changed with it. */
  'checks.completed': z.object({ runId: z.string(), projectId: z.string(), datasetId: z.string() }),
  'scenarios.changed': z.object({ id: z.string(), projectId: z.string(), change: z.enum(['created', 'updated', 'deleted']) }),
  /** Catalog rows of these kinds were edited, reset, deleted or imported (run costs come with runs.changed). */
  'catalog.changed': z.object({ kinds: z.array(z.string()) }),
  /** The MLflow tracking API was switched on or off. */
  'tracking.changed': z.object({ enabled: z.boolean() }),
  /** A backup was written or the database was checked and found healthy: the health page's lists changed. */
  'system.changed': z.object({ change: z.enum(['backup', 'checked']) }),
  'task.progress': z.object({
    taskId: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    message: z.string().optional(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;
export type AppEvent = { [N in EventName]: { type: N; payload: EventPayload<N> } }[EventName];
