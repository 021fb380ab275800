import type { RunFields } from '../db/repositories/runs.repository';

/**
 * Tags a client that knows nothing of Tally can set to say what a run ran on. They write through
 * to the run's compute fields (one source of truth; the UI's "set compute" writes the tags back).
 * A value Tally cannot use never loses the run: the field is left unset and a note says why.
 */
export const TALLY_HARDWARE = 'tally.hardware';
export const TALLY_DEVICES = 'tally.devices';
export const TALLY_PRICE = 'tally.price_per_device_hour';
export const MLFLOW_RUN_NAME = 'mlflow.runName';
export const COMPUTE_TAGS = [TALLY_HARDWARE, TALLY_DEVICES, TALLY_PRICE] as const;

export interface TagEffect {
  fields: RunFields;
  /** Per compute tag: the note to keep (a problem with its value) or null to clear an old one. */
  notes: Record<string, string | null>;
}

/** What setting (value) or deleting (null) each tag does to the run's fields. */
export function effectOfTags(tags: ReadonlyArray<{ key: string; value: string | null }>): TagEffect {
  const fields: RunFields = {};
  const notes: Record<string, string | null> = {};
  for (const { key, value } of tags) {
    const v = value?.trim() ?? '';
    if (key === MLFLOW_RUN_NAME && value !== null) fields.name = value;
    else if (key === TALLY_HARDWARE) {
      fields.hardwareId = v === '' ? null : v.toLowerCase();
      notes[key] = null;
    } else if (key === TALLY_DEVICES) {
      const ok = /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1_000_000;
      fields.devices = ok ? Number(v) : null;
      notes[key] = ok || value === null ? null : `"${v.slice(0, 40)}" is not a whole number of devices (1 or more); ignored`;
    } else if (key === TALLY_PRICE) {
      const n = Number(v.replace(/^\$/, '').replace(/,/g, ''));
      const ok = v !== '' && Number.isFinite(n) && n >= 0 && n <= 1e6;
      fields.pricePerDeviceHourMicros = ok ? Math.round(n * 1e6) : null;
      notes[key] = ok || value === null ? null : `"${v.slice(0, 40)}" is not a price in US dollars per device-hour (e.g. 2.49); ignored`;
    }
  }
  return { fields, notes };
}

/** Merges tag notes into the run's stored note object (JSON text, '' when empty). */
export function mergeNotes(current: Record<string, string>, change: Record<string, string | null>): string {
  const next = { ...current };
  for (const [k, v] of Object.entries(change)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return Object.keys(next).length ? JSON.stringify(next) : '';
}

/** True when the tag changes something the cost depends on. */
export function affectsCost(key: string): boolean {
  return (COMPUTE_TAGS as readonly string[]).includes(key);
}
