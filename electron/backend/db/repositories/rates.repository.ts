import type { Db } from '../connection';

/** A negotiated rate as stored: integer micro-units of `currency` per device-hour. */
export interface RateRecord {
  projectId: string;
  hardwareId: string;
  micros: number;
  currency: string;
  note: string;
  asOf: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `project_id AS projectId, hardware_id AS hardwareId, price_per_device_hour_micros AS micros, currency, note,
  as_of AS asOf, created_at AS createdAt, updated_at AS updatedAt`;

export function listRates(db: Db, projectId: string): RateRecord[] {
  return db.prepare(`SELECT ${COLUMNS} FROM project_rates WHERE project_id = ? ORDER BY hardware_id`).all(projectId) as RateRecord[];
}

export function getRate(db: Db, projectId: string, hardwareId: string): RateRecord | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM project_rates WHERE project_id = ? AND hardware_id = ?`).get(projectId, hardwareId) as RateRecord | undefined;
}

export function upsertRate(db: Db, r: RateRecord): void {
  db.prepare(
    `INSERT INTO project_rates (project_id, hardware_id, price_per_device_hour_micros, currency, note, as_of, created_at, updated_at)
     VALUES (@projectId, @hardwareId, @micros, @currency, @note, @asOf, @createdAt, @updatedAt)
     ON CONFLICT (project_id, hardware_id) DO UPDATE SET price_per_device_hour_micros = excluded.price_per_device_hour_micros,
       currency = excluded.currency, note = excluded.note, as_of = excluded.as_of, updated_at = excluded.updated_at`,
  ).run(r);
}

export function deleteRate(db: Db, projectId: string, hardwareId: string): boolean {
  return db.prepare('DELETE FROM project_rates WHERE project_id = ? AND hardware_id = ?').run(projectId, hardwareId).changes === 1;
}
