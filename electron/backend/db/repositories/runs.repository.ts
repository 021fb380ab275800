import type { RunCost } from '../../../../shared/budget/run-cost';
import type { Db } from '../connection';
import { RunCost as StoredRunCost } from '../../../../shared/contract/runs';
import { parseStored } from '../stored-json';
import { isAppError } from '../../../../shared/domain/errors';

/** A run as stored, joined with its experiment and project. Times are epoch ms. */
export interface RunRecord {
  id: string;
  experimentId: number;
  experimentName: string;
  experimentLifecycle: 'active' | 'deleted';
  projectId: string;
  name: string;
  status: string;
  startTime: number | null;
  endTime: number | null;
  lifecycleStage: 'active' | 'deleted';
  deletedTime: number | null;
  userId: string;
  artifactUri: string;
  notes: string;
  hardwareId: string | null;
  devices: number | null;
  durationS: number | null;
  energyKwhMeasured: number | null;
  manualCostCents: number | null;
  manualCostCurrency: string | null;
  pricePerDeviceHourMicros: number | null;
  scenarioId: string | null;
  computeNote: string;
  costCents: number | null;
  costUsdCents: number | null;
  costCentsPerHour: number | null;
  costUsdCentsPerHour: number | null;
  costBasis: RunCost['basis'];
  hours: number | null;
  energyKwh: number | null;
  energyKwhPerHour: number | null;
  energyBasis: RunCost['energyBasis'];
  co2Kg: number | null;
  co2KgPerKwh: number | null;
  costUnknownReason: string | null;
  projectCurrency: string;
}

/** Column list mapping the stored names onto RunRecord's; `r` is runs, `e` experiments, `p` projects. */
export const RUN_COLUMNS = `r.id AS id, r.experiment_id AS experimentId, e.name AS experimentName, e.lifecycle_stage AS experimentLifecycle,
  e.project_id AS projectId, r.name AS name, r.status AS status, r.start_time AS startTime, r.end_time AS endTime,
  r.lifecycle_stage AS lifecycleStage, r.deleted_time AS deletedTime, r.user_id AS userId, r.artifact_uri AS artifactUri,
  r.notes AS notes, r.hardware_id AS hardwareId, r.devices AS devices, r.duration_s AS durationS,
  r.energy_kwh_measured AS energyKwhMeasured, r.manual_cost_cents AS manualCostCents, r.manual_cost_currency AS manualCostCurrency,
  r.price_per_device_hour_micros AS pricePerDeviceHourMicros, r.scenario_id AS scenarioId, r.compute_note AS computeNote,
  r.cost_cents AS costCents, r.cost_usd_cents AS costUsdCents, r.cost_cents_per_hour AS costCentsPerHour,
  r.cost_usd_cents_per_hour AS costUsdCentsPerHour, r.cost_basis AS costBasis,
  r.hours AS hours, r.energy_kwh AS energyKwh, r.energy_kwh_per_hour AS energyKwhPerHour, r.energy_basis AS energyBasis,
  r.co2_kg AS co2Kg, r.co2_kg_per_kwh AS co2KgPerKwh, r.cost_unknown_reason AS costUnknownReason, p.currency AS projectCurrency`;

export const RUN_FROM = 'FROM runs r JOIN experiments e ON e.id = r.experiment_id JOIN projects p ON p.id = e.project_id';

export function getRun(db: Db, id: string): RunRecord | undefined {
  return db.prepare(`SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE r.id = ?`).get(id) as RunRecord | undefined;
}

/** Runs by id, in the order asked (missing ids are left out). */
export function getRuns(db: Db, ids: readonly string[]): RunRecord[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RunRecord[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is RunRecord => r !== undefined);
}

export interface NewRun {
  id: string;
  experimentId: number;
  name: string;
  status: string;
  startTime: number | null;
  userId: string;
  artifactUri: string;
}

export function insertRun(db: Db, r: NewRun): void {
  db.prepare(
    `INSERT INTO runs (id, experiment_id, name, status, start_time, user_id, artifact_uri)
     VALUES (@id, @experimentId, @name, @status, @startTime, @userId, @artifactUri)`,
  ).run(r);
}

/** The fields a service may change; undefined leaves a field as it is. */
export interface RunFields {
  name?: string;
  status?: string;
  startTime?: number | null;
  endTime?: number | null;
  lifecycleStage?: 'active' | 'deleted';
  deletedTime?: number | null;
  notes?: string;
  hardwareId?: string | null;
  devices?: number | null;
  durationS?: number | null;
  energyKwhMeasured?: number | null;
  manualCostCents?: number | null;
  manualCostCurrency?: string | null;
  pricePerDeviceHourMicros?: number | null;
  scenarioId?: string | null;
  computeNote?: string;
}

const FIELD_COLUMNS: Record<keyof RunFields, string> = {
  name: 'name',
  status: 'status',
  startTime: 'start_time',
  endTime: 'end_time',
  lifecycleStage: 'lifecycle_stage',
  deletedTime: 'deleted_time',
  notes: 'notes',
  hardwareId: 'hardware_id',
  devices: 'devices',
  durationS: 'duration_s',
  energyKwhMeasured: 'energy_kwh_measured',
  manualCostCents: 'manual_cost_cents',
  manualCostCurrency: 'manual_cost_currency',
  pricePerDeviceHourMicros: 'price_per_device_hour_micros',
  scenarioId: 'scenario_id',
  computeNote: 'compute_note',
};

export function updateRunFields(db: Db, id: string, f: RunFields): void {
  const keys = (Object.keys(f) as Array<keyof RunFields>).filter((k) => f[k] !== undefined);
  if (keys.length === 0) return;
  const sets = keys.map((k) => `${FIELD_COLUMNS[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE runs SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(keys.map((k) => [k, f[k]])), id });
}

/** Writes the materialized cost of a run (shared/budget/run-cost.ts). */
export function writeRunCost(db: Db, id: string, c: RunCost): void {
  db.prepare(
    `UPDATE runs SET cost_cents = ?, cost_usd_cents = ?, cost_cents_per_hour = ?, cost_usd_cents_per_hour = ?, cost_basis = ?, hours = ?,
       energy_kwh = ?, energy_kwh_per_hour = ?, energy_basis = ?, co2_kg = ?, co2_kg_per_kwh = ?, cost_unknown_reason = ? WHERE id = ?`,
  ).run(c.costCents, c.costUsdCents, c.costCentsPerHour, c.costUsdCentsPerHour, c.basis, c.hours, c.energyKwh, c.energyKwhPerHour, c.energyBasis, c.co2Kg, c.gridKgCo2PerKwh, c.unknownReason, id);
  db.prepare('INSERT INTO run_cost_details (run_id, cost_json) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET cost_json = excluded.cost_json').run(id, JSON.stringify(c));
}

/**
 * The stored cost breakdown of a run, with its assumptions. It is derived from the run and the
 * catalog, so one that no longer fits the contract is treated as not stored (the caller computes
 * it again) instead of making the whole run unreadable.
 */
export function runCostDetail(db: Db, id: string): RunCost | undefined {
  const json = db.prepare('SELECT cost_json FROM run_cost_details WHERE run_id = ?').pluck().get(id) as string | undefined;
  if (json === undefined) return undefined;
  try {
    return parseStored(StoredRunCost, json, `cost breakdown of run ${id}`);
  } catch (e) {
    if (isAppError(e) && e.code === 'DB_UNREADABLE') return undefined;
    throw e;
  }
}

/** Moves every run of an experiment to a lifecycle stage (the experiment was deleted or restored). */
export function setStageOfExperimentRuns(db: Db, experimentId: number, stage: 'active' | 'deleted', now: number): void {
  db.prepare('UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE experiment_id = ? AND lifecycle_stage != ?').run(stage, stage === 'deleted' ? now : null, experimentId, stage);
}

export function purgeRuns(db: Db, ids: readonly string[]): number {
  return db.prepare('DELETE FROM runs WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids)).changes;
}

export function countRunsOfExperiment(db: Db, experimentId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM runs WHERE experiment_id = ?').get(experimentId) as { n: number }).n;
}

export function countTrackedRuns(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE e.project_id = ?').get(projectId) as { n: number }).n;
}

/** Ids of the runs whose cost depends on a project's settings (its currency, rate, or a rate for one device). */
export function runIdsOfProject(db: Db, projectId: string, hardwareId?: string): string[] {
  const sql = `SELECT r.id FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE e.project_id = ?${hardwareId !== undefined ? ' AND r.hardware_id = ?' : ''}`;
  return (db.prepare(sql).pluck().all(...(hardwareId !== undefined ? [projectId, hardwareId] : [projectId])) as string[]);
}

export function runIdsOfExperiment(db: Db, experimentId: number): string[] {
  return db.prepare('SELECT id FROM runs WHERE experiment_id = ?').pluck().all(experimentId) as string[];
}

export function runIdsOnHardware(db: Db, hardwareIds: readonly string[]): string[] {
  return db.prepare('SELECT id FROM runs WHERE hardware_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(hardwareIds)) as string[];
}

/** Clears scenario links that point outside the experiment's project (after a move). */
export function clearForeignScenarioLinks(db: Db, experimentId: number): void {
  db.prepare(
    `UPDATE runs SET scenario_id = NULL WHERE experiment_id = ? AND scenario_id IS NOT NULL
       AND scenario_id NOT IN (SELECT s.id FROM scenarios s JOIN experiments e ON e.project_id = s.project_id WHERE e.id = ?)`,
  ).run(experimentId, experimentId);
}

/** The project's runs that count as spend: active runs of active experiments, oldest first. */
export function activeRunsOfProject(db: Db, projectId: string): RunRecord[] {
  return db
    .prepare(`SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE e.project_id = ? AND e.lifecycle_stage = 'active' AND r.lifecycle_stage = 'active' ORDER BY r.start_time, r.id`)
    .all(projectId) as RunRecord[];
}
