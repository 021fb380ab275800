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
