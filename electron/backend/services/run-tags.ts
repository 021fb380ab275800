import type { BackendContext } from '../context';
import { deleteTag, upsertTags } from '../db/repositories/run-data.repository';
import * as repo from '../db/repositories/runs.repository';
import { effectOfTags, mergeNotes } from './run-compute-tags';
import { computeNotes } from './run-costs';

export const MLFLOW_NOTE_TAG = 'mlflow.note.content';

/**
 * Writes tags (a null value deletes the tag) and what they mean for the run: mlflow.runName
 * renames it, mlflow.note.content is its notes, tally.* set its compute fields. Returns whether
 * anything the cost depends on changed. Runs inside the caller's transaction.
 */
export function applyTags(ctx: BackendContext, run: repo.RunRecord, tags: ReadonlyArray<{ key: string; value: string | null }>): boolean {
  if (tags.length === 0) return false;
  const set = tags.filter((t): t is { key: string; value: string } => t.value !== null);
  upsertTags(ctx.db, run.id, set);
  for (const t of tags) if (t.value === null) deleteTag(ctx.db, run.id, t.key);
  const effect = effectOfTags(tags);
  const notesTag = tags.filter((t) => t.key === MLFLOW_NOTE_TAG).at(-1);
  const fields: repo.RunFields = { ...effect.fields };
  if (notesTag) fields.notes = notesTag.value ?? '';
  if (Object.keys(effect.notes).length > 0) fields.computeNote = mergeNotes(computeNotes(run), effect.notes);
  repo.updateRunFields(ctx.db, run.id, fields);
  return 'hardwareId' in fields || 'devices' in fields || 'pricePerDeviceHourMicros' in fields;
}
