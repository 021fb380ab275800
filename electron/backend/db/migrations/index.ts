import { m0001 } from './0001_projects';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [m0001];

export const latestSchemaVersion = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
