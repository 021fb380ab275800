import { z } from 'zod';
import { Empty } from './common';
import { mutation, query } from './define';

/**
 * The MLflow-compatible tracking API switch (Settings). Off until turned on; when on, MLflow
 * clients log runs to `url` with the token. `envLines` are the two lines a user pastes where
 * their training code runs: MLFLOW_TRACKING_URI=... and MLFLOW_TRACKING_TOKEN=....
 * `available` is false in a host that cannot open a listener (then setEnabled says how to start one).
 */
export const TrackingStatus = z.object({
  available: z.boolean(),
  enabled: z.boolean(),
  url: z.string().nullable(),
  port: z.number().int().min(1).max(65535).nullable(),
  envLines: z.array(z.string()),
});
export type TrackingStatus = z.infer<typeof TrackingStatus>;

export const TrackingSetEnabledInput = z
  .object({
    enabled: z.boolean({ error: 'enabled is true or false' }),
    /** The port to listen on; omitted or 0: the last one used, else a free one. */
    port: z.number().int('A port is a whole number').min(0, 'Ports run from 0 to 65535').max(65535, 'Ports run from 0 to 65535').optional(),
  })
  .strict();
export type TrackingSetEnabledInput = z.infer<typeof TrackingSetEnabledInput>;

export const trackingContract = {
  'tracking.status': query(Empty, TrackingStatus),
  'tracking.setEnabled': mutation(TrackingSetEnabledInput, TrackingStatus),
} as const;
