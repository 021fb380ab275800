import { m0001 } from './0001_projects';
import { m0002 } from './0002_plan';
import { m0003 } from './0003_check';
import { m0004 } from './0004_track';
import { m0005 } from './0005_track_search';
import { m0006 } from './0006_evaluations';
import { m0007 } from './0007_currency';
import { m0008 } from './0008_plan_price_rate';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008];

export const latestSchemaVersion = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
