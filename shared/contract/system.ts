import { z } from 'zod';
import { Empty } from './common';
import { query } from './define';

export const SystemInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  dbPath: z.string(),
  dbSizeBytes: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
  host: z.enum(['electron', 'browser', 'cli', 'test']),
  network: z.object({
    outboundConnections: z.literal('none'),
    statement: z.string(),
    listeners: z.array(z.string()),
  }),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const systemContract = {
  'system.info': query(Empty, SystemInfo),
} as const;
